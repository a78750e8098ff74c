import { describe, test } from 'vitest';
import type { PropertyResult, RunReport } from '../check/findings.js';
import { failsRunAt, gradeOf } from '../check/grade.js';
import { DialKitError } from '../errors.js';
import { consoleReport } from '../report/consoleReport.js';

/** What a team expects of each property: `pass` (the default) or `fail`, a known divergence it keeps track of. */
export type Expectations = Readonly<Record<string, 'pass' | 'fail'>>;

export interface SuiteOptions {
  /** Verdicts expected per property id; a property expected to fail that holds again fails the test, so the list stays true. */
  readonly expect?: Expectations;
  /** `should` findings fail their test too (as `--strict` makes them fail a run); `info` findings never do. */
  readonly strict?: boolean;
  /** Limit of each test (the first one runs the check), in ms: it stops a hung target, it never judges speed. */
  readonly timeout?: number;
}

/** A failed expectation, printed as the kit prints findings. The stack is the message: the kit's frames would only hide it. */
export class DialKitFindingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DialKitFindingsError';
    this.stack = `${this.name}: ${message}`;
  }
}

/** The console report of one property of a run: its line and its findings in full. */
function findingsOf(report: RunReport, result: PropertyResult): string {
  return consoleReport({ ...report, properties: [result], findingCount: result.findings.length });
}

/**
 * A `describe` block with one test per property, named `ID: title`, so vitest's `-t` picks properties
 * by id and watch mode reruns them. The check runs once, when the first test of the block needs it.
 */
export function reportSuite(name: string, properties: readonly { readonly id: string; readonly title: string }[], run: () => Promise<RunReport>, options: SuiteOptions): void {
  const known = new Set(properties.map((property) => property.id));
  for (const id of Object.keys(options.expect ?? {})) {
    if (!known.has(id)) throw new DialKitError('DIALKIT_ERR_USAGE', `expect names ${JSON.stringify(id)}, which is not a property of this check (${[...known].join(', ')})`);
  }
  describe(name, () => {
    let report: Promise<RunReport> | undefined;
    for (const property of properties) {
      test(
        `${property.id}: ${property.title}`,
        async (context) => {
          const done = await (report ??= run());
          const result = done.properties.find((candidate) => candidate.id === property.id);
          if (result === undefined || result.status === 'skipped') {
            throw new DialKitFindingsError(`${property.id} was not checked${result?.skipReason === undefined ? '' : `: ${result.skipReason}`}`);
          }
          // Not exercised is neither a pass nor a failure: vitest shows it as skipped, with the reason.
          if (result.status === 'not-exercised') {
            context.skip(`${property.id} was not exercised: the run gave it nothing to judge${(result.notes ?? []).map((note) => `; ${note}`).join('')}`);
            return;
          }
          const wanted = options.expect?.[property.id] ?? 'pass';
          const fails = result.status === 'failed' && failsRunAt(gradeOf(result), { strict: options.strict === true });
          if (wanted === 'pass' && fails) throw new DialKitFindingsError(`\n${findingsOf(done, result)}`);
          if (wanted === 'fail' && !fails) {
            throw new DialKitFindingsError(`${property.id} was expected to fail and holds now (${result.runs} runs): take it out of expect`);
          }
        },
        options.timeout,
      );
    }
  });
}

import type { Coverage, DivergenceResult, Finding, PropertyResult, RunReport } from '../check/findings.js';
import { gradeOf } from '../check/grade.js';

export interface ConsoleReportOptions {
  /** Most differences listed per finding before "… and N more". Default 20. */
  readonly maxDifferences?: number;
}

/**
 * The human view of a run: one line per property, every finding in full (what to replay, what was sent,
 * expected against actual, each difference with its source), then what the run exercised.
 */
export function consoleReport(report: RunReport, options: ConsoleReportOptions = {}): string {
  const lines: string[] = [];
  lines.push(`dial-kit ${report.mode}: ${report.target}`);
  const shard = report.shard === undefined ? '' : `shard ${report.shard.index}/${report.shard.count} (dial-kit merge joins the shards), `;
  lines.push(`seed ${report.seed}, ${report.runs} runs per property, ${shard}${formatMs(report.durationMs)}`);
  lines.push('');
  const idWidth = Math.max(0, ...report.properties.map((property) => property.id.length));
  const markWidth = Math.max(0, ...report.properties.map((property) => MARK[property.status].length));
  for (const property of report.properties) lines.push(propertyLine(property, idWidth, markWidth));
  for (const note of report.notes ?? []) lines.push('', `NOTE ${note}`);
  for (const property of report.properties) {
    for (const finding of property.findings) lines.push('', ...findingLines(finding, options.maxDifferences ?? 20));
  }
  const expected = report.properties.flatMap((property) => (property.expected ?? []).map((known) => ({ property: property.id, known })));
  if (expected.length > 0) lines.push('', 'Known failures seen again (expected, not counted as findings):');
  for (const { property, known } of expected) {
    lines.push(`  EXPECTED ${property} fingerprint ${known.fingerprint} (${known.cases} case${known.cases === 1 ? '' : 's'})${known.cause === undefined ? '' : `: ${known.cause}`}`, `    ${known.reason}`);
  }
  const fixed = report.fixed ?? [];
  if (fixed.length > 0) lines.push('', 'Known failures that no longer show (fixed; remove them from the known-failures file):');
  for (const known of fixed) lines.push(`  FIXED ${known.property ?? ''}${known.property === undefined ? '' : ' '}fingerprint ${known.fingerprint}${known.cause === undefined ? '' : `: ${known.cause}`}`, `    ${known.reason}`);
  for (const divergence of report.divergences ?? []) lines.push('', ...divergenceLines(divergence));
  lines.push('', ...coverageLines(report.coverage));
  const expectedNote = expected.length === 0 ? '' : ` (${expected.length} known failure${expected.length === 1 ? '' : 's'} seen again, expected)`;
  const failed = report.properties.filter((property) => property.status === 'failed').length;
  lines.push('');
  lines.push(
    report.findingCount === 0
      ? holdLine(report.properties, expectedNote)
      : `${report.findingCount} finding${report.findingCount === 1 ? '' : 's'} in ${failed} of ${report.properties.length} properties${expectedNote}.`,
  );
  return `${lines.join('\n')}\n`;
}

/** Only properties that judged something hold; the rest are named, so a run that checked little does not read as a clean bill. */
function holdLine(properties: readonly PropertyResult[], expectedNote: string): string {
  const idle = properties.filter((property) => property.status === 'not-exercised').map((property) => property.id);
  if (idle.length === 0) return `All ${properties.length} properties hold${expectedNote}.`;
  return `All ${properties.length - idle.length} exercised properties hold${expectedNote}; ${idle.length} not exercised: ${idle.join(', ')}.`;
}

/** A profile's known divergence: shown once, never counted as a finding. */
function divergenceLines(divergence: DivergenceResult): string[] {
  const which = `${divergence.property}${divergence.match === undefined ? '' : ` (${divergence.match})`}`;
  if (divergence.status === 'expected') {
    const finding = divergence.finding;
    return [`EXPECTED ${which}: ${finding?.summary ?? ''}`, `  known divergence: ${divergence.reason}`, ...(finding === undefined ? [] : [`  Replay: ${finding.replay}`])];
  }
  if (divergence.status === 'fixed') return [`FIXED ${which}: the known divergence no longer shows (${divergence.reason}); remove it from the profile`];
  return [`NOT SEEN ${which}: the property failed for another reason, so the run cannot tell (${divergence.reason})`];
}

const MARK: Readonly<Record<PropertyResult['status'], string>> = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP', 'not-exercised': 'NOT EXERCISED' };

function propertyLine(property: PropertyResult, idWidth: number, markWidth: number): string {
  const reason = property.status === 'skipped' && property.skipReason !== undefined ? ` (${property.skipReason})` : '';
  const tail = reason + (property.notes ?? []).map((note) => `\n      note: ${note}`).join('');
  const grade = gradeOf(property);
  // Only the grades that do not fail a run by themselves are named; `must` is what every line means.
  const graded = grade === 'must' ? '' : `${grade}; `;
  const counts = property.counts === undefined ? '' : `  (built ${property.counts.built}, refused ${property.counts.refused}, skipped ${property.counts.skipped})`;
  return `${MARK[property.status].padEnd(markWidth)}  ${property.id.padEnd(idWidth)}  ${property.title}  [${graded}${property.runs} runs, ${formatMs(property.durationMs)}]${counts}${tail}`;
}

function findingLines(finding: Finding, maxDifferences: number): string[] {
  const lines = [`FINDING ${finding.propertyId} (${finding.source}) fingerprint ${finding.fingerprint}`, `  ${finding.summary}`];
  if (finding.cause !== undefined) lines.push(`  Root cause: ${finding.cause}`);
  const answers = answersOf(finding.counterexample);
  lines.push('', finding.propertyId.startsWith('EP-') ? '  Shrunk call:' : '  Shrunk document:');
  // The answers are printed as XML blocks below, so the counterexample's JSON leaves them out.
  const shown = answers === undefined ? finding.counterexample : { ...(finding.counterexample as object), answers: undefined };
  lines.push(...indent(JSON.stringify(shown, untimed, 2), 4));
  if (answers !== undefined && answers.length > 0) {
    lines.push('', '  TwiML answers:');
    for (const answer of answers) lines.push(`    step ${answer.step} (${answer.role}) ${visible(answer.url)}`, ...indent(visible(answer.xml), 6));
  }
  if (finding.steps.length > 0) {
    lines.push('', '  Steps:');
    lines.push(...finding.steps.flatMap((step) => indent(visible(step), 4)));
  }
  if (finding.expected !== undefined) lines.push('', '  Expected:', ...indent(visible(finding.expected), 4));
  if (finding.actual !== undefined) lines.push('', '  Actual:', ...indent(visible(finding.actual), 4));
  const differences = finding.differences ?? [];
  if (differences.length > 0) {
    lines.push('', '  Differences:');
    for (const difference of differences.slice(0, maxDifferences)) {
      lines.push(`    ${difference.path}: expected ${show(difference.expected)}, got ${show(difference.actual)}  [${difference.rule}; ${difference.source}]`);
    }
    if (differences.length > maxDifferences) lines.push(`    … and ${differences.length - maxDifferences} more`);
  }
  lines.push('', `  Replay: ${finding.replay}`);
  return lines;
}

function coverageLines(coverage: Coverage): string[] {
  const section = (title: string, counts: Readonly<Record<string, number>>): string[] => {
    const entries = Object.entries(counts);
    if (entries.length === 0) return [];
    return [`  ${title} (${entries.length}): ${entries.map(([name, count]) => `${name} ${count}`).join(', ')}`];
  };
  const lines = [...section('nouns', coverage.nouns), ...section('attributes', coverage.attributes), ...section('rules', coverage.rules), ...section('outcomes', coverage.outcomes)];
  return lines.length === 0 ? ['Coverage: nothing counted.'] : ['Coverage:', ...lines];
}

/** Measured times stay in the JSON report; the console shows the case, which depends on the seed alone. */
function untimed(key: string, value: unknown): unknown {
  return key === 'elapsedMs' ? undefined : value;
}

interface PrintedAnswer {
  readonly step: number;
  readonly role: string;
  readonly url: string;
  readonly xml: string;
}

/** An endpoint finding's `counterexample.answers` (src/check/endpoint/answerXml.ts), when it has them. */
function answersOf(counterexample: unknown): readonly PrintedAnswer[] | undefined {
  if (counterexample === null || typeof counterexample !== 'object' || !('answers' in counterexample)) return undefined;
  const answers = counterexample.answers;
  if (!Array.isArray(answers)) return undefined;
  const printable = (answer: unknown): answer is PrintedAnswer =>
    answer !== null &&
    typeof answer === 'object' &&
    typeof (answer as PrintedAnswer).step === 'number' &&
    typeof (answer as PrintedAnswer).role === 'string' &&
    typeof (answer as PrintedAnswer).url === 'string' &&
    typeof (answer as PrintedAnswer).xml === 'string';
  return answers.every(printable) ? answers : undefined;
}

function indent(text: string, spaces: number): string[] {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((line) => pad + line);
}

/** A terminal would act on CR and other control characters; show them as escapes instead. */
function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (char) => (char === '\r' ? '\\r' : `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`));
}

function show(value: string | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

import type { PropertyResult, RunReport } from './findings.js';

/**
 * How much a property's findings weigh, as h2spec and Autobahn grade their cases:
 * - `must`: Twilio refuses or misreads what the property forbids; a finding fails the run.
 * - `should`: allowed by Twilio, but a call flow almost never means it; a finding fails the run only
 *   under `--strict`.
 * - `info`: reported for the reader; never fails a run.
 */
export type Grade = 'must' | 'should' | 'info';

export const GRADES: readonly Grade[] = ['must', 'should', 'info'];

/** A property's grade; reports written before grades existed hold `must` properties only. */
export function gradeOf(result: Pick<PropertyResult, 'grade'>): Grade {
  return result.grade ?? 'must';
}

export interface VerdictOptions {
  /** `should` findings fail the run too. */
  readonly strict?: boolean;
}

/** Whether a property's findings fail the run under these options. */
export function failsRunAt(grade: Grade, options: VerdictOptions = {}): boolean {
  return grade === 'must' || (grade === 'should' && options.strict === true);
}

/** Whether a report fails its run: a failed `must` property (with `strict`, a failed `should` one too). */
export function failsRun(report: Pick<RunReport, 'properties'>, options: VerdictOptions = {}): boolean {
  return report.properties.some((property) => property.status === 'failed' && failsRunAt(gradeOf(property), options));
}

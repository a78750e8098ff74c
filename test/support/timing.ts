import type { RunReport } from '../../src/check/findings.js';

/** The fields that hold measured time; everything else in a report depends on the seed alone. */
const TIMING_FIELDS = new Set(['durationMs', 'startedAt', 'elapsedMs']);

/** A report as JSON without its timing fields: two runs of one seed give the same text on any machine. */
export function timelessReport(report: RunReport): string {
  return JSON.stringify(report, (key, value: unknown) => (TIMING_FIELDS.has(key) ? undefined : value));
}

/** Console text with measured durations ("12 ms", "3.2 s", "in 1.5s") replaced, so two runs compare equal. */
export function untimedText(text: string): string {
  return text.replace(/\b\d+(\.\d+)? ?(ms|s)\b/g, 'T');
}

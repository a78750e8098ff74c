import type { RunReport } from '../check/findings.js';

/** The machine view of a run: the whole RunReport, stable key order, two-space indent. */
export function jsonReport(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

import type { Finding, PropertyResult, RunReport } from '../findings.js';
import type { StoredReplay } from './storedReplay.js';

/** What the failure store did in a run: every stored case and what became of it, and the cases saved. */
export interface FailureStoreSummary {
  readonly directory: string;
  readonly replayed: readonly { readonly file: string; readonly propertyId: string; readonly status: StoredReplay['status']; readonly reason?: string }[];
  /** Files written for this run's new findings. */
  readonly saved: readonly string[];
}

/**
 * The run's report with the stored cases that still fail in it: their findings come first in their
 * property (a finding of the run with the same fingerprint is the same bug and is dropped), and the
 * property fails.
 */
export function withStoredFindings(report: RunReport, replays: readonly StoredReplay[]): RunReport {
  const stored = new Map<string, Finding[]>();
  for (const replay of replays) {
    for (const finding of replay.findings) stored.set(finding.propertyId, [...(stored.get(finding.propertyId) ?? []), finding]);
  }
  const properties = report.properties.map((property): PropertyResult => {
    const fromStore = stored.get(property.id) ?? [];
    if (fromStore.length === 0) return property;
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const finding of [...fromStore, ...property.findings]) {
      if (seen.has(finding.fingerprint)) continue;
      seen.add(finding.fingerprint);
      findings.push(finding);
    }
    return { ...property, status: 'failed', findings };
  });
  return { ...report, properties, findingCount: properties.reduce((sum, property) => sum + property.findings.length, 0) };
}

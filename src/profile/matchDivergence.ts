import type { Divergence } from './profile.js';

/** The parts of a finding a divergence is matched on. */
export interface DivergenceSubject {
  readonly propertyId: string;
  readonly fingerprint: string;
  readonly summary: string;
}

/**
 * The known divergence that covers a finding, if any: same property, and `match` absent, equal to the
 * fingerprint, or a substring of the summary.
 */
export function matchDivergence(finding: DivergenceSubject, divergences: readonly Divergence[]): Divergence | undefined {
  return divergences.find(
    (divergence) =>
      divergence.property === finding.propertyId &&
      (divergence.match === undefined || divergence.match === finding.fingerprint || finding.summary.includes(divergence.match)),
  );
}

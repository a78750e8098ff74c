import { createHash } from 'node:crypto';
import type { Difference } from '../../reference/compare.js';

/**
 * Same bug, same fingerprint: the property, the kind of problem and the attributes or structures that
 * differ, with positions and values left out so that two counterexamples of one defect agree.
 */
export function fingerprint(propertyId: string, problem: string, differences: readonly Difference[] = []): string {
  const rules = [...new Set(differences.map((difference) => difference.rule))].sort();
  return createHash('sha256').update([propertyId, problem, ...rules].join('\n')).digest('hex').slice(0, 16);
}

import { createHash } from 'node:crypto';
import type { Difference } from '../../reference/compare.js';

/**
 * Same bug, same fingerprint: the property, the kind of problem and the shape of each difference, with
 * positions and concrete values left out so that two counterexamples of one defect agree. A value that
 * changed only in letter case (`true` → `True`, `GET` → `get`) or only in its list separator is the same
 * defect whichever attribute shows it; anything else is tied to the attribute or structure involved.
 */
export function fingerprint(propertyId: string, problem: string, differences: readonly Difference[] = []): string {
  const shapes = [...new Set(differences.map(shapeOf))].sort();
  return createHash('sha256').update([propertyId, problem, ...shapes].join('\n')).digest('hex').slice(0, 16);
}

function shapeOf(difference: Difference): string {
  const { expected, actual, rule } = difference;
  if (actual === undefined) return `${rule}:missing`;
  if (expected === undefined) return `${rule}:extra`;
  if (actual.toLowerCase() === expected.toLowerCase()) return 'letter-case-changed';
  const separator = /^[^\s,;|]+([,;|])[^\s,;|]/.exec(actual)?.[1];
  if (separator !== undefined && expected.includes(' ') && expected.split(' ').join(separator) === actual) return `list-separator:${separator}`;
  return `${rule}:changed`;
}

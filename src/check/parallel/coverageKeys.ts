import type { TwimlDocument } from '../../model/document.js';
import { CoverageCounter } from '../coverageCounter.js';

const GROUPS = ['attributes', 'nouns', 'rules', 'outcomes', 'valueClasses'] as const;

/**
 * One document's coverage as text a worker can hand to the main thread cheaply: a line per key,
 * `group TAB key TAB count`. The main thread adds it only for the cases the run counts.
 */
export function encodeCoverage(document: TwimlDocument, withRules: boolean): string {
  const one = new CoverageCounter();
  one.add(document, withRules);
  const snapshot = one.snapshot() as unknown as Partial<Record<(typeof GROUPS)[number], Record<string, number>>>;
  const lines: string[] = [];
  for (const group of GROUPS) {
    for (const [key, count] of Object.entries(snapshot[group] ?? {})) lines.push(`${group}\t${key}\t${count}`);
  }
  return lines.join('\n');
}

/** Adds coverage encoded by {@link encodeCoverage} to a run's counter. */
export function addEncodedCoverage(counter: CoverageCounter, encoded: string): void {
  if (encoded === '') return;
  for (const line of encoded.split('\n')) {
    const [group, key, count] = line.split('\t') as [(typeof GROUPS)[number], string, string];
    counter.addCount(group, key, Number(count));
  }
}

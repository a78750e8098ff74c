import { validate } from '../../reference/validate.js';
import { coverageOf } from '../arbitraries/coverage.js';
import type { TwimlDocument } from '../model/document.js';
import type { Coverage } from './findings.js';

export type Group = 'attributes' | 'nouns' | 'rules' | 'outcomes' | 'valueClasses';
const GROUPS: readonly Group[] = ['attributes', 'nouns', 'rules', 'outcomes', 'valueClasses'];

/**
 * Counts, document by document, what a run exercised, with the generators' own `coverageOf` (attributes,
 * value classes, nouns), plus for documents that break rules the validator rules they break. Only the
 * counts are kept, never the documents, so memory stays flat over long runs.
 */
export class CoverageCounter {
  private readonly counts: Record<Group, Map<string, number>> = {
    attributes: new Map(), nouns: new Map(), rules: new Map(), outcomes: new Map(), valueClasses: new Map(),
  };

  add(document: TwimlDocument, withRules: boolean): void {
    let one: Coverage;
    try {
      one = coverageOf([document]);
    } catch {
      return; // a document that exercises nothing counts for nothing
    }
    for (const group of GROUPS) {
      for (const [key, count] of Object.entries((one as unknown as Record<Group, Record<string, number> | undefined>)[group] ?? {})) this.bump(group, key, count);
    }
    if (withRules) for (const diagnostic of validate(document)) this.bump('rules', diagnostic.ruleId, 1);
  }

  snapshot(): Coverage {
    const [attributes, nouns, rules, outcomes, valueClasses] = GROUPS.map((group) => sorted(this.counts[group]));
    return { attributes: attributes ?? {}, nouns: nouns ?? {}, rules: rules ?? {}, outcomes: outcomes ?? {}, ...(valueClasses !== undefined && Object.keys(valueClasses).length > 0 ? { valueClasses } : {}) };
  }

  /** Adds `by` to one key's count (coverage counted elsewhere, e.g. in a worker thread). */
  addCount(group: Group, key: string, by: number): void {
    this.bump(group, key, by);
  }

  private bump(group: Group, key: string, by: number): void {
    const map = this.counts[group];
    map.set(key, (map.get(key) ?? 0) + by);
  }
}

function sorted(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

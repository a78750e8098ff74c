import { validate } from '../../reference/validate.js';
import { CoverageTally } from '../arbitraries/coverageTally.js';
import type { TwimlDocument } from '../model/document.js';
import type { Coverage } from './findings.js';

/**
 * Counts, document by document, what a run exercised, with the generators' own counting (attributes,
 * value classes, nouns), plus for documents that break rules the validator rules they break. Only the
 * counts are kept, never the documents, so memory stays flat over long runs.
 */
export class CoverageCounter {
  private readonly tally = new CoverageTally();

  add(document: TwimlDocument, withRules: boolean): void {
    const before = this.tally.hits;
    this.tally.document(document);
    // A document that exercises nothing counts for nothing, not even the rules it breaks (as `coverageOf` would refuse it).
    if (this.tally.hits === before) return;
    if (withRules) for (const diagnostic of validate(document)) this.tally.rule(diagnostic.ruleId);
  }

  snapshot(): Coverage {
    const { attributes, nouns, rules, outcomes, valueClasses } = this.tally;
    return {
      attributes: sorted(attributes),
      nouns: sorted(nouns),
      rules: sorted(rules),
      outcomes: sorted(outcomes),
      ...(valueClasses.size > 0 ? { valueClasses: sorted(valueClasses) } : {}),
    };
  }
}

function sorted(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

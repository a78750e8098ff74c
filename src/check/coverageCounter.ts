import { validate } from '../../reference/validate.js';
import { CoverageTally } from '../arbitraries/coverageTally.js';
import type { TwimlDocument } from '../model/document.js';
import type { Coverage } from './findings.js';

type Group = 'attributes' | 'nouns' | 'rules' | 'outcomes' | 'valueClasses';
const GROUPS: readonly Group[] = ['attributes', 'nouns', 'rules', 'outcomes', 'valueClasses'];

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

  /**
   * The counts so far as text, a line per key (`group TAB key TAB count`), and the counter emptied: how a
   * worker thread hands one case's coverage to the run's counter, which adds it with {@link addDrained}.
   */
  drain(): string {
    const lines: string[] = [];
    for (const group of GROUPS) {
      const counts = this.tally[group];
      for (const [key, count] of counts) lines.push(`${group}\t${key}\t${count}`);
      counts.clear();
    }
    return lines.join('\n');
  }

  /** Adds counts another counter drained. */
  addDrained(text: string): void {
    // One pass with indexOf: a batch's text has hundreds of lines, and splitting them twice showed in profiles.
    for (let start = 0; start < text.length; ) {
      const firstTab = text.indexOf('\t', start);
      const secondTab = text.indexOf('\t', firstTab + 1);
      let end = text.indexOf('\n', secondTab + 1);
      if (end === -1) end = text.length;
      const counts = this.tally[text.slice(start, firstTab) as Group];
      counts.add(text.slice(firstTab + 1, secondTab), Number(text.slice(secondTab + 1, end)));
      start = end + 1;
    }
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

function sorted(counts: Iterable<[string, number]>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

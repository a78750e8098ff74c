import { validate } from '../../reference/validate.js';
import type { DialChild } from '../model/dial.js';
import type { TwimlDocument } from '../model/document.js';
import type { Coverage } from './findings.js';

/**
 * Counts, document by document, what a run exercised: attributes (`Dial.timeout`), nouns, and for
 * documents that break rules the validator rules they break. Counts only, so memory stays flat.
 */
export class CoverageCounter {
  private readonly attributes = new Map<string, number>();
  private readonly nouns = new Map<string, number>();
  private readonly rules = new Map<string, number>();

  add(document: TwimlDocument, withRules: boolean): void {
    for (const verb of document.verbs) {
      if (verb.kind !== 'Dial') continue;
      this.countAttributes('Dial', verb.attributes);
      for (const child of verb.children) this.countChild(child);
    }
    if (withRules) {
      for (const diagnostic of validate(document)) bump(this.rules, diagnostic.ruleId);
    }
  }

  snapshot(): Coverage {
    return { attributes: sorted(this.attributes), nouns: sorted(this.nouns), rules: sorted(this.rules), outcomes: {} };
  }

  private countChild(child: DialChild): void {
    if (child.kind === 'text') {
      if (child.text.trim() !== '') bump(this.nouns, 'text');
      return;
    }
    const name = child.kind === 'element' ? child.name : child.kind;
    bump(this.nouns, name);
    this.countAttributes(name, child.attributes);
  }

  private countAttributes(element: string, attributes: Readonly<Record<string, string>>): void {
    for (const name of Object.keys(attributes)) bump(this.attributes, `${element}.${name}`);
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sorted(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

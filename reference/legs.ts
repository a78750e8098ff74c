import type { DialNoun, DialVerb, NounName } from '../src/model/dial.js';
import type { TextNode } from '../src/model/document.js';

/** One thing a `<Dial>` dials: the bare number, or one noun. Outcomes are given per leg, in this order. */
export interface DialedLeg {
  /** Position among the legs, from 0: the index into `DialOutcome.legs`. */
  readonly index: number;
  readonly kind: NounName | 'text';
  readonly node: TextNode | DialNoun;
  /** `/Response/Dial[1]/Number[2]`, or `/Response/Dial[1]/text()` for the bare number. */
  readonly path: string;
}

/**
 * The legs of a `<Dial>` in document order: every non-blank text child (a bare number, seed §Nouns)
 * and every noun. Elements that are not nouns dial nothing and are not legs.
 */
export function dialedLegs(dial: DialVerb, dialPath = '/Response/Dial[1]'): DialedLeg[] {
  const legs: DialedLeg[] = [];
  const counts = new Map<string, number>();
  for (const child of dial.children) {
    if (child.kind === 'element') continue;
    if (child.kind === 'text') {
      if (child.text.trim() === '') continue;
      legs.push({ index: legs.length, kind: 'text', node: child, path: `${dialPath}/text()` });
      continue;
    }
    const position = (counts.get(child.kind) ?? 0) + 1;
    counts.set(child.kind, position);
    legs.push({ index: legs.length, kind: child.kind, node: child, path: `${dialPath}/${child.kind}[${position}]` });
  }
  return legs;
}

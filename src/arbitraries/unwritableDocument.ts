import fc from 'fast-check';
import type { TwimlDocument } from '../model/document.js';
import { dialDocument, type DialDocumentConstraints } from './dialDocument.js';

/**
 * Characters XML 1.0 cannot carry (§2.2 `Char`): C0 controls other than TAB, LF and CR, the
 * noncharacters U+FFFE and U+FFFF, and lone surrogates (a JavaScript string can hold one; UTF-8 cannot).
 * U+0001 first, so a failure shrinks to it.
 */
export const UNWRITABLE_CHARACTERS: readonly string[] = [
  ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x00).map((code) => String.fromCharCode(code)),
  '\u0000', '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF',
];

type Place = 'attribute' | 'text';
const TEXT_KEYS = new Set(['text', 'identity', 'applicationSid']);

/** Calls `visit` for every attribute value and text of the document, in document order; returns a copy with its answers. */
function rewrite(node: unknown, visit: (place: Place, value: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, visit));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'attributes' && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, string>).map(([name, item]) => [name, visit('attribute', item)]));
    } else if (TEXT_KEYS.has(key) && typeof value === 'string') {
      out[key] = visit('text', value);
    } else {
      out[key] = rewrite(value, visit);
    }
  }
  return out;
}

/**
 * A small valid `<Dial>` document with one character XML cannot carry put into one attribute value or
 * one text (after at most two ordinary characters, so a failure shrinks to the character alone). No
 * XML form exists for it: a builder conforms only by refusing. A document with no place of the kind
 * asked for gets the character in a `callReason` on `<Dial>`, or in a place of the other kind when the
 * constraints (a dialect subset: nouns, verbs, attributes) leave `callReason` out.
 * @see XML 1.0 §2.2 (Char); facts §1.2 (12100: a document that is not well-formed); facts §6 (twilio
 * writes C0 controls raw into attribute values)
 */
export function unwritableDocument(constraints: Pick<DialDocumentConstraints, 'nouns' | 'verbs' | 'attributes'> = {}): fc.Arbitrary<TwimlDocument> {
  const base = dialDocument({ ...constraints, maxVerbsBefore: 0, maxVerbsAfter: 1, maxLegs: 2 });
  const callReason = constraints.attributes?.Dial === undefined || constraints.attributes.Dial.includes('callReason');
  const value = fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 2 }), fc.constantFrom(...UNWRITABLE_CHARACTERS)).map(([prefix, char]) => `${prefix}${char}`);
  return fc.tuple(base, fc.constantFrom<Place>('attribute', 'text'), fc.nat(), value).map(([document, asked, at, bad]) => {
    const slotsOf = (place: Place): number => {
      let slots = 0;
      rewrite(document, (kind, text) => {
        if (kind === place) slots += 1;
        return text;
      });
      return slots;
    };
    let place = asked;
    let slots = slotsOf(place);
    if (slots === 0 && !callReason) {
      place = asked === 'attribute' ? 'text' : 'attribute';
      slots = slotsOf(place);
    }
    if (slots === 0) {
      return { ...document, verbs: document.verbs.map((verb) => (verb.kind === 'Dial' ? { ...verb, attributes: { ...verb.attributes, callReason: bad } } : verb)) };
    }
    let seen = 0;
    return rewrite(document, (kind, text) => (kind === place && seen++ === at % slots ? bad : text)) as TwimlDocument;
  });
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../../reference/compare.js';
import type { DialChild, DialVerb } from '../../src/model/dial.js';
import type { GenericElement, TwimlDocument } from '../../src/model/document.js';
import { isXmlText } from '../../src/xml/chars.js';
import { parseTwiml } from '../../src/xml/parse.js';
import { serializeTwiml } from '../../src/xml/serialize.js';

/** Characters that break naive escaping, plus any single code point XML 1.0 can carry (non-BMP included). */
const hostileUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', ' ', ']]>', '&amp;', '&#13;', '\uFDD0', '😀', '\u{10FFFF}', 'a', '1') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter(isXmlText) },
);
const hostile = (minLength = 0): fc.Arbitrary<string> => fc.string({ unit: hostileUnit, minLength, maxLength: 12 });
/** Text the model keeps as a node of its own in <Dial> and <Response>: not blank. */
const nonBlank = hostile(1).filter((text) => text.trim() !== '');

const attributeName = fc.constantFrom('action', 'callerId', 'timeout', 'record', 'method', 'fooBar', 'data-x', 'xml:lang');
const attributes = fc.dictionary(attributeName, hostile(), { maxKeys: 4 });

const say: fc.Arbitrary<GenericElement> = fc.record({
  kind: fc.constant('element' as const),
  name: fc.constantFrom('Say', 'Play', 'Custom'),
  attributes,
  children: fc.array(fc.record({ kind: fc.constant('text' as const), text: hostile(1) }), { maxLength: 1 }),
});

const dialChild: fc.Arbitrary<DialChild> = fc.oneof(
  fc.record({ kind: fc.constantFrom('Number' as const, 'Sip' as const, 'Conference' as const, 'Queue' as const), attributes, text: hostile() }),
  fc.record({ kind: fc.constant('Client' as const), attributes, text: hostile(), parameters: fc.constant([]) }),
  fc.record({
    kind: fc.constant('Client' as const),
    attributes,
    text: fc.constant(''),
    identity: hostile(),
    parameters: fc.array(fc.record({ kind: fc.constant('Parameter' as const), attributes: fc.record({ name: hostile(), value: hostile() }) }), { maxLength: 2 }),
  }),
);

const dial: fc.Arbitrary<DialVerb> = fc
  .record({ attributes, text: fc.option(nonBlank, { nil: undefined }), nouns: fc.array(dialChild, { maxLength: 3 }) })
  .map(({ attributes: written, text, nouns }) => ({
    kind: 'Dial' as const,
    attributes: written,
    children: text === undefined ? nouns : [{ kind: 'text' as const, text }, ...nouns],
  }));

const document: fc.Arbitrary<TwimlDocument> = fc.record({
  root: fc.constant('Response'),
  attributes: fc.constant({}),
  verbs: fc.array(fc.oneof(dial, say), { minLength: 1, maxLength: 3 }),
});

describe('round trip over hostile strings', () => {
  it('parse(serialize(d)) equals d, and compares equivalent even in strict mode', () => {
    fc.assert(
      fc.property(document, (original) => {
        const xml = serializeTwiml(original);
        const outcome = parseTwiml(xml);
        if (!outcome.ok) throw new Error(`serialized document did not parse: ${outcome.error.message}\n${xml}`);
        expect(outcome.document).toEqual(original);
        expect(compare(original, outcome.document, { strict: true }).differences).toEqual([]);
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('serializes the same document to the same text whatever the attribute order', () => {
    fc.assert(
      fc.property(dial, (verb) => {
        const reversed: DialVerb = { ...verb, attributes: Object.fromEntries(Object.entries(verb.attributes).reverse()) };
        const wrap = (one: DialVerb): TwimlDocument => ({ root: 'Response', attributes: {}, verbs: [one] });
        expect(serializeTwiml(wrap(reversed))).toBe(serializeTwiml(wrap(verb)));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

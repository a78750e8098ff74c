import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dialCase } from '../../src/arbitraries/dialCase.js';
import { dialDocument } from '../../src/arbitraries/dialDocument.js';
import { invalidDocument } from '../../src/arbitraries/invalidDocument.js';
import { unwritableDocument } from '../../src/arbitraries/unwritableDocument.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { serializeTwiml, serializeWithBuilder, type SerializeOptions } from '../../src/xml/serialize.js';

/** The text written, or the error thrown (class, message and path), so refusals are compared too. */
function written(write: (document: TwimlDocument, options: SerializeOptions) => string, document: TwimlDocument, options: SerializeOptions): string {
  try {
    return write(document, options);
  } catch (error) {
    const { name, message, path } = error as Error & { path?: string };
    return `${name}: ${message} @ ${String(path)}`;
  }
}

function differences(documents: readonly TwimlDocument[]): string[] {
  const found: string[] = [];
  for (const document of documents) {
    for (const options of [{}, { declaration: false }]) {
      const expected = written(serializeWithBuilder, document, options);
      const actual = written(serializeTwiml, document, options);
      if (actual !== expected) found.push(`${JSON.stringify(document)}\n  xmlbuilder2: ${expected}\n  string writer: ${actual}`);
    }
  }
  return found.slice(0, 3);
}

const invalidDocuments = invalidDocument({ documentsOnly: true }).map((labelled) => (labelled.kind === 'document' ? labelled.document : { root: 'Response', attributes: {}, verbs: [] }));

// serializeTwiml writes canonical XML with a string writer of its own; xmlbuilder2, which it used before, stays
// the reference for its bytes (and writes pretty XML and documents with prefixed names).
describe('the string writer gives xmlbuilder2\'s bytes', () => {
  it.each([
    ['valid documents', dialDocument() as fc.Arbitrary<TwimlDocument>],
    ['invalid documents', invalidDocuments as fc.Arbitrary<TwimlDocument>],
    ['documents with outcomes', dialCase().map((one) => one.document) as fc.Arbitrary<TwimlDocument>],
    ['documents it must refuse (the same error at the same path)', unwritableDocument() as fc.Arbitrary<TwimlDocument>],
  ])('on %s', (_name, arbitrary) => {
    const documents = [1, 2].flatMap((seed) => fc.sample(arbitrary, { seed, numRuns: 1000 }));
    expect(differences(documents)).toEqual([]);
  });

  it('on hand-made edge cases: empty elements, markers, references, line ends, prefixed names', () => {
    const say = (text: string, attributes: Record<string, string> = {}): TwimlDocument => ({
      root: 'Response',
      attributes: {},
      verbs: [{ kind: 'element', name: 'Say', attributes, children: [{ kind: 'text', text }] }],
    });
    const documents: TwimlDocument[] = [
      { root: 'Response', attributes: {}, verbs: [] },
      { root: 'Response', attributes: { a: '1' }, verbs: [{ kind: 'text', text: '' }] },
      say(''),
      say('\uFDD0t \uFDD00 &amp; &#38; ]]> <!-- --> \r\n \t', { v: '\uFDD0a\t\n\r"\'<>&amp;' }),
      say('x', { 'xml:lang': 'en' }),
      say('x', { xmlns: 'urn:x' }),
      { root: 't:Response', attributes: {}, verbs: [] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'element', name: 'a:b', attributes: {}, children: [] }] },
      say('bad \u0001'),
      { root: 'Response', attributes: {}, verbs: [{ kind: 'element', name: '1bad', attributes: {}, children: [] }] },
    ];
    expect(differences(documents)).toEqual([]);
  });
});

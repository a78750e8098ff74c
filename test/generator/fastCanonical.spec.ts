import { describe, expect, it } from 'vitest';
import { dialDocument, invalidDocument } from '../../src/arbitraries/index.js';
import { fastCanonical } from '../../src/check/fastCanonical.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { test } from '../../src/vitest/index.js';
import { serializeTwiml } from '../../src/xml/serialize.js';

function reference(document: TwimlDocument): string | undefined {
  try {
    return serializeTwiml(document);
  } catch {
    return undefined;
  }
}

const brokenDocuments = invalidDocument({ documentsOnly: true }).map((labelled): TwimlDocument => (labelled.kind === 'document' ? labelled.document : { root: 'Response', attributes: {}, verbs: [] }));

describe('fastCanonical is serializeTwiml, byte for byte', () => {
  test.prop([dialDocument()], { seed: 7, numRuns: 3000 })('on valid documents', (document) => fastCanonical(document) === reference(document));

  test.prop([brokenDocuments], { seed: 7, numRuns: 3000 })('on documents that break a rule', (document) => fastCanonical(document) === reference(document));

  it('on the corners: empty elements, escapes, names it leaves to serializeTwiml, characters XML cannot carry', () => {
    const corners: TwimlDocument[] = [
      { root: 'Response', attributes: {}, verbs: [] },
      { root: 'Response', attributes: { 'xml:lang': 'en' }, verbs: [{ kind: 'text', text: 'a\r>&<' }] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: { callerId: '"\t\n\r<>&\'' }, children: [{ kind: 'text', text: '' }] }] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: {}, children: [{ kind: 'Client', attributes: {}, text: '', identity: '', parameters: [] }] }] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: {}, children: [{ kind: 'text', text: 'a\u0001' }] }] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'element', name: 'bad name', attributes: {}, children: [] }] },
      // The one-pass escaper: DEL and astral characters pass, lone surrogates, U+FFFE and U+FFFF do not.
      { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: { action: 'a\u007f\u{1F600}é"&' }, children: [{ kind: 'Number', attributes: {}, text: '\u{1F600}\t\n\u007f>' }] }] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: { action: 'a\uD800' }, children: [] }] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: {}, children: [{ kind: 'Number', attributes: {}, text: '\uDC00x' }] }] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: {}, children: [{ kind: 'Number', attributes: {}, text: 'x\uFFFE' }] }] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: { callerId: '\uFFFF' }, children: [] }] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: { XmLns: 'x', timeout: '5', zz: '1', aa: '2' }, children: [{ kind: 'text', text: '' }, { kind: 'Client', attributes: {}, text: '', parameters: [{ kind: 'Parameter', attributes: { value: 'v', name: 'n' } }] }] }] },
      { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: {}, children: [{ kind: 'Application', attributes: {}, applicationSid: '', parameters: [] }, { kind: 'Application', attributes: {}, parameters: [] }] }] },
    ];
    for (const document of corners) expect(fastCanonical(document)).toBe(reference(document));
  });
});

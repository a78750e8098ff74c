import fc from 'fast-check';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { dialDocument, invalidDocument } from '../../src/arbitraries/index.js';
import { sameXmlText } from '../../src/check/checkBuild.js';
import { fastCanonical, matchesCanonical } from '../../src/check/fastCanonical.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { driveVoiceResponse, type BuilderConstructor } from '../../src/targets/builder/driveVoiceResponse.js';

const VoiceResponse = twilio.twiml.VoiceResponse as unknown as BuilderConstructor;
const documents = fc.oneof(
  dialDocument(),
  invalidDocument({ documentsOnly: true }).map((labelled): TwimlDocument => (labelled.kind === 'document' ? labelled.document : { root: 'Response', attributes: {}, verbs: [] })),
);

function twilioXml(document: TwimlDocument): string | undefined {
  try {
    return driveVoiceResponse(VoiceResponse, document);
  } catch {
    return undefined;
  }
}

/** Small edits that keep the output close to the canonical form: the cases a sloppy matcher would let through. */
const edits: readonly ((xml: string, at: number) => string)[] = [
  (xml, at) => xml.slice(0, at) + xml.slice(at + 1),
  (xml, at) => `${xml.slice(0, at)}>${xml.slice(at)}`,
  (xml, at) => `${xml.slice(0, at)}]]>${xml.slice(at)}`,
  (xml, at) => `${xml.slice(0, at)}&apos;${xml.slice(at)}`,
  (xml, at) => `${xml.slice(0, at)}&gt;${xml.slice(at + 1)}`,
  (xml) => xml.replace('&gt;', '>'),
  (xml) => xml.replaceAll("'", '&apos;'),
  (xml) => xml.replace('&amp;', '&'),
  (xml) => xml.replace('/>', '></x>'),
];

describe('matchesCanonical: the fast path without building the canonical form', () => {
  it('agrees with sameXmlText(fastCanonical(d), xml) on the canonical form and on the twilio package output', () => {
    fc.assert(
      fc.property(documents, (document) => {
        const expected = fastCanonical(document);
        if (expected !== undefined) expect(matchesCanonical(document, expected)).toBe(true);
        const actual = twilioXml(document);
        if (actual !== undefined) expect(matchesCanonical(document, actual)).toBe(expected !== undefined && sameXmlText(expected, actual));
      }),
      { seed: 5, numRuns: 1500 },
    );
  });

  it('hits for every output of the twilio package: the driver hands attributes over in canonical order', () => {
    fc.assert(
      fc.property(documents, (document) => {
        const actual = twilioXml(document);
        if (actual !== undefined && fastCanonical(document) !== undefined) expect(matchesCanonical(document, actual)).toBe(true);
      }),
      { seed: 8, numRuns: 1500 },
    );
  });

  it('is sound on edited outputs: true only when sameXmlText says the same', () => {
    fc.assert(
      fc.property(documents, fc.nat(edits.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), (document, which, where) => {
        const expected = fastCanonical(document);
        const base = twilioXml(document) ?? expected;
        if (base === undefined) return;
        const edited = (edits[which] as (xml: string, at: number) => string)(base, Math.floor(where * base.length));
        if (matchesCanonical(document, edited)) expect(expected !== undefined && sameXmlText(expected, edited)).toBe(true);
      }),
      { seed: 6, numRuns: 4000 },
    );
  });

  it('refuses the corners: a raw ]]> in text, a lone surrogate, an unusual name, extra text at the end', () => {
    const dial = (text: string): TwimlDocument => ({ root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: {}, children: [{ kind: 'Number', attributes: {}, text }] }] });
    const head = '<?xml version="1.0" encoding="UTF-8"?>';
    expect(matchesCanonical(dial(']]>'), `${head}<Response><Dial><Number>]]&gt;</Number></Dial></Response>`)).toBe(true);
    expect(matchesCanonical(dial(']]>'), `${head}<Response><Dial><Number>]]></Number></Dial></Response>`)).toBe(false);
    expect(matchesCanonical(dial('a>b'), `${head}<Response><Dial><Number>a>b</Number></Dial></Response>`)).toBe(true);
    expect(matchesCanonical(dial('\uD800'), `${head}<Response><Dial><Number>\uD800</Number></Dial></Response>`)).toBe(false);
    expect(matchesCanonical(dial('x'), `${head}<Response><Dial><Number>x</Number></Dial></Response>x`)).toBe(false);
    expect(matchesCanonical({ root: 'Response', attributes: { 'xml:lang': 'en' }, verbs: [] }, `${head}<Response xml:lang="en"/>`)).toBe(false);
  });
});

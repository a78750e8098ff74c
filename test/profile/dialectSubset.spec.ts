import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { DialKitError } from '../../src/errors.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { dialectSubset, insideDialect } from '../../src/profile/dialectSubset.js';
import { parseProfile } from '../../src/profile/index.js';

/** Leaves out `<Dial record>`, `<Dial callReason>` and every attribute of `<Number>` but `url`, and every noun but Number and Client. */
const profile = parseProfile(
  JSON.stringify({
    profile: 1,
    name: 'mini',
    supports: { verbs: ['Dial', 'Say', 'Hangup'], nouns: ['Number', 'Client'], attributes: { Dial: ['action', 'method', 'timeout', 'callerId'], Number: ['url'] } },
  }),
  'mini.json',
);

function elements(document: TwimlDocument): { name: string; attributes: Readonly<Record<string, string>> }[] {
  return document.verbs.flatMap((verb) => {
    if (verb.kind === 'text') return [];
    if (verb.kind !== 'Dial') return [{ name: verb.name, attributes: verb.attributes }];
    return [{ name: 'Dial', attributes: verb.attributes }, ...verb.children.flatMap((child) => (child.kind === 'text' ? [] : [{ name: child.kind === 'element' ? child.name : child.kind, attributes: child.attributes }]))];
  });
}

describe('a dialect subset keeps every generated document inside it', () => {
  const dialect = dialectSubset({ profile });
  for (const property of builderProperties('all', dialect)) {
    it(`${property.id} (${property.documents}): no attribute the profile leaves out, no noun or verb it does not name`, () => {
      fc.assert(
        fc.property(property.arbitrary, (document) => {
          expect(insideDialect(document, dialect ?? {})).toBe(true);
          for (const element of elements(document)) {
            if (element.name === 'Dial') expect(Object.keys(element.attributes)).not.toContain('record');
            if (element.name === 'Number') expect(Object.keys(element.attributes).filter((name) => name !== 'url' && ['method', 'sendDigits', 'statusCallback'].includes(name))).toEqual([]);
            expect(['Sip', 'Conference', 'Queue', 'Application', 'WhatsApp', 'Sim', 'Play', 'Pause', 'Redirect', 'Record']).not.toContain(element.name);
          }
        }),
        { numRuns: 300, seed: 5 },
      );
    });
  }

  it('nouns and verbs named on their own win over the profile; nothing named is no subset', () => {
    expect(dialectSubset({ profile, nouns: ['Number'], verbs: ['Say'] })).toMatchObject({ nouns: ['Number'], verbs: ['Say'], attributes: { Number: ['url'] } });
    expect(dialectSubset({})).toBeUndefined();
    expect(() => dialectSubset({ nouns: ['Fax'] })).toThrow(DialKitError);
  });
});

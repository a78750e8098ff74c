import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTION_DOCS } from '../../reference/interpret/options.js';
import { ALL_ATTRIBUTES } from '../../reference/spec/attributes.js';
import { validate } from '../../reference/validate.js';
import { dialDocument } from '../../src/arbitraries/dialDocument.js';
import { DialKitError } from '../../src/errors.js';
import type { DialVerb } from '../../src/model/dial.js';
import { loadProfile, matchDivergence, parseProfile, profileConstraints, profileSchema, twilioProfile } from '../../src/profile/index.js';

const small = {
  profile: 1,
  name: 'mini',
  supports: { verbs: ['Dial', 'Say', 'Redirect', 'Hangup'], nouns: ['Number', 'Client'], attributes: { Dial: ['action', 'method', 'timeout'], Number: ['statusCallback'] } },
  divergences: [{ property: 'INTERP-TIMEOUT-BUFFER', reason: 'no 5-second buffer yet' }],
};

function refusal(text: string): string {
  try {
    parseProfile(text, 'p.json');
  } catch (error) {
    expect(error).toBeInstanceOf(DialKitError);
    return (error as DialKitError).message;
  }
  throw new Error('accepted');
}

describe('profiles', () => {
  it('the Twilio profile holds every attribute of the spec table and every noun', () => {
    const profile = twilioProfile();
    const count = Object.values(profile.supports.attributes).reduce((sum, names) => sum + (names?.length ?? 0), 0);
    expect(count).toBe(ALL_ATTRIBUTES.length);
    expect(profile.supports.nouns).toContain('Sim');
    expect(profile.supports.verbs).toContain('Redirect');
    expect(profile.divergences).toEqual([]);
  });

  it('reads a profile; what supports leaves out is Twilio\'s', () => {
    const profile = parseProfile(JSON.stringify({ profile: 1, name: 'x', supports: { nouns: ['Number'] } }));
    expect(profile.supports.nouns).toEqual(['Number']);
    expect(profile.supports.verbs).toEqual(twilioProfile().supports.verbs);
    expect(profile.supports.attributes.Dial).toEqual(twilioProfile().supports.attributes.Dial);
  });

  it('carries interpret options: every choice of OPTION_DOCS but the clock and the identifiers, with its values', () => {
    const schema = profileSchema() as { properties: { interpret: { properties: Record<string, unknown> } } };
    const names = OPTION_DOCS.map((doc) => doc.name).filter((name) => name !== 'epochMs' && name !== 'accountSid');
    expect(Object.keys(schema.properties.interpret.properties).sort()).toEqual([...names].sort());
    const profile = parseProfile(JSON.stringify({ profile: 1, name: 'x', supports: {}, interpret: { busyLegRang: 'from-dial', timeoutBuffer: false } }));
    expect(profile.interpret).toEqual({ busyLegRang: 'from-dial', timeoutBuffer: false });
    expect(parseProfile(JSON.stringify({ profile: 1, name: 'x', supports: {} }))).not.toHaveProperty('interpret');
    expect(refusal(JSON.stringify({ profile: 1, name: 'x', supports: {}, interpret: { busyLegRang: 'sometimes' } }))).toMatch(/\/interpret\/busyLegRang .*one of never, from-dial/);
    expect(refusal(JSON.stringify({ profile: 1, name: 'x', supports: {}, interpret: { epochMs: 0 } }))).toMatch(/additional properties \(epochMs\)/);
  });

  it('refuses bad files with one sentence', () => {
    expect(refusal('{')).toMatch(/^the profile p\.json is not usable: it is not JSON/);
    expect(refusal(JSON.stringify({ profile: 2, name: 'x', supports: {} }))).toMatch(/\/profile must be equal to constant/);
    expect(refusal(JSON.stringify({ profile: 1, name: 'x', supports: { nouns: ['Phone'] } }))).toMatch(/one of Number, Client/);
    expect(refusal(JSON.stringify({ profile: 1, name: 'x', supports: { attributes: { Dial: ['timeOut'] } } }))).toMatch(/did you mean timeout\?/);
    expect(refusal(JSON.stringify({ profile: 1, name: 'x', supports: { verbs: ['Dail'] } }))).toMatch(/did you mean Dial\?/);
    expect(refusal(JSON.stringify({ profile: 1, name: 'x', supports: {}, divergences: [{ property: 'INTERP-X' }] }))).toMatch(/reason/);
    expect(refusal(JSON.stringify({ profile: 1, name: 'x', supports: {}, extra: 1 }))).toMatch(/additional properties \(extra\)/);
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    expect(() => loadProfile(join(dir, 'missing.json'))).toThrow(/cannot read the profile .*ENOENT/);
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(small));
    expect(loadProfile(join(dir, 'ok.json')).name).toBe('mini');
  });

  it('generation stays inside the supported subset', () => {
    const constraints = profileConstraints(parseProfile(JSON.stringify(small)));
    const documents = fc.sample(dialDocument(constraints), { seed: 7, numRuns: 300 });
    for (const document of documents) {
      expect(validate(document)).toEqual([]);
      for (const verb of document.verbs) {
        if (verb.kind === 'text') continue;
        const name = verb.kind === 'Dial' ? 'Dial' : verb.name;
        expect(small.supports.verbs).toContain(name);
      }
      const dial = document.verbs.find((verb): verb is DialVerb => verb.kind === 'Dial') as DialVerb;
      for (const name of Object.keys(dial.attributes)) expect(small.supports.attributes.Dial).toContain(name);
      for (const child of dial.children) {
        if (child.kind === 'text') continue;
        expect(['Number', 'Client']).toContain(child.kind);
        if (child.kind === 'Number') for (const name of Object.keys(child.attributes)) expect(name).toBe('statusCallback');
        if (child.kind === 'Client') expect(Object.keys(child.attributes).length).toBeGreaterThanOrEqual(0);
      }
    }
    expect(documents.some((document) => (document.verbs.find((verb) => verb.kind === 'Dial') as DialVerb).attributes.timeout !== undefined)).toBe(true);
  });

  it('refuses a profile with nothing to dial', () => {
    expect(() => profileConstraints(parseProfile(JSON.stringify({ profile: 1, name: 'x', supports: { nouns: ['Client'], verbs: ['Say'] } })))).toThrow(/does not support <Dial>/);
    expect(() => profileConstraints(parseProfile(JSON.stringify({ profile: 1, name: 'x', supports: { nouns: [] } })))).toThrow(/supports no noun/);
  });

  it('matches a divergence by property, fingerprint or summary text', () => {
    const divergences = [
      { property: 'INTERP-A', reason: 'r1' },
      { property: 'INTERP-B', match: 'abc123', reason: 'r2' },
      { property: 'INTERP-C', match: 'sent as POST', reason: 'r3' },
    ];
    expect(matchDivergence({ propertyId: 'INTERP-A', fingerprint: 'f', summary: 's' }, divergences)?.reason).toBe('r1');
    expect(matchDivergence({ propertyId: 'INTERP-B', fingerprint: 'abc123', summary: 's' }, divergences)?.reason).toBe('r2');
    expect(matchDivergence({ propertyId: 'INTERP-B', fingerprint: 'other', summary: 's' }, divergences)).toBeUndefined();
    expect(matchDivergence({ propertyId: 'INTERP-C', fingerprint: 'f', summary: 'the action was sent as POST' }, divergences)?.reason).toBe('r3');
    expect(matchDivergence({ propertyId: 'INTERP-D', fingerprint: 'f', summary: 's' }, divergences)).toBeUndefined();
  });
});

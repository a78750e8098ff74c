import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkGeneratorProperty,
  GENERATOR_PROPERTIES,
  INVALID_DRAWS_LABEL,
  OUTCOME_CONSISTENT,
  REQUEST_WELL_FORMED,
  ROUND_TRIP,
  VALID_VALIDATES,
  type GeneratorProperty,
} from '../../properties/generators.js';
import { invalidDocument } from '../../src/arbitraries/invalidDocument.js';
import type { DialVerb } from '../../src/model/dial.js';
import type { TwimlDocument } from '../../src/model/document.js';

const SEED = 424242;
const RUNS: Readonly<Record<string, number>> = { 'GEN-INVALID-001': 1000, 'GEN-INVALID-002': 500 };

function withDial(document: TwimlDocument, change: (dial: DialVerb) => DialVerb): TwimlDocument {
  return { ...document, verbs: document.verbs.map((verb) => (verb.kind === 'Dial' ? change(verb) : verb)) };
}

/** The same property over a deliberately broken arbitrary: it must fail. */
function over<T>(property: GeneratorProperty<T>, arbitrary: fc.Arbitrary<T>): GeneratorProperty<T> {
  return { ...property, arbitrary };
}

describe('the generator catalogue', () => {
  it('has unique ids, each with a title and a source', () => {
    const ids = GENERATOR_PROPERTIES.map((property) => property.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const property of GENERATOR_PROPERTIES) {
      expect(property.id).toMatch(/^GEN-[A-Z]+-\d{3}$/);
      expect(property.title.length).toBeGreaterThan(10);
      expect(property.source).toMatch(/seed|facts/);
    }
  });

  for (const property of GENERATOR_PROPERTIES) {
    it(`${property.id} holds: ${property.title}`, () => {
      const result = checkGeneratorProperty(property as GeneratorProperty<unknown>, { seed: SEED, numRuns: RUNS[property.id] ?? 300 });
      expect(result.problems).toEqual([]);
      expect(result.passed).toBe(true);
    });
  }
});

describe('the properties have teeth', () => {
  it('GEN-VALID-001 fails when a "valid" document carries an out-of-range timeout, and shrinks it', () => {
    const broken = over(VALID_VALIDATES, VALID_VALIDATES.arbitrary.map((document) => withDial(document, (dial) => ({ ...dial, attributes: { ...dial.attributes, timeout: '4' } }))));
    const result = checkGeneratorProperty(broken, { seed: SEED, numRuns: 50 });
    expect(result.passed).toBe(false);
    expect(result.problems.join()).toContain('dial.timeout.range');
    const dial = (result.counterexample as TwimlDocument).verbs.find((verb) => verb.kind === 'Dial') as DialVerb;
    expect(Object.keys(dial.attributes)).toEqual(['timeout']);
  });

  it('GEN-INVALID-001 fails on a mislabelled case and on an empty label', () => {
    const mislabelled = over(INVALID_DRAWS_LABEL, invalidDocument({ rules: ['dial.timeout.range'] }).map((sample) => ({ ...sample, rules: ['dial.timeout.integer'] })));
    expect(checkGeneratorProperty(mislabelled, { seed: SEED, numRuns: 20 }).problems.join()).toContain('but the validator reports dial.timeout.range');
    const unlabelled = over(INVALID_DRAWS_LABEL, invalidDocument({ rules: ['dial.empty'] }).map((sample) => ({ ...sample, rules: [] })));
    expect(checkGeneratorProperty(unlabelled, { seed: SEED, numRuns: 20 }).problems).toContain('the case carries no rule id');
  });

  it('GEN-ROUNDTRIP-001 fails when a document holds what its XML cannot say (a blank text child of <Dial>)', () => {
    const blank = over(ROUND_TRIP, ROUND_TRIP.arbitrary.map((document) => withDial(document, (dial) => ({ ...dial, children: [...dial.children, { kind: 'text', text: '  ' }] }))));
    const result = checkGeneratorProperty(blank, { seed: SEED, numRuns: 20 });
    expect(result.passed).toBe(false);
    expect(result.problems).toContain('the parsed document is not structurally equal to the one serialized');
  });

  it('GEN-OUTCOME-001 fails on * without hangupOnStar, a missing leg, and a recording without record', () => {
    const star = over(
      OUTCOME_CONSISTENT,
      OUTCOME_CONSISTENT.arbitrary.map(({ document, outcome }) => ({
        document: withDial(document, (dial) => ({ ...dial, attributes: { ...dial.attributes, hangupOnStar: 'false' } })),
        outcome: { ...outcome, bridge: { ...outcome.bridge, endedBy: 'star' as const } },
      })),
    );
    expect(checkGeneratorProperty(star, { seed: SEED, numRuns: 20 }).problems).toContain('* ends the call but hangupOnStar is not "true"');
    const missing = over(OUTCOME_CONSISTENT, OUTCOME_CONSISTENT.arbitrary.map(({ document, outcome }) => ({ document, outcome: { ...outcome, legs: outcome.legs.slice(1) } })));
    expect(checkGeneratorProperty(missing, { seed: SEED, numRuns: 20 }).problems.join()).toMatch(/leg outcomes for \d+ dialed legs/);
    const recording = over(
      OUTCOME_CONSISTENT,
      OUTCOME_CONSISTENT.arbitrary.map(({ document, outcome }) => ({
        document: withDial(document, (dial) => ({ ...dial, attributes: { ...dial.attributes, record: 'do-not-record' } })),
        outcome: { ...outcome, recording: { status: 'completed' as const } },
      })).filter(({ document }) => !document.verbs.some((verb) => verb.kind === 'Dial' && verb.children.some((child) => child.kind === 'Conference'))),
    );
    expect(checkGeneratorProperty(recording, { seed: SEED, numRuns: 20 }).problems).toContain('a recording is made but the document does not record');
  });

  it('GEN-REQUEST-001 fails on a request that is not ringing or has a malformed CallSid', () => {
    const wrong = over(REQUEST_WELL_FORMED, REQUEST_WELL_FORMED.arbitrary.map((params) => ({ ...params, CallStatus: 'completed', CallSid: 'CA123' })));
    const problems = checkGeneratorProperty(wrong, { seed: SEED, numRuns: 5 }).problems.join('\n');
    expect(problems).toContain('not ringing');
    expect(problems).toContain('is not CA and 32 hex digits');
  });

  it('GEN-REQUEST-001 fails on a SIP call whose To leaves the domain and on a client call that is not inbound', () => {
    const sip = REQUEST_WELL_FORMED.arbitrary.filter((params) => (params.From ?? '').startsWith('sip:'));
    const offDomain = over(REQUEST_WELL_FORMED, sip.map((params) => ({ ...params, To: 'sip:bob@elsewhere.example.com' })));
    expect(checkGeneratorProperty(offDomain, { seed: SEED, numRuns: 5 }).problems).toContain('To is not a sip: URI on the SipDomain');
    const client = REQUEST_WELL_FORMED.arbitrary.filter((params) => (params.From ?? '').startsWith('client:'));
    const outbound = over(REQUEST_WELL_FORMED, client.map((params) => ({ ...params, Direction: 'outbound-api' })));
    expect(checkGeneratorProperty(outbound, { seed: SEED, numRuns: 5 }).problems).toContain('a SIP or client call does not reach the app inbound');
  });
});

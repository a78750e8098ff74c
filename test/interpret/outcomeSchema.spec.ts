/** schemas/outcome.schema.json describes DialOutcome: every generated outcome passes, broken ones do not. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dialCase } from '../../src/arbitraries/dialCase.js';
import { shorthandOutcome, OUTCOME_KINDS } from '../../reference/index.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/outcome.schema.json', import.meta.url), 'utf8')) as object;
const check = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('schemas/outcome.schema.json', () => {
  it('accepts every outcome dialCase() generates', () => {
    fc.assert(fc.property(dialCase(), ({ outcome }) => {
      expect(check(outcome), JSON.stringify(check.errors)).toBe(true);
    }), { numRuns: 300, seed: 7 });
  });
  it('accepts every CLI shorthand', () => {
    for (const kind of OUTCOME_KINDS) expect(check(shorthandOutcome(kind, 2, 5, 60))).toBe(true);
  });
  const base = { legs: [{ response: { kind: 'answer', afterSeconds: 1 } }], bridge: { talkSeconds: 1, endedBy: 'callee-hangup' } };
  const broken: [string, unknown][] = [
    ['no legs field', { bridge: base.bridge }],
    ['answer without afterSeconds', { ...base, legs: [{ response: { kind: 'answer' } }] }],
    ['ring with afterSeconds', { ...base, legs: [{ response: { kind: 'ring', afterSeconds: 1 } }] }],
    ['unknown response kind', { ...base, legs: [{ response: { kind: 'voicemail', afterSeconds: 1 } }] }],
    ['negative seconds', { ...base, bridge: { talkSeconds: -1, endedBy: 'callee-hangup' } }],
    ['unknown ender', { ...base, bridge: { talkSeconds: 1, endedBy: 'network' } }],
    ['unknown field', { ...base, extra: true }],
    ['recording status in-progress', { ...base, recording: { status: 'in-progress' } }],
    ['SIP code out of range', { ...base, legs: [{ response: { kind: 'answer', afterSeconds: 1 }, sip: { callId: 'a', responseCode: 99, headers: {} } }] }],
  ];
  for (const [name, value] of broken) it(`rejects: ${name}`, () => expect(check(value)).toBe(false));
});

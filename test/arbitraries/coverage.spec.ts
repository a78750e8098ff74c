import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../reference/rules.js';
import { ALL_ATTRIBUTES } from '../../reference/spec/attributes.js';
import { NOUNS } from '../../reference/spec/elements.js';
import { coverageOf } from '../../src/arbitraries/coverage.js';
import { dialCase } from '../../src/arbitraries/dialCase.js';
import { invalidDocument } from '../../src/arbitraries/invalidDocument.js';
import { DialKitError } from '../../src/errors.js';

const SEED = 20261124;
// 1,500: with ~150 rules drawn at random, 1,000 samples left one rule out at this seed.
const invalid = fc.sample(invalidDocument(), { seed: SEED, numRuns: 1500 });
const cases = fc.sample(dialCase(), { seed: SEED, numRuns: 1000 });
const everyAttribute = ALL_ATTRIBUTES.map((spec) => `${spec.element}.${spec.name}`);

function missing(keys: readonly string[], counts: Readonly<Record<string, number>> | undefined): string[] {
  return keys.filter((key) => (counts?.[key] ?? 0) === 0);
}

describe('coverageOf, seed-pinned', () => {
  it('1,500 invalid samples hit every rule of RULES and every attribute of the spec table', () => {
    const coverage = coverageOf(invalid);
    expect(missing(RULES.map((rule) => rule.id), coverage.rules)).toEqual([]);
    expect(missing(everyAttribute, coverage.attributes)).toEqual([]);
  });

  it('1,000 valid cases hit every attribute, every noun and every kind of outcome', () => {
    const coverage = coverageOf(cases);
    expect(missing(everyAttribute, coverage.attributes)).toEqual([]);
    expect(missing([...NOUNS.map((noun) => noun.name), 'text', 'Client:Identity', 'Client:text', 'Client:Parameter', 'Application:Parameter'], coverage.nouns)).toEqual([]);
    const outcomes = [
      'leg:answer', 'leg:busy', 'leg:fail', 'leg:ring', 'race:several-answer', 'order:sequential', 'order:parallel',
      'bridge:callee-hangup', 'bridge:caller-hangup', 'bridge:star', 'bridge:time-limit', 'bridge:child-redirected', 'no-answer',
      'caller-hangup-while-ringing', 'canceled', 'recording:completed', 'recording:absent', 'refer',
      'Conference:answer', 'Conference:fail', 'Queue:answer', 'Queue:ring', 'Sip:answer', 'Sip:busy', 'sip:200', 'sip:486', 'sip:487',
      'amd:human', 'amd:machine_start', 'amd:machine_end_beep', 'amd:fax', 'amd:unknown', 'whisper:hangup', 'whisper:continue',
      'conference:room', 'conference:mute', 'conference:hold',
    ];
    expect(missing(outcomes, coverage.outcomes)).toEqual([]);
  });

  it('1,000 valid cases hit every value class the issue asks for', () => {
    const classes = coverageOf(cases).valueClasses;
    const wanted: string[] = [];
    for (const spec of ALL_ATTRIBUTES) {
      const key = `${spec.element}.${spec.name}`;
      const kind = spec.value;
      if (kind.kind === 'enum') wanted.push(...kind.values.map((value) => `${key}:enum:${value}`), ...Object.keys(kind.aliases ?? {}).map((alias) => `${key}:alias:${alias}`));
      if (kind.kind === 'boolean') wanted.push(`${key}:true`, `${key}:false`);
      if (kind.kind === 'integer') wanted.push(`${key}:min`, `${key}:max`, `${key}:min+1`, `${key}:max-1`);
      if (kind.kind === 'url') wanted.push(`${key}:relative`, `${key}:absolute`, `${key}:query`);
      if (kind.kind === 'eventList') wanted.push(`${key}:several-events`, `${key}:reordered`);
      if (kind.kind === 'text' && kind.maxLength !== undefined) wanted.push(`${key}:at-limit`, `${key}:hostile`);
      if (kind.kind === 'callerId') wanted.push(...['e164', 'national', 'client', 'sip-alphanumeric', 'whatsapp'].map((form) => `${key}:${form}`));
    }
    expect(missing(wanted, classes)).toEqual([]);
    for (const form of ['ampersand', 'percent-escape', 'non-ascii']) expect(classes?.[`Dial.action:${form}`] ?? 0).toBeGreaterThan(0);
  });

  it('notices a rule that is never drawn (the check above has teeth)', () => {
    const narrow = coverageOf(fc.sample(invalidDocument({ rules: ['dial.empty', 'xml.dtd'] }), { seed: SEED, numRuns: 50 }));
    expect(missing(RULES.map((rule) => rule.id), narrow.rules)).toHaveLength(RULES.length - 2);
  });

  it('a run that exercises nothing is an error, not an empty pass', () => {
    expect(() => coverageOf([])).toThrow(DialKitError);
    expect(() => coverageOf([{ root: 'Response', attributes: {}, verbs: [] }])).toThrow(expect.objectContaining({ code: 'DIALKIT_ERR_NOTHING_CHECKED' }));
  });

  it('counts what it is given and nothing else', () => {
    const coverage = coverageOf([{ kind: 'xml', xml: '<Response', rules: ['xml.malformed'] }]);
    expect(coverage.rules).toEqual({ 'xml.malformed': 1 });
    expect(coverage.attributes).toEqual({});
  });
});

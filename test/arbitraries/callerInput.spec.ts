import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callerInput } from '../../src/arbitraries/callerInput.js';
import type { CallerInput } from '../../src/model/callerInput.js';

describe('callerInput()', () => {
  it('draws small values of the documented ranges', () => {
    fc.assert(
      fc.property(callerInput(), (input) => {
        expect(['keys', 'speech', 'silence', 'hangup']).toContain(input.kind);
        expect(input.keys).toMatch(/^[0-9*#]{0,6}$/);
        expect(input.speech.split(' ').filter((word) => word !== '').length).toBeLessThanOrEqual(3);
        expect(input.confidence).toBeGreaterThanOrEqual(0);
        expect(input.confidence).toBeLessThanOrEqual(1);
        expect(Number.isInteger(input.seconds) && input.seconds >= 0 && input.seconds <= 20).toBe(true);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('is deterministic for a seed', () => {
    const draw = (): CallerInput[] => fc.sample(callerInput(), { seed: 42, numRuns: 20 });
    expect(draw()).toEqual(draw());
  });

  it('draws every kind', () => {
    const kinds = new Set(fc.sample(callerInput(), { seed: 3, numRuns: 200 }).map((input) => input.kind));
    expect([...kinds].sort()).toEqual(['hangup', 'keys', 'silence', 'speech']);
  });

  it('shrinks toward silence, no keys, no words, confidence 0 and 0 seconds', () => {
    const run = fc.check(fc.property(callerInput(), () => false), { seed: 5 });
    expect(run.counterexample?.[0]).toEqual({ kind: 'silence', keys: '', speech: '', confidence: 0, seconds: 0 });
  });

  it('shrinks a failing keys input to the first key, not to another kind', () => {
    const run = fc.check(fc.property(callerInput(), (input) => !(input.kind === 'keys' && input.keys.length > 0)), { seed: 5 });
    expect(run.counterexample?.[0]).toEqual({ kind: 'keys', keys: '0', speech: '', confidence: 0, seconds: 0 });
  });
});

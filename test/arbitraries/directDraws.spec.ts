import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';
import { describe, expect, it, vi } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { drawnDirectly, FAST_CHECK_VERSIONS_DRAWN_DIRECTLY } from '../../src/arbitraries/directDraws.js';
import { INTERPRETER_SUITE } from '../../properties/interpreterCheck.js';
import { callerInput } from '../../src/arbitraries/callerInput.js';
import { hostileText } from '../../src/arbitraries/hostileText.js';
import { outcomeMaterial } from '../../src/arbitraries/outcomeMaterial.js';
import { voiceRequest } from '../../src/arbitraries/voiceRequest.js';
import { CALL_STYLES } from '../../src/targets/builder/callStyle.js';

/** The values fast-check hands a property over a run from `seed` (biased as a run biases them), hashed. */
function runHash<T>(arbitrary: fc.Arbitrary<T>, seed: number, runs: number): string {
  const hash = createHash('sha256');
  fc.check(
    fc.property(arbitrary, (value) => {
      hash.update(fc.stringify(value));
      return true;
    }),
    { seed, numRuns: runs },
  );
  return hash.digest('hex');
}

/** What a failing run reports: the shrunk counterexample, its replay path and how many shrinks it took. */
function failure<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean, seed: number): { counterexample: string; path: string | null; shrinks: number } {
  const details = fc.check(fc.property(arbitrary, predicate), { seed, numRuns: 200 });
  expect(details.failed).toBe(true);
  return { counterexample: fc.stringify(details.counterexample), path: details.counterexamplePath, shrinks: details.numShrinks };
}

const catalogue = builderProperties('all');

/** Drawn directly, past the first draws that are the original's (checked beside the compiled ones). */
function warmed<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T> {
  const direct = drawnDirectly(arbitrary);
  fc.sample(direct, { seed: 0, numRuns: 40 });
  return direct;
}

describe('drawnDirectly: the same values from the same randoms, for less', () => {
  it('is held to the fast-check version installed (after an upgrade: run this file, then add the version)', () => {
    expect(FAST_CHECK_VERSIONS_DRAWN_DIRECTLY).toContain(fc.__version);
  });

  it('compiles every catalogue property, and after its first checked draws draws alone (it is not quietly falling back to the original)', () => {
    for (const property of catalogue) {
      const direct = drawnDirectly(property.arbitrary);
      expect(direct).not.toBe(property.arbitrary);
      fc.sample(direct, { seed: 1, numRuns: 100 });
      // A value drawn alone carries where it was drawn; one the original drew carries the original's context.
      expect(direct.generate(new fc.Random(xorshift128plus(5)), 2).context?.constructor.name).toBe('DrawnAt');
    }
  });

  for (const property of catalogue) {
    it(`${property.id} (${property.documents}): every case of three runs of 2,000 is the one fast-check draws, with and without call styles`, () => {
      for (const original of [property.arbitrary, fc.tuple(property.arbitrary, fc.constantFrom(...CALL_STYLES))] as fc.Arbitrary<unknown>[]) {
        const direct = drawnDirectly(original);
        for (const seed of [1, -7, 2026]) expect(runHash(direct, seed, 2000)).toBe(runHash(original, seed, 2000));
      }
    });
  }

  it('draws the calls of the endpoint check and the cases of the interpreter check as fast-check does', () => {
    const others: Record<string, fc.Arbitrary<unknown>> = {
      voiceRequest: voiceRequest(),
      outcomeMaterials: fc.array(outcomeMaterial(), { minLength: 1, maxLength: 4 }),
      callerInputs: fc.array(callerInput(), { maxLength: 4 }),
      interpreterCase: INTERPRETER_SUITE.cases(undefined),
    };
    for (const [name, original] of Object.entries(others)) {
      const direct = drawnDirectly(original);
      expect(direct, name).not.toBe(original);
      for (const seed of [3, 11]) expect(runHash(direct, seed, 1000), name).toBe(runHash(original, seed, 1000));
    }
  });

  it('leaves the random where the original leaves it, so what is drawn next is the same too', () => {
    const original = catalogue[0]!.arbitrary;
    const direct = drawnDirectly(original);
    for (let seed = 0; seed < 200; seed += 1) {
      const one = new fc.Random(xorshift128plus(seed));
      const other = one.clone();
      direct.generate(one, (seed % 6) + 2);
      original.generate(other, (seed % 6) + 2);
      expect(one.nextInt()).toBe(other.nextInt());
    }
  });

  it('shrinks through the same candidates: same counterexample, same replay path, same number of shrinks', () => {
    const [valid, invalid] = catalogue;
    const small = (document: unknown): boolean => JSON.stringify(document).length < 900;
    for (const seed of [1, 5, 77]) {
      expect(failure(warmed(valid!.arbitrary), small, seed)).toEqual(failure(valid!.arbitrary, small, seed));
      expect(failure(warmed(invalid!.arbitrary), small, seed)).toEqual(failure(invalid!.arbitrary, small, seed));
    }
    // A kit arbitrary with its own shrinking (hostile text shrinks on by deleting characters) keeps it.
    const text = hostileText({ maxLength: 40 });
    const noAmpersand = (value: string): boolean => !value.includes('&');
    expect(failure(warmed(text), noAmpersand, 3)).toEqual(failure(text, noAmpersand, 3));
  });

  it('replays a stored path to the same case', () => {
    const property = catalogue[0]!;
    const small = (document: unknown): boolean => JSON.stringify(document).length < 900;
    const first = fc.check(fc.property(property.arbitrary, small), { seed: 9, numRuns: 200 });
    const replayed = fc.check(fc.property(warmed(property.arbitrary), small), { seed: 9, numRuns: 200, path: first.counterexamplePath ?? '' });
    expect(fc.stringify(replayed.counterexample)).toBe(fc.stringify(first.counterexample));
  });

  it('compiles unique arrays, dictionaries and filters, whatever makes two items equal, and draws them as fast-check does', () => {
    const pair = fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(3));
    const uniques = [
      fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { maxLength: 10 }),
      fc.uniqueArray(fc.constantFrom(0, -0, NaN, 1), { maxLength: 4, comparator: 'SameValueZero' }),
      fc.uniqueArray(fc.constantFrom(0, -0, NaN, 1), { maxLength: 4, comparator: 'IsStrictlyEqual' }),
      fc.uniqueArray(pair, { maxLength: 4, selector: ([name]) => name }),
      fc.uniqueArray(pair, { maxLength: 4, comparator: (one, other) => one[1] === other[1] }),
      fc.uniqueArray(pair, { maxLength: 4, selector: ([, count]) => count, comparator: (one, other) => one % 2 === other % 2 }),
      fc.dictionary(fc.constantFrom('X-A', 'X-B', 'X-C'), fc.string({ maxLength: 3 }), { maxKeys: 3 }),
      // A minimum length makes a unique array a filter over one: drawn again until it is long enough.
      fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: 2, maxLength: 10 }),
      fc.string().filter((value) => value.length % 2 === 0),
    ] as fc.Arbitrary<unknown>[];
    for (const original of uniques) {
      const direct = drawnDirectly(original);
      for (const seed of [4, 12]) expect(runHash(direct, seed, 500)).toBe(runHash(original, seed, 500));
      // Past its first checked draws the compiled draw goes alone: fast-check's own generate is not called.
      const own = vi.spyOn(original, 'generate');
      fc.sample(direct, { seed: 6, numRuns: 50 });
      expect(own).not.toHaveBeenCalled();
      own.mockRestore();
    }
  });

  it('draws what it cannot compile with the arbitrary’s own generate (letrec, chain)', () => {
    const tree = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.nat(9), fc.array(tie('node'), { maxLength: 3 })) })).node;
    const others = [
      tree,
      fc.nat(5).chain((length) => fc.array(fc.boolean(), { minLength: length, maxLength: length })),
      fc.record({ name: fc.string(), count: fc.option(fc.integer()) }),
    ] as fc.Arbitrary<unknown>[];
    for (const original of others) expect(runHash(drawnDirectly(original), 4, 500)).toBe(runHash(original, 4, 500));
  });

  it('leaves the original to draw alone once its compiled draw differs from it', () => {
    // An arbitrary that says it draws like another but does not: the first checked draw catches it.
    class Liar extends fc.Arbitrary<number> {
      readonly drawsLike = fc.integer({ min: 0, max: 1000 });
      generate(mrng: fc.Random): fc.Value<number> {
        return new fc.Value(mrng.nextInt(0, 1000) + 1, undefined);
      }
      canShrinkWithoutContext(value: unknown): value is number {
        return typeof value === 'number';
      }
      shrink(): fc.Stream<fc.Value<number>> {
        return fc.Stream.nil();
      }
    }
    const liar = new Liar();
    expect(runHash(drawnDirectly(liar), 8, 300)).toBe(runHash(liar, 8, 300));
  });

  it('never shrinks another value than the one that failed: should the original draw otherwise at shrink time, the case stays as found', () => {
    // Draws like fc.integer (so the compiled draw is trusted) until it is told to lie, then one more.
    class Turncoat extends fc.Arbitrary<number> {
      readonly drawsLike = fc.integer({ min: 0, max: 1000 });
      lying = false;
      generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<number> {
        const value = this.drawsLike.generate(mrng, biasFactor);
        return this.lying ? new fc.Value(value.value + 1, value.context) : value;
      }
      canShrinkWithoutContext(value: unknown): value is number {
        return this.drawsLike.canShrinkWithoutContext(value);
      }
      shrink(value: number, context: unknown): fc.Stream<fc.Value<number>> {
        return this.drawsLike.shrink(value, context);
      }
    }
    const turncoat = new Turncoat();
    const direct = drawnDirectly(turncoat);
    fc.sample(direct, { seed: 0, numRuns: 100 });
    turncoat.lying = true;
    const details = fc.check(fc.property(direct, (value) => value < 500), { seed: 2, numRuns: 200 });
    expect(details.failed).toBe(true);
    expect(details.counterexample?.[0]).toBeGreaterThanOrEqual(500);
    expect(details.numShrinks).toBe(0);
  });
});

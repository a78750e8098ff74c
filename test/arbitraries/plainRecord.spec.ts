import fc from 'fast-check';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';
import { describe, expect, it } from 'vitest';
import { plainRecord } from '../../src/arbitraries/plainRecord.js';

const MODEL = {
  count: fc.nat({ max: 20 }),
  name: fc.string({ maxLength: 6 }),
  maybe: fc.option(fc.boolean(), { nil: undefined }),
  items: fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 4 }),
};

/** A record's keys and values, whatever its prototype. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, item: unknown) => (item === undefined ? '<undefined>' : item)));

/** What fast-check's `fc.record` and `plainRecord` draw at the same random: values, and where the random is left. */
function drawBoth<T>(original: fc.Arbitrary<T>, plainOne: fc.Arbitrary<T>, seed: number, bias: number | undefined): [fc.Value<T>, fc.Value<T>] {
  const random = new fc.Random(xorshift128plus(seed));
  const twin = random.clone();
  const drawn = original.generate(random, bias);
  const ours = plainOne.generate(twin, bias);
  expect(twin.nextInt()).toBe(random.nextInt());
  return [drawn, ours];
}

/** The first candidates a value shrinks to, as plain data. */
function candidates<T>(arbitrary: fc.Arbitrary<T>, value: fc.Value<T>, count: number): unknown[] {
  return [...arbitrary.shrink(value.value_, value.context).take(count)].map((candidate) => plain(candidate.value_));
}

describe('plainRecord: fc.record, draw for draw, as plain objects', () => {
  for (const [label, original, ours] of [
    ['all keys', fc.record(MODEL), plainRecord(MODEL)],
    ['requiredKeys: []', fc.record(MODEL, { requiredKeys: [] }), plainRecord(MODEL, { requiredKeys: [] })],
  ] as const) {
    it(`${label}: the same values, the same randoms used, the same shrink candidates, over 500 seeds`, () => {
      for (let seed = 0; seed < 500; seed += 1) {
        const [drawn, mine] = drawBoth<unknown>(original, ours, seed, seed % 3 === 0 ? undefined : 2 + (seed % 7));
        expect(plain(mine.value)).toEqual(plain(drawn.value));
        expect(Object.keys(mine.value as object)).toEqual(Object.keys(drawn.value as object));
        expect(candidates(ours, mine, 30)).toEqual(candidates(original, drawn, 30));
      }
    });
  }

  it('gives plain objects, keys in model order; a required key whose value is undefined is kept, a left-out optional one is absent', () => {
    const values = fc.sample(plainRecord(MODEL), { seed: 3, numRuns: 200 });
    for (const value of values) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.keys(value)).toEqual(['count', 'name', 'maybe', 'items']);
    }
    expect(values.some((value) => value.maybe === undefined)).toBe(true);
    const partial = fc.sample(plainRecord(MODEL, { requiredKeys: [] }), { seed: 3, numRuns: 200 });
    expect(partial.some((value) => !('count' in value))).toBe(true);
    expect(partial.every((value) => Object.getPrototypeOf(value) === Object.prototype)).toBe(true);
  });
});

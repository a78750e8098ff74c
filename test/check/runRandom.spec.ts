import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import type { Case } from '../../src/check/parallel/caseMessages.js';
import { casesOf } from '../../src/check/parallel/casesOf.js';
import { RunRandoms } from '../../src/check/parallel/runRandom.js';
import { CALL_STYLES } from '../../src/targets/builder/callStyle.js';

/** The cases fast-check itself hands a property, position by position, for a seed. */
async function drawnByFastCheck(arbitrary: fc.Arbitrary<Case>, seed: number, runs: number): Promise<string[]> {
  const seen: string[] = [];
  await fc.check(fc.asyncProperty(arbitrary, (drawn: Case) => {
    seen.push(JSON.stringify(drawn));
    return Promise.resolve(true);
  }), { seed, numRuns: runs });
  return seen;
}

describe('RunRandoms: the case at each position of a run, drawn outside fast-check', () => {
  for (const seed of [1, 42, -7, 2 ** 31 + 5, 4.5]) {
    it(`draws what fast-check draws at every position (seed ${seed}, each catalogue property, both call-style shapes)`, async () => {
      for (const property of builderProperties('all')) {
        for (const styles of [['strings'] as const, CALL_STYLES]) {
          const arbitrary = casesOf(property, styles);
          const expected = await drawnByFastCheck(arbitrary, seed, 60);
          const draw = fc.asyncProperty(arbitrary, (_drawn: Case) => Promise.resolve(true));
          const randoms = new RunRandoms(seed);
          const ours = expected.map((_, runId) => JSON.stringify(draw.generate(randoms.at(runId), runId).value[0]));
          expect(ours).toEqual(expected);
        }
      }
    });
  }

  it('jumps over positions it is not asked for, as a worker that draws every other batch does', async () => {
    const arbitrary = casesOf(builderProperties('valid')[0]!, ['strings']);
    const expected = await drawnByFastCheck(arbitrary, 3, 40);
    const draw = fc.asyncProperty(arbitrary, (_drawn: Case) => Promise.resolve(true));
    const randoms = new RunRandoms(3);
    for (const runId of [1, 2, 7, 20, 39]) expect(JSON.stringify(draw.generate(randoms.at(runId), runId).value[0])).toBe(expected[runId]);
    expect(() => randoms.at(39)).toThrow(/asked after/);
  });
});

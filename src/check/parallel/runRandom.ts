import fc from 'fast-check';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';

/**
 * The random source fast-check hands to the case at position `runId` of a run from `seed`, made outside
 * fast-check so that worker threads can generate the cases of a run ahead of it.
 *
 * fast-check (v4, default `randomType`) seeds one xorshift128+ generator from the seed and, for each
 * position, jumps it once and gives the case a clone: case k depends on the seed and k alone, never on
 * how much earlier cases drew. This mirrors that, and is held to it by test/check/runRandom.spec.ts
 * and, at run time, by the first case a worker checks in every pass (see casePool.ts), so a
 * fast-check upgrade that changed it would stop the run rather than check other cases than
 * `--workers 0` would.
 */
export class RunRandoms {
  private readonly source;
  private position = -1;

  constructor(seed: number) {
    this.source = xorshift128plus(qualifiedSeed(seed));
  }

  /** The random of the case at `runId`; positions must be asked in increasing order. */
  at(runId: number): fc.Random {
    if (runId <= this.position) throw new Error(`RunRandoms: position ${runId} asked after ${this.position}`);
    while (this.position < runId) {
      this.source.jump();
      this.position += 1;
    }
    return new fc.Random(this.source);
  }
}

/** fast-check's reading of an integer seed (its QualifiedParameters). */
function qualifiedSeed(seed: number): number {
  const seed32 = seed | 0;
  if (seed === seed32) return seed32;
  return seed32 ^ ((seed - seed32) * 4294967296);
}

import fc from 'fast-check';

/**
 * One part of a run split across machines: shard `index` of `count` (1-based, as `--shard 2/3` is
 * written) checks the cases whose position in the run, counted from 0, leaves `index - 1` when divided
 * by `count`. fast-check draws case k from the seed and k alone, so the shards of one seed together
 * check exactly the cases one run checks, and each case is the same value it is in that run.
 */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Whether the case at this position of the run (from 0) belongs to the shard; every case does without one. */
export function inShard(shard: Shard | undefined, caseIndex: number): boolean {
  return shard === undefined || caseIndex % shard.count === shard.index - 1;
}

/** How many of a run's first `runs` cases the shard checks. */
export function shardShare(shard: Shard | undefined, runs: number): number {
  if (shard === undefined) return runs;
  return Math.max(0, Math.ceil((runs - (shard.index - 1)) / shard.count));
}

/** The position in the whole run of the shard's n-th case (both from 0). */
export function runIndexOf(shard: Shard | undefined, shardCaseIndex: number): number {
  return shard === undefined ? shardCaseIndex : shardCaseIndex * shard.count + shard.index - 1;
}

/** The inverse of {@link runIndexOf}: a shard case's ordinal (from 0) from its position in the whole run. */
export function shardOrdinalOf(shard: Shard | undefined, runIndex: number): number {
  return shard === undefined ? runIndex : (runIndex - (shard.index - 1)) / shard.count;
}

const OTHER_SHARD: unique symbol = Symbol('case of another shard');

/**
 * The property, restricted to the shard's cases. The cases of other shards are neither generated nor
 * checked: they pass at once, so fast-check still counts positions exactly as one run does and a
 * counterexample's path (its first number is the position) replays without `--shard`.
 */
export function shardProperty<Ts>(property: fc.IAsyncProperty<Ts>, shard: Shard | undefined): fc.IAsyncProperty<Ts> {
  if (shard === undefined || shard.count === 1) return property;
  const other = OTHER_SHARD as unknown as Ts;
  return {
    isAsync: () => true,
    generate: (random, runId) => (runId !== undefined && !inShard(shard, runId) ? new fc.Value(other, undefined) : property.generate(random, runId)),
    shrink: (value) => (value.value_ === other ? fc.Stream.nil() : property.shrink(value)),
    run: (value) => (value === other ? Promise.resolve(null) : property.run(value)),
    runBeforeEach: () => property.runBeforeEach(),
    runAfterEach: () => property.runAfterEach(),
  };
}

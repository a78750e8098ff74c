import { describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { BUNDLED_TWILIO_KNOWN } from '../../properties/bundledTwilioKnown.js';
import type { RunReport } from '../../src/check/findings.js';
import type { PassSpec } from '../../src/check/parallel/caseMessages.js';
import { runBuilderProperties, type RunBuilderOptions } from '../../src/check/runBuilderProperties.js';
import type { BuilderTarget } from '../../src/targets/builder/builderTarget.js';
import { moduleTarget, voiceResponseTarget } from '../../src/targets/builder/moduleTarget.js';
import { withTimeout } from '../../src/targets/builder/withTimeout.js';
import { BROKEN, plant } from '../generator/zoo.js';

/** The report without what a clock decides. */
function timeless(report: RunReport): unknown {
  return { ...report, startedAt: '', durationMs: 0, properties: report.properties.map((property) => ({ ...property, durationMs: 0 })) };
}

/** The same run with no worker and with one and two, returned in that order (timeless). */
async function threeWays(target: () => Promise<BuilderTarget>, only: 'valid' | 'invalid' | 'all', options: RunBuilderOptions): Promise<[unknown, unknown, unknown]> {
  const reports: unknown[] = [];
  for (const workers of [0, 1, 2]) {
    const built = await target();
    try {
      reports.push(timeless(await runBuilderProperties(builderProperties(only), built, { ...options, workers })));
    } finally {
      await built.close();
    }
  }
  return [reports[0], reports[1], reports[2]];
}

describe('--workers: worker threads change the speed of a builder run, never its report', () => {
  it('the bundled twilio package (workers draw, build and judge): the same report, expected faults and coverage included', async () => {
    const [alone, pooled, pooledTwice] = await threeWays(async () => withTimeout(await moduleTarget({}), 5000), 'all', { seed: 5, runs: 300, known: BUNDLED_TWILIO_KNOWN });
    expect(pooled).toEqual(alone);
    expect(pooledTwice).toEqual(alone);
    expect(JSON.stringify(alone)).toContain('GEN-BUILD-001');
  }, 120_000);

  it('a builder module with a fault: the same findings, shrunk to the same case, with the same replay line', async () => {
    const clamping = async (): Promise<BuilderTarget> => withTimeout(await moduleTarget({ module: 'test/generator/fixtures/clampingBuilder.mjs', exportPath: 'VoiceResponse' }), 5000);
    const [alone, pooled, pooledTwice] = await threeWays(clamping, 'valid', { seed: 11, runs: 400 });
    expect(pooled).toEqual(alone);
    expect(pooledTwice).toEqual(alone);
    const report = alone as RunReport;
    expect(report.findingCount).toBeGreaterThan(0);
    expect(JSON.stringify(report.properties[0]?.findings[0])).toMatch(/timeout/);
  }, 120_000);

  it('a builder class in hand (workers only draw; this thread builds): the same findings for a zoo builder', async () => {
    const variant = BROKEN.find((candidate) => candidate.documents !== 'invalid') ?? BROKEN[0]!;
    const [alone, pooled, pooledTwice] = await threeWays(() => Promise.resolve(voiceResponseTarget(plant(variant), `zoo ${variant.name}`)), 'valid', { seed: 3, runs: variant.runs ?? 200 });
    expect(pooled).toEqual(alone);
    expect(pooledTwice).toEqual(alone);
    expect((alone as RunReport).findingCount).toBeGreaterThan(0);
  }, 120_000);

  it('workers really draw: a property changed after it left the catalogue is caught by the probe of the first case a worker checks and stops the run (exit 2), never checks other cases', async () => {
    const [valid] = builderProperties('valid');
    const [invalid] = builderProperties('invalid');
    const changed = { ...valid!, arbitrary: invalid!.arbitrary };
    const target = withTimeout(await moduleTarget({}), 5000);
    try {
      await expect(runBuilderProperties([changed], target, { seed: 1, runs: 100, workers: 1 })).rejects.toMatchObject({ code: 'DIALKIT_ERR_WORKER' });
      await expect(runBuilderProperties([changed], target, { seed: 1, runs: 100, workers: 0 })).resolves.toBeDefined();
    } finally {
      await target.close();
    }
  }, 60_000);

  it('a shard of a run: the same cases and the same first failure', async () => {
    const clamping = async (): Promise<BuilderTarget> => withTimeout(await moduleTarget({ module: 'test/generator/fixtures/clampingBuilder.mjs', exportPath: 'VoiceResponse' }), 5000);
    const [alone, pooled, pooledTwice] = await threeWays(clamping, 'valid', { seed: 11, runs: 400, shard: { index: 2, count: 3 } });
    expect(pooled).toEqual(alone);
    expect(pooledTwice).toEqual(alone);
  }, 120_000);
});

describe('CasePool: the workers answer for positions', () => {
  const spec = (seed: number): PassSpec => ({ propertyId: 'GEN-BUILD-001', recipe: builderProperties('valid')[0]!.workerRecipe!, seed, callStyles: ['strings', 'typed'], target: { module: 'twilio', exportPath: 'twiml.VoiceResponse', cwd: process.cwd() }, judge: { documents: 'valid' }, withRules: false });
  const batch = (index: number, size: number): number[] => Array.from({ length: size }, (_, offset) => index * size + offset);

  it('deals batches of 64 as the seats get free: the first to the main thread, three to each worker, one no worker has room for to the main thread; a worker draws, builds and judges each position of its own, the first case dealt to a worker in a pass probed', async () => {
    const { BATCH, CasePool } = await import('../../src/check/parallel/casePool.js');
    const pool = new CasePool(2);
    try {
      pool.begin(spec(9), 1000);
      const firstEight = batch(0, 8 * BATCH);
      expect(firstEight.filter((ordinal) => pool.isLocal(ordinal))).toEqual([...batch(0, BATCH), ...batch(7, BATCH)]);
      const theirs = firstEight.filter((ordinal) => !pool.isLocal(ordinal));
      const results = await Promise.all(theirs.map((ordinal) => pool.take(ordinal)));
      expect(results.map((result) => result.runId)).toEqual(theirs);
      expect(results.every((result) => result.verdict?.outcomeKind === 'xml' && result.verdict.ok)).toBe(true);
      expect(pool.takeBatchCoverage(BATCH)).toMatch(/^nouns\tNumber\t\d+$/m);
      expect(pool.takeBatchCoverage(BATCH)).toBe('');
      expect(results.filter((result) => result.probe !== undefined).map((result) => result.runId)).toEqual([BATCH]);
      // The workers answered, so they have room again: the next batches are theirs.
      expect(pool.isLocal(8 * BATCH)).toBe(false);
      await expect(pool.take(8 * BATCH)).resolves.toMatchObject({ runId: 8 * BATCH, verdict: { ok: true } });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('keeps each batch in its seat over the passes of a property (its coverage is counted one way), and seats another property anew', async () => {
    const { BATCH, CasePool } = await import('../../src/check/parallel/casePool.js');
    const pool = new CasePool(1);
    try {
      pool.begin(spec(9), 1000);
      // Batches 1-3 go to the worker at once; once it answers them, it has room for 4-6.
      await Promise.all([1, 2, 3].map((index) => pool.take(index * BATCH)));
      expect(pool.isLocal(4 * BATCH)).toBe(false);
      pool.begin(spec(9), 1000);
      expect([0, 1, 2, 3, 4, 5, 6].map((index) => pool.isLocal(index * BATCH))).toEqual([true, false, false, false, false, false, false]);
      await expect(pool.take(4 * BATCH + 1)).resolves.toMatchObject({ runId: 4 * BATCH + 1, verdict: { ok: true } });
      pool.begin(spec(10), 1000);
      expect(pool.isLocal(4 * BATCH)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('a worker thread that runs out of memory', () => {
  it('stops the run with one sentence naming the limit and --workers 0 (exit 2), never a crash or a hang', async () => {
    const hoarding = withTimeout(await moduleTarget({ module: 'test/generator/fixtures/hoardingBuilder.mjs', exportPath: 'VoiceResponse' }), 60_000);
    try {
      const run = runBuilderProperties(builderProperties('valid'), hoarding, { seed: 1, runs: 1_000_000, workers: 1 });
      await expect(run).rejects.toMatchObject({ code: 'DIALKIT_ERR_WORKER', message: expect.stringMatching(/^a worker thread ran out of memory \(each has 256 MB of heap for the kit and the builder\); run with --workers 0$/) });
    } finally {
      await hoarding.close();
    }
  }, 120_000);
});

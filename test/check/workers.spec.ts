import { describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { BUNDLED_TWILIO_KNOWN } from '../../properties/bundledTwilioKnown.js';
import type { RunReport } from '../../src/check/findings.js';
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
  it('deals batches of 64 round the main thread\'s seat (first) and the workers, and a worker draws, builds and judges each position of its own, the first case a worker checks in a pass probed', async () => {
    const { BATCH, CasePool } = await import('../../src/check/parallel/casePool.js');
    const pool = new CasePool(2);
    try {
      pool.begin({ propertyId: 'GEN-BUILD-001', recipe: builderProperties('valid')[0]!.workerRecipe!, seed: 9, callStyles: ['strings', 'typed'], target: { module: 'twilio', exportPath: 'twiml.VoiceResponse', cwd: process.cwd() }, judge: { documents: 'valid' }, withRules: false }, 400);
      const ordinals = Array.from({ length: 400 }, (_, ordinal) => ordinal);
      // Seats: batch 0 the main thread, batch 1 worker 0, batch 2 worker 1, batch 3 the main thread …
      expect(ordinals.filter((ordinal) => pool.isLocal(ordinal))).toEqual([...ordinals.slice(0, BATCH), ...ordinals.slice(3 * BATCH, 4 * BATCH), ...ordinals.slice(6 * BATCH, 7 * BATCH)]);
      const theirs = ordinals.filter((ordinal) => !pool.isLocal(ordinal));
      const results = await Promise.all(theirs.map((ordinal) => pool.take(ordinal)));
      expect(results.map((result) => result.runId)).toEqual(theirs);
      expect(results.every((result) => result.verdict?.outcomeKind === 'xml' && result.verdict.ok)).toBe(true);
      expect(pool.takeBatchCoverage(BATCH)).toMatch(/^nouns\tNumber\t\d+$/m);
      expect(pool.takeBatchCoverage(BATCH)).toBe('');
      expect(results.filter((result) => result.probe !== undefined).map((result) => result.runId)).toEqual([BATCH]);
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

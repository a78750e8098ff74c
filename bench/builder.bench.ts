/**
 * The whole builder check against the builder alone, on the same documents: what a user waits for.
 *
 *   npm run build && node --import tsx bench/builder.bench.ts [cases=20000] [rounds=3] [workers=0,1,2]
 *
 * It runs the compiled kit (dist/), as `dial-kit generator` does, so worker threads load compiled code.
 *
 * For each property (valid documents, documents that break a rule) and each worker count:
 * - whole check: `runBuilderProperties` on the bundled twilio package, as `dial-kit generator` runs it
 *   (generation, call styles, building, judging, coverage, bookkeeping), wall-clock from start to report;
 * - builder alone: the same cases (drawn beforehand at the same positions, outside the timing) handed
 *   to `new VoiceResponse()`, the builder calls and `toString()`, one after the other on one thread.
 * Rounds alternate which side goes first; the median and spread (min–max) are printed. The ratio is
 * whole check / builder alone; the goal is at most 1.5. No test asserts these figures.
 */
import { availableParallelism, loadavg } from 'node:os';
import twilio from 'twilio';
import { builderProperties } from '../dist/properties/builder.js';
import type { BuilderProperty } from '../src/check/builderProperty.js';
import type { Case } from '../src/check/parallel/caseMessages.js';
import { RunCases } from '../dist/src/check/parallel/runCases.js';
import { runBuilderProperties } from '../dist/src/check/runBuilderProperties.js';
import { driveVoiceResponse, type BuilderConstructor } from '../dist/src/targets/builder/driveVoiceResponse.js';
import { moduleTarget } from '../dist/src/targets/builder/moduleTarget.js';
import { withTimeout } from '../dist/src/targets/builder/withTimeout.js';
import { CALL_STYLES } from '../dist/src/targets/builder/callStyle.js';
import { median } from './support/median.js';

const VoiceResponse = twilio.twiml.VoiceResponse as unknown as BuilderConstructor;
const CHUNK = 2000;
const SEED = 1;

const spread = (values: readonly number[], digits: number): string => `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

/** The builder alone on the run's cases, drawn chunk by chunk outside the timing; ms. */
function builderAlone(property: BuilderProperty, cases: number): number {
  const run = new RunCases(property, CALL_STYLES, SEED);
  let elapsed = 0;
  let sink = 0;
  for (let from = 0; from < cases; from += CHUNK) {
    const chunk: Case[] = [];
    for (let runId = from; runId < Math.min(cases, from + CHUNK); runId += 1) chunk.push(run.at(runId));
    const start = process.hrtime.bigint();
    for (const [document, calls] of chunk) {
      try {
        sink += driveVoiceResponse(VoiceResponse, document, undefined, calls).length;
      } catch {
        sink += 1;
      }
    }
    elapsed += Number(process.hrtime.bigint() - start) / 1e6;
  }
  if (sink < 0) console.log(sink);
  return elapsed;
}

/** The whole check, as the CLI runs it; ms. */
async function wholeCheck(property: BuilderProperty, cases: number, workers: number): Promise<number> {
  const target = withTimeout(await moduleTarget({}), 5000);
  const start = process.hrtime.bigint();
  const report = await runBuilderProperties([property], target, { seed: SEED, runs: cases, workers });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  await target.close();
  if (report.findingCount > 0) throw new Error(`the twilio package had ${report.findingCount} findings in the benchmark`);
  return elapsed;
}

const cases = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 3);
const workerCounts = (process.argv[4] ?? '0,1,2').split(',').map(Number);
console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(2)}, ${cases} cases per run, ${rounds} rounds`);
for (const property of builderProperties('all').filter((candidate) => candidate.documents !== 'unwritable')) {
  for (const workers of workerCounts) {
    const alone: number[] = [];
    const whole: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      let a: number;
      let w: number;
      if (round % 2 === 0) {
        a = builderAlone(property, cases);
        w = await wholeCheck(property, cases, workers);
      } else {
        w = await wholeCheck(property, cases, workers);
        a = builderAlone(property, cases);
      }
      alone.push((a / cases) * 1000);
      whole.push((w / cases) * 1000);
      ratios.push(w / a);
    }
    console.log(`${property.id} (${property.documents}), --workers ${workers}: builder alone ${spread(alone, 1)} µs/case, whole check ${spread(whole, 1)} µs/case, ratio ${spread(ratios, 2)}x`);
  }
}
console.log(`load average after: ${loadavg()[0]?.toFixed(2)}`);

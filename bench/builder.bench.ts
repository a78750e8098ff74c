/**
 * Cost of checking the twilio package, against the cost of the package building the same documents.
 *
 *   node --expose-gc --import tsx bench/builder.bench.ts [cases=100000] [rounds=10]
 *
 * 1. Per case, on the same documents, in the same process: the package alone (new VoiceResponse(), the
 *    builder calls, toString(), through the same driver the check uses) versus the whole check of that
 *    case (the same build through the target with its time limit, as the runner calls it, then the
 *    verdict: fast path, and when needed canonical form, parse and compare). Documents are generated in
 *    chunks of 1000 outside both timings, and the two sides alternate which goes first per chunk. The
 *    cases are split into rounds; each round gives a ratio, and the median and spread (min–max) of the
 *    rounds are printed, since the machine is shared and single runs are noisy.
 * 2. End to end through the fast-check runner (generation and bookkeeping included), for scale.
 * Memory: peak rss and heapUsed, and heapUsed after a full GC (with --expose-gc) in the first and last
 * tenth of the run, which is what "flat" means: no growth that a collection cannot take back.
 */
import fc from 'fast-check';
import twilio from 'twilio';
import { builderProperties } from '../properties/builder.js';
import { judgeBuild } from '../src/check/checkBuild.js';
import { runBuilderProperties } from '../src/check/runBuilderProperties.js';
import type { TwimlDocument } from '../src/model/document.js';
import { driveVoiceResponse, type BuilderConstructor } from '../src/targets/builder/driveVoiceResponse.js';
import { voiceResponseTarget } from '../src/targets/builder/moduleTarget.js';
import { withTimeout } from '../src/targets/builder/withTimeout.js';

const VoiceResponse = twilio.twiml.VoiceResponse as unknown as BuilderConstructor;
const CHUNK = 1000;

interface Memory {
  peakRss: number;
  peakHeap: number;
  samples: number[];
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Records memory; returns the ms spent in the forced GC, which timings inside a run subtract. */
function sample(memory: Memory): number {
  const { rss, heapUsed } = process.memoryUsage();
  memory.peakRss = Math.max(memory.peakRss, rss);
  memory.peakHeap = Math.max(memory.peakHeap, heapUsed);
  const start = process.hrtime.bigint();
  gc?.();
  memory.samples.push(gc === undefined ? heapUsed : process.memoryUsage().heapUsed);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function memoryLine(memory: Memory): string {
  const tenth = Math.max(1, Math.floor(memory.samples.length / 10));
  const what = gc === undefined ? 'heapUsed (no --expose-gc, so not after GC)' : 'heapUsed after GC';
  return `peak rss ${mb(memory.peakRss)}, peak heapUsed ${mb(memory.peakHeap)}, ${what} max first 10% ${mb(Math.max(...memory.samples.slice(0, tenth)))} vs last 10% ${mb(Math.max(...memory.samples.slice(-tenth)))}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function builderAlone(documents: readonly TwimlDocument[]): number {
  const start = process.hrtime.bigint();
  let sink = 0;
  for (const document of documents) {
    try {
      sink += driveVoiceResponse(VoiceResponse, document).length;
    } catch {
      sink += 1;
    }
  }
  if (sink < 0) console.log(sink);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function wholeCheck(documents: readonly TwimlDocument[], kind: 'valid' | 'invalid' | 'unwritable'): Promise<number> {
  const target = withTimeout(voiceResponseTarget(VoiceResponse), 5000);
  const start = process.hrtime.bigint();
  let failures = 0;
  for (const document of documents) {
    if (!judgeBuild(document, await target.build(document), { documents: kind }).ok) failures += 1;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (failures > 0) throw new Error(`the twilio package had ${failures} findings in the benchmark`);
  return elapsed;
}

async function perCase(cases: number, rounds: number): Promise<void> {
  const perRound = Math.ceil(cases / rounds);
  for (const property of builderProperties('all').filter((candidate) => candidate.documents !== 'unwritable')) {
    const memory: Memory = { peakRss: 0, peakHeap: 0, samples: [] };
    const ratios: number[] = [];
    const alones: number[] = [];
    const checks: number[] = [];
    let chunk = 0;
    for (let done = 0; done < cases; ) {
      const roundCases = Math.min(perRound, cases - done);
      let alone = 0;
      let check = 0;
      for (let inRound = 0; inRound < roundCases; chunk++) {
        const documents = fc.sample(property.arbitrary, { seed: 1000 + chunk, numRuns: Math.min(CHUNK, roundCases - inRound) });
        if (chunk % 2 === 0) {
          alone += builderAlone(documents);
          check += await wholeCheck(documents, property.documents);
        } else {
          check += await wholeCheck(documents, property.documents);
          alone += builderAlone(documents);
        }
        inRound += documents.length;
        sample(memory);
      }
      done += roundCases;
      ratios.push(check / alone);
      alones.push((alone / roundCases) * 1000);
      checks.push((check / roundCases) * 1000);
    }
    const spread = (values: readonly number[], digits: number): string => `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
    console.log(
      `${property.id} (${property.documents}), ${cases} cases in ${ratios.length} rounds, median (min–max): package alone ${spread(alones, 1)} µs/case, ` +
        `whole check ${spread(checks, 1)} µs/case, ratio ${spread(ratios, 2)}x; ${memoryLine(memory)}`,
    );
  }
}

async function endToEnd(cases: number): Promise<void> {
  const memory: Memory = { peakRss: 0, peakHeap: 0, samples: [] };
  const start = Date.now();
  let sampling = 0;
  // The run never yields to timers (a synchronous builder settles in microtasks), so memory is sampled
  // from the progress callback, every 1000 cases; the forced GC's time is left out of the figure.
  const report = await runBuilderProperties(builderProperties('valid'), withTimeout(voiceResponseTarget(VoiceResponse), 5000), {
    seed: 1,
    runs: cases,
    onProgress: (_property, done) => {
      if (done % 1000 === 0) sampling += sample(memory);
    },
  });
  const elapsed = Date.now() - start - sampling;
  sample(memory);
  console.log(`runner end to end (generation included), ${cases} valid cases: ${(elapsed / cases * 1000).toFixed(1)} µs/case, findings ${report.findingCount}; ${memoryLine(memory)}`);
}

const cases = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 10);
console.log(`node ${process.version}, twilio ${(twilio as unknown as { VERSION?: string }).VERSION ?? '6.x'}`);
await perCase(cases, rounds);
await endToEnd(cases);

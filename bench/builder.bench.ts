/**
 * Cost of checking the twilio package, against the cost of the package building the same documents.
 *
 *   node --import tsx bench/builder.bench.ts [cases=100000]
 *
 * 1. Per case, on the same documents: the package alone (new VoiceResponse(), the builder calls,
 *    toString()) versus the whole check of that case (the same build through the target with its
 *    time limit, then the canonical form, the fast path and, when needed, parse and compare).
 *    Documents are generated in chunks outside both timings, alternating which goes first.
 * 2. End to end through the fast-check runner (generation and bookkeeping included), for scale.
 * Memory (rss, heapUsed) is sampled after every chunk, and every 1000 cases during the runner.
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

function sample(memory: Memory): void {
  const { rss, heapUsed } = process.memoryUsage();
  memory.peakRss = Math.max(memory.peakRss, rss);
  memory.peakHeap = Math.max(memory.peakHeap, heapUsed);
  memory.samples.push(heapUsed);
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

async function wholeCheck(documents: readonly TwimlDocument[], kind: 'valid' | 'invalid'): Promise<number> {
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

async function perCase(cases: number): Promise<void> {
  for (const property of builderProperties('all')) {
    const memory: Memory = { peakRss: 0, peakHeap: 0, samples: [] };
    let alone = 0;
    let check = 0;
    for (let chunk = 0; chunk * CHUNK < cases; chunk++) {
      const documents = fc.sample(property.arbitrary, { seed: 1000 + chunk, numRuns: Math.min(CHUNK, cases - chunk * CHUNK) });
      if (chunk % 2 === 0) {
        alone += builderAlone(documents);
        check += await wholeCheck(documents, property.documents);
      } else {
        check += await wholeCheck(documents, property.documents);
        alone += builderAlone(documents);
      }
      sample(memory);
    }
    const tenth = Math.max(1, Math.floor(memory.samples.length / 10));
    const early = Math.max(...memory.samples.slice(0, tenth));
    const late = Math.max(...memory.samples.slice(-tenth));
    console.log(
      `${property.id} (${property.documents}), ${cases} cases: package alone ${(alone / cases * 1000).toFixed(1)} µs/case, ` +
        `whole check ${(check / cases * 1000).toFixed(1)} µs/case, ratio ${(check / alone).toFixed(2)}x; ` +
        `peak rss ${mb(memory.peakRss)}, peak heapUsed ${mb(memory.peakHeap)}, heapUsed max first 10% ${mb(early)} vs last 10% ${mb(late)}`,
    );
  }
}

async function endToEnd(cases: number): Promise<void> {
  const memory: Memory = { peakRss: 0, peakHeap: 0, samples: [] };
  const start = Date.now();
  // The run never yields to timers (a synchronous builder settles in microtasks), so memory is sampled
  // from the progress callback, every 1000 cases.
  const report = await runBuilderProperties(builderProperties('valid'), withTimeout(voiceResponseTarget(VoiceResponse), 5000), {
    seed: 1,
    runs: cases,
    onProgress: (_property, done) => {
      if (done % 1000 === 0) sample(memory);
    },
  });
  const elapsed = Date.now() - start;
  sample(memory);
  const tenth = Math.max(1, Math.floor(memory.samples.length / 10));
  console.log(
    `runner end to end (generation included), ${cases} valid cases: ${(elapsed / cases * 1000).toFixed(1)} µs/case, findings ${report.findingCount}; ` +
      `peak rss ${mb(memory.peakRss)}, peak heapUsed ${mb(memory.peakHeap)}, heapUsed max first 10% ${mb(Math.max(...memory.samples.slice(0, tenth)))} vs last 10% ${mb(Math.max(...memory.samples.slice(-tenth)))}`,
  );
}

const cases = Number(process.argv[2] ?? 100_000);
console.log(`node ${process.version}, twilio ${(twilio as unknown as { VERSION?: string }).VERSION ?? '6.x'}`);
await perCase(cases);
await endToEnd(cases);

/**
 * Documents generated per second by the kit's generators. Run: `npx tsx bench/generators.bench.ts [count]`.
 * Timing is never asserted in tests; figures go in the README.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dialCase } from '../src/arbitraries/dialCase.js';
import { dialDocument } from '../src/arbitraries/dialDocument.js';
import { invalidDocument } from '../src/arbitraries/invalidDocument.js';
import { voiceRequest } from '../src/arbitraries/voiceRequest.js';
import { serializeTwiml } from '../src/xml/serialize.js';

export interface BenchFigure {
  readonly name: string;
  readonly count: number;
  readonly perSecond: number;
}

function measure<T>(name: string, arbitrary: fc.Arbitrary<T>, count: number, after: (value: T) => void = () => undefined): BenchFigure {
  fc.sample(arbitrary, { seed: 1, numRuns: Math.min(200, count) }).forEach(after);
  const start = performance.now();
  fc.sample(arbitrary, { seed: 2, numRuns: count }).forEach(after);
  const seconds = (performance.now() - start) / 1000;
  return { name, count, perSecond: Math.round(count / seconds) };
}

/** The figures: generation alone, and generation plus canonical XML. */
export function runGeneratorBench(count = 2000): BenchFigure[] {
  return [
    measure('valid documents (dialDocument)', dialDocument(), count),
    measure('valid documents + serializeTwiml', dialDocument(), count, (document) => void serializeTwiml(document)),
    measure('invalid cases (invalidDocument)', invalidDocument(), count),
    measure('documents with outcomes (dialCase)', dialCase(), count),
    measure('voice requests (voiceRequest)', voiceRequest(), count),
  ];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = Number(process.argv[2] ?? 2000);
  console.log(`node ${process.version}, ${count} samples each`);
  for (const figure of runGeneratorBench(count)) console.log(`${figure.name.padEnd(40)} ${String(figure.perSecond).padStart(8)} /s`);
}

/**
 * Memory over a long builder run: the resident set of the whole process (main thread and workers)
 * while `runBuilderProperties` checks the bundled twilio package on 1,000,000 valid cases.
 *
 *   npm run build && node --import tsx bench/memory.bench.ts [cases=1000000] [workers=auto]
 *
 * It runs the compiled kit (dist/), as `dial-kit generator` does.
 *
 * RSS is read every 10,000 cases (from the progress callback, so it is counted, not timed); the peak,
 * and the highest reading of the first and of the last tenth, show whether memory stays flat. Goal:
 * at most 200 MB. No test asserts these figures.
 */
import { availableParallelism } from 'node:os';
import { builderProperties } from '../dist/properties/builder.js';
import { runBuilderProperties } from '../dist/src/check/runBuilderProperties.js';
import { workersOption } from '../dist/src/cli/workersOption.js';
import { moduleTarget } from '../dist/src/targets/builder/moduleTarget.js';
import { withTimeout } from '../dist/src/targets/builder/withTimeout.js';

const EVERY = 10_000;
const cases = Number(process.argv[2] ?? 1_000_000);
const workers = workersOption(process.argv[3], cases);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const readings: number[] = [];

const target = withTimeout(await moduleTarget({}), 5000);
const started = Date.now();
const report = await runBuilderProperties(builderProperties('valid'), target, {
  seed: 1,
  runs: cases,
  workers,
  onProgress: (_property, done) => {
    if (done % EVERY === 0) readings.push(process.memoryUsage().rss);
  },
});
await target.close();
const tenth = Math.max(1, Math.floor(readings.length / 10));
console.log(
  `${cases} valid cases, --workers ${workers} (${availableParallelism()} cores), ${((Date.now() - started) / 1000).toFixed(0)} s, findings ${report.findingCount}: ` +
    `peak rss ${mb(Math.max(...readings))}; highest in the first tenth ${mb(Math.max(...readings.slice(0, tenth)))}, in the last tenth ${mb(Math.max(...readings.slice(-tenth)))}`,
);

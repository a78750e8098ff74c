/**
 * Memory over a long builder run: the resident set of `dial-kit generator` itself (main thread and
 * workers; not this script, which also holds tsx) while it checks the bundled twilio package on
 * 1,000,000 valid cases, for each worker setting asked.
 *
 *   npm run build && node --import tsx bench/memory.bench.ts [cases=1000000] [workers=auto,0]
 *
 * The CLI runs as a child process; its RSS is read from /proc every second (a benchmark may watch a
 * clock; no test does), and its peak is the kernel's own high-water mark (VmHWM), read just before it
 * ends. The highest reading of the first and of the last tenth show whether memory stays flat.
 * Goal: at most 200 MB. No test asserts these figures. Linux only (/proc).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../bin/dial-kit.js', import.meta.url));
const cases = Number(process.argv[2] ?? 1_000_000);
const settings = (process.argv[3] ?? 'auto,0').split(',');
const mb = (kilobytes: number): string => `${(kilobytes / 1024).toFixed(1)} MB`;

/** A field of /proc/PID/status in kB, or undefined once the process is gone. */
function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

interface MemoryFigures {
  readonly workers: string;
  readonly seconds: number;
  readonly peakKb: number;
  readonly firstTenthKb: number;
  readonly lastTenthKb: number;
  readonly summary: string;
}

async function measure(workers: string): Promise<MemoryFigures> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, 'generator', '--only', 'valid', '--runs', String(cases), '--workers', workers, '--seed', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  });
  const readings: number[] = [];
  let peak = 0;
  const timer = setInterval(() => {
    const rss = statusKb(child.pid as number, 'VmRSS');
    if (rss !== undefined) readings.push(rss);
    peak = Math.max(peak, statusKb(child.pid as number, 'VmHWM') ?? 0);
  }, 1000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`dial-kit generator exited with ${code}:\n${output}`);
  const tenth = Math.max(1, Math.floor(readings.length / 10));
  const summary = output.trim().split('\n').at(-1) ?? '';
  return {
    workers,
    seconds: (Date.now() - started) / 1000,
    peakKb: Math.max(peak, ...readings),
    firstTenthKb: Math.max(...readings.slice(0, tenth)),
    lastTenthKb: Math.max(...readings.slice(-tenth)),
    summary,
  };
}

console.log(`memory benchmark (${process.version}, ${availableParallelism()} cores): dial-kit generator --only valid --runs ${cases}`);
for (const workers of settings) {
  const figures = await measure(workers);
  console.log(
    `  --workers ${workers}: ${figures.seconds.toFixed(0)} s (${((figures.seconds / cases) * 1e6).toFixed(0)} µs/case), peak RSS ${mb(figures.peakKb)}; ` +
      `highest in the first tenth ${mb(figures.firstTenthKb)}, in the last tenth ${mb(figures.lastTenthKb)} (${figures.summary})`,
  );
}

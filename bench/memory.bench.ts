/**
 * Memory over a long builder run: the resident set of `dial-kit generator` itself (main thread and
 * workers; not this script, which also holds tsx) while it checks the bundled twilio package on
 * 1,000,000 valid cases, for each worker setting asked; then the same for `dial-kit endpoint` placing
 * `calls` calls against the forwarding app (examples/forwarding-app, in a process of its own, not
 * counted; 0 skips it).
 *
 *   npm run build && node --import tsx bench/memory.bench.ts [cases=1000000] [workers=auto,0] [calls=100000]
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
import { startForwardingApp } from './support/forwardingAppProcess.js';

const CLI = fileURLToPath(new URL('../bin/dial-kit.js', import.meta.url));
const cases = Number(process.argv[2] ?? 1_000_000);
const settings = (process.argv[3] ?? 'auto,0').split(',');
const calls = Number(process.argv[4] ?? 100_000);
const TOKEN = 'bench-token';
const mb = (kilobytes: number | undefined): string => `${((kilobytes ?? 0) / 1024).toFixed(1)} MB`;

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
  /** The worker setting, or `endpoint`. */
  readonly run: string;
  readonly seconds: number;
  readonly peakKb: number | undefined;
  readonly firstTenthKb: number | undefined;
  readonly lastTenthKb: number | undefined;
  readonly summary: string;
}

/** One run of the CLI with `args`, watched from outside; `label` names it in the figures. */
async function measure(label: string, args: readonly string[]): Promise<MemoryFigures> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
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
  if (code !== 0) throw new Error(`dial-kit ${args[0]} exited with ${code}:\n${output}`);
  const tenth = Math.max(1, Math.floor(readings.length / 10));
  const summary = output.trim().split('\n').at(-1) ?? '';
  // A run over before the first reading (under a second) has no figures: /proc is gone once it exits.
  const highest = (values: readonly number[]): number | undefined => (values.length === 0 ? undefined : Math.max(...values));
  return {
    run: label,
    seconds: (Date.now() - started) / 1000,
    peakKb: readings.length === 0 ? undefined : Math.max(peak, ...readings),
    firstTenthKb: highest(readings.slice(0, tenth)),
    lastTenthKb: highest(readings.slice(-tenth)),
    summary,
  };
}

const line = (figures: MemoryFigures, count: number, unit: string): string => {
  const pace = `${figures.seconds.toFixed(0)} s (${((figures.seconds / count) * 1e6).toFixed(0)} µs/${unit})`;
  if (figures.peakKb === undefined) return `${pace}, over before the first reading of its memory (${figures.summary})`;
  return `${pace}, peak RSS ${mb(figures.peakKb)}; highest in the first tenth ${mb(figures.firstTenthKb)}, in the last tenth ${mb(figures.lastTenthKb)} (${figures.summary})`;
};

console.log(`memory benchmark (${process.version}, ${availableParallelism()} cores): dial-kit generator --only valid --runs ${cases}`);
for (const workers of settings) {
  const figures = await measure(workers, ['generator', '--only', 'valid', '--runs', String(cases), '--workers', workers, '--seed', '1']);
  console.log(`  --workers ${workers}: ${line(figures, cases, 'case')}`);
}
if (calls > 0) {
  console.log(`dial-kit endpoint --runs ${calls} against the forwarding app (its own process, not counted)`);
  const { url, child } = await startForwardingApp(TOKEN);
  try {
    const figures = await measure('endpoint', ['endpoint', url, '--auth-token', TOKEN, '--runs', String(calls), '--seed', '1']);
    console.log(`  endpoint: ${line(figures, calls, 'call')}`);
  } finally {
    child.kill('SIGINT');
  }
}

/**
 * Start-up of the built CLI: how long `node bin/dial-kit.js …` takes to exit, and how long from the
 * spawn to the first case, for each command a user starts a check with.
 *
 *   npm run build && node --import tsx bench/startup.bench.ts [rounds] [--cli LABEL=PATH/TO/dial-kit.js]…
 *
 * "The first case" is the first `property-start` event of the `--ndjson -` stream: every checking
 * command writes it once its target is loaded or reachable, just before the first case of that
 * property is generated and played. The first `progress` event is also timed: with `--runs 1` it is
 * written when the first case is done. Commands without an event stream (`--version`, `validate`) are
 * timed to their exit only. Each `--cli` adds a build to compare (e.g. a copy of the tree before a
 * change); rounds alternate between builds and commands so a busy machine slows them alike. Figures
 * are the median and the min–max of the rounds. Traffic goes to 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startForwardingApp } from './support/forwardingAppProcess.js';
import { median } from './support/median.js';

const TOKEN = 'bench-token';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One command line to time, and whether it writes the event stream. */
interface Scenario {
  readonly name: string;
  readonly args: readonly string[];
  readonly events: boolean;
}

interface Sample {
  readonly exitMs: number;
  readonly code: number | null;
  /** Spawn to the first `property-start` event. */
  readonly firstCaseMs?: number;
  /** Spawn to the first `progress` event. */
  readonly firstDoneMs?: number;
}

const startAppProcess = (): ReturnType<typeof startForwardingApp> => startForwardingApp(TOKEN);

function scenarios(url: string, twimlFile: string): Scenario[] {
  const events = ['--seed', '1', '--ndjson', '-'];
  return [
    { name: '--version', args: ['--version'], events: false },
    { name: 'validate FILE', args: ['validate', twimlFile], events: false },
    { name: 'generator --only valid --runs 1', args: ['generator', '--only', 'valid', '--runs', '1', ...events], events: true },
    { name: 'interpreter --runs 1 (mini-emulator)', args: ['interpreter', '--runs', '1', ...events, '--stdio', '--', process.execPath, join(ROOT, 'examples/mini-emulator/driver.mjs')], events: true },
    { name: 'endpoint URL --runs 1 (forwarding app)', args: ['endpoint', url, '--auth-token', TOKEN, '--runs', '1', ...events], events: true },
  ];
}

/** Spawns the CLI once and times its exit and, from its event stream, its first case. */
function runOnce(cli: string, scenario: Scenario): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstCaseMs: number | undefined;
    let firstDoneMs: number | undefined;
    let pending = '';
    const child = spawn(process.execPath, [cli, ...scenario.args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (data: Buffer) => {
      if (!scenario.events) return;
      const now = performance.now() - started;
      pending += data.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const event = /^\{"seq":\d+,"elapsedMs":\d+,"event":"([a-z-]+)"/.exec(line)?.[1];
        if (event === 'property-start') firstCaseMs ??= now;
        if (event === 'progress') firstDoneMs ??= now;
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const exitMs = performance.now() - started;
      resolve({ exitMs, code, ...(firstCaseMs === undefined ? {} : { firstCaseMs }), ...(firstDoneMs === undefined ? {} : { firstDoneMs }) });
    });
  });
}

/** The time of a bare `node -e 0`: the floor no CLI goes under on this machine. */
function nodeFloor(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - started));
  });
}

/** `median (min–max)` in whole milliseconds, or `—` when no round saw the event. */
function figure(values: readonly (number | undefined)[]): string {
  const seen = values.filter((value): value is number => value !== undefined);
  if (seen.length === 0) return '—';
  const ms = (value: number): string => String(Math.round(value));
  return `${ms(median(seen))} (${ms(Math.min(...seen))}–${ms(Math.max(...seen))})`;
}

function parseArgs(argv: readonly string[]): { rounds: number; clis: { label: string; path: string }[] } {
  let rounds = 10;
  const clis: { label: string; path: string }[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index] as string;
    if (word === '--cli') {
      const value = argv[(index += 1)] ?? '';
      const equals = value.indexOf('=');
      clis.push(equals > 0 ? { label: value.slice(0, equals), path: value.slice(equals + 1) } : { label: value, path: value });
    } else {
      rounds = Number(word);
    }
  }
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`rounds must be a whole number of 1 or more, not ${JSON.stringify(argv[0])}`);
  if (clis.length === 0) clis.push({ label: 'this tree', path: join(ROOT, 'bin/dial-kit.js') });
  return { rounds, clis };
}

export async function runStartupBench(rounds: number, clis: readonly { label: string; path: string }[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dial-kit-startup-'));
  const twimlFile = join(dir, 'dial.xml');
  writeFileSync(twimlFile, '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Dial timeout="20"><Number>+15551230000</Number></Dial></Response>\n');
  const { url, child } = await startAppProcess();
  try {
    const load = loadavg()[0] ?? 0;
    const list = scenarios(url, twimlFile);
    const samples = new Map<string, Sample[]>();
    const floor: number[] = [];
    // One round more than asked: the first warms the file cache and is dropped.
    for (let round = 0; round <= rounds; round += 1) {
      const took = await nodeFloor();
      if (round > 0) floor.push(took);
      for (const scenario of list) {
        for (const cli of clis) {
          const sample = await runOnce(cli.path, scenario);
          if (round === 0) continue;
          const key = `${cli.label}\0${scenario.name}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
        }
      }
    }
    const header = ['command', 'build', 'exit code', 'to exit, ms', 'to first case, ms', 'to first case done, ms'];
    const rows: string[][] = [];
    for (const scenario of list) {
      for (const cli of clis) {
        const runs = samples.get(`${cli.label}\0${scenario.name}`) ?? [];
        const codes = [...new Set(runs.map((run) => String(run.code)))].join(',');
        rows.push([scenario.name, cli.label, codes, figure(runs.map((run) => run.exitMs)), figure(runs.map((run) => run.firstCaseMs)), figure(runs.map((run) => run.firstDoneMs))]);
      }
    }
    rows.push(['node -e 0 (floor)', '', '0', figure(floor), '', '']);
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
    const line = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd();
    return [
      `start-up benchmark (${process.version}, ${availableParallelism()} CPUs, load ${load.toFixed(2)} before, ${rounds} rounds; median (min–max))`,
      line(header),
      ...rows.map(line),
      '',
    ].join('\n');
  } finally {
    child.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { rounds, clis } = parseArgs(process.argv.slice(2));
  process.stdout.write(await runStartupBench(rounds, clis));
}

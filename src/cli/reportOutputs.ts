import { accessSync, closeSync, constants, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { RunReport } from '../check/findings.js';
import type { Shard } from '../check/shard.js';
import { DialKitError } from '../errors.js';
import { htmlReport } from '../report/htmlReport.js';
import { jsonReport } from '../report/jsonReport.js';
import { junitReport } from '../report/junitReport.js';
import type { VerdictOptions } from '../check/grade.js';
import { runEvents, type RunEvents } from '../report/runEvents.js';
import type { CliIo } from './io.js';

// The flags live apart so the command table can print usages without loading the report writers.
export { REPORT_FLAGS, REPORT_USAGE } from './reportFlags.js';

type ReportFlag = 'json' | 'junit' | 'html';
const REPORTS: readonly ReportFlag[] = ['json', 'junit', 'html'];

const RENDER: Readonly<Record<ReportFlag, (report: RunReport, verdict: VerdictOptions) => string>> = {
  json: jsonReport,
  junit: junitReport,
  html: htmlReport,
};

export interface ReportFlagValues {
  readonly json?: string | undefined;
  readonly junit?: string | undefined;
  readonly html?: string | undefined;
  readonly ndjson?: string | undefined;
  readonly shard?: string | undefined;
  /** `--strict`: `should` findings fail the run, so JUnit shows them as failures. */
  readonly strict?: boolean | undefined;
}

export interface ReportOutputs {
  /** The `--shard` asked for, if any. */
  readonly shard: Shard | undefined;
  /** Where the human report goes: standard output, or standard error when a report or the events take it. */
  readonly console: Writable;
  /** The `--ndjson` event stream (no-ops without it). */
  readonly events: RunEvents;
  /** Writes every report asked for. */
  write(report: RunReport): void;
  /** Ends the event stream; call it whether the run ended well or not. */
  close(): void;
}

/** `--shard I/N`: shard I of N, from 1. */
export function parseShard(text: string): Shard {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `--shard must be I/N with 1 <= I <= N (e.g. 2/4), not ${JSON.stringify(text)}`);
  }
  return { index, count };
}

/**
 * Reads the report flags and checks, before any case runs, that every file can be written: a run of
 * an hour must not end in "cannot write the report". The `--ndjson` file is written as the run goes.
 */
export function openReportOutputs(values: ReportFlagValues, io: CliIo): ReportOutputs {
  const named: [string, string][] = [];
  for (const flag of [...REPORTS, 'ndjson'] as const) {
    const path = values[flag];
    if (path === undefined) continue;
    if (path === '') throw new DialKitError('DIALKIT_ERR_USAGE', `--${flag} needs a file name (or - for standard output)`);
    named.push([flag, path]);
  }
  const toStdout = named.filter(([, path]) => path === '-');
  if (toStdout.length > 1) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `only one report can go to standard output, not ${toStdout.map(([flag]) => `--${flag}`).join(' and ')}`);
  }
  const files = named.filter(([, path]) => path !== '-');
  for (const [flag, path] of files) {
    const twin = files.find(([other, otherPath]) => other !== flag && resolve(otherPath) === resolve(path));
    if (twin !== undefined) throw new DialKitError('DIALKIT_ERR_USAGE', `--${flag} and --${twin[0]} name the same file ${JSON.stringify(path)}`);
    assertWritable(flag, path);
  }
  const ndjson = values.ndjson;
  // The event file is opened at the first event, so a target that cannot even start leaves no descriptor open.
  let ndjsonFd: number | undefined;
  const writeLine =
    ndjson === undefined
      ? undefined
      : ndjson === '-'
        ? (line: string): void => void io.stdout.write(line)
        : (line: string): void => void writeSync((ndjsonFd ??= openFile('ndjson', ndjson)), line);
  return {
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
    console: toStdout.length > 0 ? io.stderr : io.stdout,
    events: runEvents(writeLine),
    write(report) {
      for (const flag of REPORTS) {
        const path = values[flag];
        if (path === undefined) continue;
        const text = RENDER[flag](report, { strict: values.strict === true });
        if (path === '-') io.stdout.write(text);
        else writeReportFile(flag, path, text);
      }
    },
    close() {
      if (ndjsonFd !== undefined) closeSync(ndjsonFd);
      ndjsonFd = undefined;
    },
  };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(error));
}

/** The file can be created or overwritten: its folder exists and is writable, and it is not a folder itself. */
function assertWritable(flag: string, path: string): void {
  try {
    const existing = statSync(path, { throwIfNoEntry: false });
    if (existing?.isDirectory() === true) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (existing !== undefined) accessSync(path, constants.W_OK);
    else accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (error) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `cannot write the --${flag} report to ${JSON.stringify(path)}: ${reason(error)}`);
  }
}

function openFile(flag: string, path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `cannot write the --${flag} report to ${JSON.stringify(path)}: ${reason(error)}`);
  }
}

function writeReportFile(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `cannot write the --${flag} report to ${JSON.stringify(path)}: ${reason(error)}`);
  }
}

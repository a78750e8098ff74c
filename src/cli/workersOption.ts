import { availableParallelism } from 'node:os';
import { DialKitError } from '../errors.js';

/** Most worker threads `--workers` takes. */
export const MAX_WORKERS = 64;
/**
 * Runs per property from which `--workers auto` starts threads: below it, loading the kit and the
 * builder into a worker costs more than it saves (2 vCPUs, valid documents: 5,000 runs 1.37 s alone,
 * 1.65 s with one worker; 10,000 runs 2.9–3.2 s alone, 2.6–2.8 s with one worker).
 */
export const AUTO_WORKERS_FROM_RUNS = 10_000;
/** Most threads `auto` starts, whatever the machine. */
const AUTO_CAP = 8;

/**
 * `--workers N|auto`: worker threads that draw, build and judge cases beside the main thread, which
 * checks its own share too. `auto` (the default) is one per core but the main thread's, up to 8, for
 * runs of 10,000 cases or more, and none otherwise (on one core: none).
 * The number never changes a report, only how long it takes.
 */
export function workersOption(value: string | undefined, runs: number, cores: number = availableParallelism()): number {
  if (value === undefined || value === 'auto') return runs >= AUTO_WORKERS_FROM_RUNS ? Math.min(cores - 1, AUTO_CAP) : 0;
  if (!/^\d+$/.test(value) || Number(value) > MAX_WORKERS) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `--workers must be auto or a whole number from 0 to ${MAX_WORKERS}, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

import { availableParallelism } from 'node:os';
import { DialKitError } from '../errors.js';

/** Most worker threads `--workers` takes. */
export const MAX_WORKERS = 64;
/** Runs per property from which `--workers auto` starts threads: below it, starting them costs more than they save. */
export const AUTO_WORKERS_FROM_RUNS = 1000;
/** Most threads `auto` starts, whatever the machine. */
const AUTO_CAP = 8;

/**
 * `--workers N|auto`: worker threads that draw, build and judge cases beside the main thread. `auto`
 * (the default) is one per core, up to 8, for runs of 1000 cases or more on a machine with two cores
 * or more, and none otherwise.
 * The number never changes a report, only how long it takes.
 */
export function workersOption(value: string | undefined, runs: number, cores: number = availableParallelism()): number {
  // One worker alone is slower than none (it does all the work while this thread only keeps the order).
  if (value === undefined || value === 'auto') return runs >= AUTO_WORKERS_FROM_RUNS && cores >= 2 ? Math.min(cores, AUTO_CAP) : 0;
  if (!/^\d+$/.test(value) || Number(value) > MAX_WORKERS) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `--workers must be auto or a whole number from 0 to ${MAX_WORKERS}, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** Command-line V8 flags by which the user chose how young-generation collections run: the kit leaves those alone. */
const USER_CHOICE = /scavenge|single-threaded|predictable/;

/** Pools holding serial scavenges now: the last one to end gives parallel scavenges back. */
let holders = 0;

/** What the choice reads and what it sets: this process's, unless a test hands its own. */
export interface ScavengeControl {
  readonly cores: number;
  /** The command line's Node and V8 flags. */
  readonly execArgv: readonly string[];
  readonly setFlags: (flags: string) => void;
}

const thisProcess = (): ScavengeControl => ({ cores: availableParallelism(), execArgv: process.execArgv, setFlags: setFlagsFromString });

/**
 * Makes V8's young-generation collections (scavenges) run on the collecting thread alone while a
 * builder run's threads (the main one and its workers) hold every core, and gives the default back
 * when the last such run ends. Returns what ends it. It does nothing when the run leaves a core free
 * (the helpers then have a core of their own) or when the user chose (`node --no-parallel-scavenge`,
 * `--single-threaded-gc`, ...).
 *
 * Why: a parallel scavenge stops its JavaScript thread and hands the copying to helper tasks, which
 * then wait for a core another of the run's JavaScript threads is using, so the pause stretches.
 * Measured on 2 vCPUs, one worker beside the main thread, 20,000 valid cases, eight runs of each
 * alternating, the flag set at run time: median 3,068 ms against 3,267 ms with parallel scavenges
 * (6% less; README "Benchmarks", "Tenth", for the whole check). The flag is V8's, read at each
 * scavenge; it changes when memory is freed, never what is drawn or judged, so the report is the same.
 */
export function serialScavengesWhileBusy(threads: number, control: ScavengeControl = thisProcess()): () => void {
  if (threads < control.cores || control.execArgv.some((flag) => USER_CHOICE.test(flag))) return () => {};
  if (holders === 0) control.setFlags('--no-parallel-scavenge');
  holders += 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    holders -= 1;
    if (holders === 0) control.setFlags('--parallel-scavenge');
  };
}

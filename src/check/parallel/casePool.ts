import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DialKitError, type DialKitErrorCode } from '../../errors.js';
import { shardShare, type Shard } from '../shard.js';
import type { CaseResult, FromWorker, PassSpec, ToWorker } from './caseMessages.js';
import { serialScavengesWhileBusy, type ScavengeControl } from './serialScavenges.js';

/** Cases per message: big enough that messages cost little per case, small enough to keep workers busy. */
export const BATCH = 64;
/**
 * Each worker is a V8 isolate of its own, whose heap V8 sizes from the limits it is given; without
 * them it lets a worker grow far past what is live (~10 MB here). Measured on 2 vCPUs, RSS of the
 * whole process, one worker, speed the same throughout (within this machine's noise):
 * - old generation: 40,000 cases, no limit 206-221 MB, 2048 MB 216, 512 MB 185-198, 256 MB and below
 *   180-188; 256 MB leaves a builder module some 25 times the kit's own need, and one that needs more
 *   ends the run with a sentence saying so (run with --workers 0);
 * - young generation (V8 picks more than 8 MB): 200,000 cases, 8 MB 202 MB, 4 MB 190-198 MB.
 */
export const WORKER_HEAP_MB = 256;
const LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: WORKER_HEAP_MB };
/** Batches a worker holds at most, sent and not yet answered: enough to keep it busy between two answers. */
const AHEAD = 3;

interface Waiting {
  resolve(result: CaseResult): void;
  reject(error: Error): void;
}

/**
 * The worker threads of a builder run and the cases they have ready. A pass (one fast-check run over a
 * property) asks for the result at each position in order. Positions go in batches of {@link BATCH} to
 * seats: the main thread's own (seat 0), whose cases it checks itself, or a worker's. Batches are dealt
 * as the seats get free: each worker holds up to {@link AHEAD} batches, topped up as it answers, and a
 * batch no worker has room for is the main thread's, which takes it when it gets there or while it
 * waits for a worker (see {@link isLocal}). So no thread waits for a slower one, whether a worker is
 * still loading, slowed by its garbage collector or sharing a core. A batch keeps its seat for all the
 * passes over a property, so its coverage is counted one way. Which cases a pass checks, and in what
 * order, is fast-check's doing in the main thread: a case is the same whichever seat checks it, so the
 * seating, which depends on timing, changes nothing but speed. Results are dropped once taken, and
 * never asked for far ahead of the runner, so memory stays flat however long the run.
 */
export class CasePool {
  private readonly workers: Worker[];
  /** Gives V8 its parallel scavenges back: the pool's threads (its workers and the main thread) may hold every core. */
  private readonly endSerialScavenges: () => void;
  private readonly ready = new Map<number, CaseResult>();
  /** Each batch's coverage, by its first ordinal, until the runner takes it. */
  private readonly coverage = new Map<number, string>();
  private readonly waiting = new Map<number, Waiting>();
  /** Each batch's seat plus one (0: none yet), kept over the passes of a property. */
  private seats = new Uint8Array(1024);
  /** Batches each worker holds in this pass: sent, not yet answered. */
  private readonly held: number[];
  /** Batches before this one are dealt in this pass (sent to their worker, or the main thread's). */
  private dealt = 0;
  /** The position the runner is at. */
  private at = 0;
  /** Whether a batch of this pass went to a worker yet: the first one carries the probe. */
  private probed = false;
  private pass = 0;
  private spec: PassSpec | undefined;
  private limit = 0;
  private failure: Error | undefined;

  /** `scavenges`: what decides and sets V8's scavenge flag; this process's unless a test hands its own. */
  constructor(count: number, scavenges?: ScavengeControl) {
    if (count > 254) throw new RangeError('CasePool: at most 254 workers');
    const entry = workerEntry();
    this.held = Array.from({ length: count }, () => 0);
    this.workers = Array.from({ length: count }, (_, index) => {
      const worker = entry.ts === undefined ? new Worker(entry.file, { resourceLimits: LIMITS }) : new Worker(tsxBootstrap(entry.ts), { eval: true, resourceLimits: LIMITS });
      worker.on('message', (message: FromWorker) => this.receive(index, message));
      worker.on('error', (error) => this.stop(new DialKitError('DIALKIT_ERR_WORKER', workerFailure(error))));
      worker.on('exit', (code) => {
        if (code !== 0) this.stop(new DialKitError('DIALKIT_ERR_WORKER', `a worker thread exited with code ${code}`));
      });
      return worker;
    });
    this.endSerialScavenges = serialScavengesWhileBusy(count + 1, scavenges);
  }

  /** Starts a pass: results of an earlier pass still on their way are dropped. A pass over another property than the last seats its batches anew. */
  begin(spec: PassSpec, runs: number): void {
    if (this.spec === undefined || !samePropertyRun(this.spec, spec)) this.seats.fill(0);
    this.pass += 1;
    this.spec = spec;
    this.dealt = 0;
    this.at = 0;
    this.probed = false;
    this.held.fill(0);
    this.limit = shardShare(spec.shard, runs);
    this.ready.clear();
    this.coverage.clear();
    for (const waiting of this.waiting.values()) waiting.reject(new Error('pass ended'));
    this.waiting.clear();
    const message: ToWorker = { type: 'pass', pass: this.pass, spec };
    for (const worker of this.workers) worker.postMessage(message);
    // The first batch is the main thread's: the first cases of a run are checked at once, while the workers load.
    if (this.seatOf(0) === undefined) this.seat(0, 0);
    this.deal();
  }

  /**
   * Whether the case at shard ordinal `ordinal` is the main thread's to check: its batch sits in the
   * main thread's seat, or sits nowhere yet (every worker has enough to do), and the main thread takes
   * it now.
   */
  isLocal(ordinal: number): boolean {
    const batch = Math.floor(ordinal / BATCH);
    const seat = this.seatOf(batch);
    if (seat !== undefined) return seat === 0;
    this.seat(batch, 0);
    return true;
  }

  /** Tells the pool the runner is at `ordinal`, so the workers are dealt batches up to a few past it. */
  advance(ordinal: number): void {
    if (ordinal > this.at) this.at = ordinal;
    this.deal();
  }

  /** The result of the pass's case at shard ordinal `ordinal` (its position when there is no shard), which is a worker's. */
  take(ordinal: number): Promise<CaseResult> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    this.advance(ordinal);
    const result = this.ready.get(ordinal);
    if (result !== undefined) {
      this.ready.delete(ordinal);
      return Promise.resolve(result);
    }
    return new Promise((resolve, reject) => this.waiting.set(ordinal, { resolve, reject }));
  }

  /** The coverage of the batch holding `ordinal` (its cases that were not skipped), once; '' when workers only draw. */
  takeBatchCoverage(ordinal: number): string {
    const from = ordinal - (ordinal % BATCH);
    const coverage = this.coverage.get(from) ?? '';
    this.coverage.delete(from);
    return coverage;
  }

  async close(): Promise<void> {
    try {
      await Promise.all(this.workers.map((worker) => worker.terminate()));
    } finally {
      this.endSerialScavenges();
    }
  }

  private seatOf(batch: number): number | undefined {
    const stored = batch < this.seats.length ? (this.seats[batch] as number) : 0;
    return stored === 0 ? undefined : stored - 1;
  }

  private seat(batch: number, seat: number): void {
    if (batch >= this.seats.length) {
      const grown = new Uint8Array(Math.max(batch + 1, this.seats.length * 2));
      grown.set(this.seats);
      this.seats = grown;
    }
    this.seats[batch] = seat + 1;
  }

  /**
   * Deals the pass's batches in order, up to a few past the runner (not past the run's length unless
   * fast-check goes past it: skipped cases make it go on): a batch without a seat goes to the worker
   * holding fewest, while one has room; a seated batch is sent to its worker when that worker has room.
   * Dealing stops at the first batch that must wait for room, so each worker gets its batches in order.
   */
  private deal(): void {
    if (this.failure !== undefined || this.spec === undefined) return;
    const horizon = Math.max(this.at, Math.min(this.at + BATCH * AHEAD * (this.workers.length + 1), this.limit - 1));
    while (this.dealt * BATCH <= horizon) {
      const batch = this.dealt;
      let seat = this.seatOf(batch);
      if (seat === undefined) {
        const freest = this.freestWorker();
        if (freest === undefined) return;
        seat = freest + 1;
        this.seat(batch, seat);
      }
      if (seat > 0) {
        if ((this.held[seat - 1] as number) >= AHEAD) return;
        this.send(seat - 1, batch);
      }
      this.dealt = batch + 1;
    }
  }

  private freestWorker(): number | undefined {
    let freest: number | undefined;
    this.held.forEach((held, worker) => {
      if (held < AHEAD && (freest === undefined || held < (this.held[freest] as number))) freest = worker;
    });
    return freest;
  }

  private send(worker: number, batch: number): void {
    const from = batch * BATCH;
    // The first batch a worker gets in a pass is the lowest-placed of all workers' batches, so its first case is probed before any worker answer is used.
    const probe = !this.probed;
    this.probed = true;
    this.held[worker] = (this.held[worker] as number) + 1;
    (this.workers[worker] as Worker).postMessage({ type: 'batch', pass: this.pass, from, to: from + BATCH, probe } satisfies ToWorker);
  }

  private receive(worker: number, message: FromWorker): void {
    if (message.type === 'error') {
      this.stop(new DialKitError((message.code as DialKitErrorCode | undefined) ?? 'DIALKIT_ERR_WORKER', message.message));
      return;
    }
    if (message.pass !== this.pass) return;
    this.held[worker] = (this.held[worker] as number) - 1;
    if (message.coverage !== undefined) this.coverage.set(message.from, message.coverage);
    message.results.forEach((result, offset) => {
      const ordinal = message.from + offset;
      const waiting = this.waiting.get(ordinal);
      if (waiting === undefined) this.ready.set(ordinal, result);
      else {
        this.waiting.delete(ordinal);
        waiting.resolve(result);
      }
    });
    this.deal();
  }

  private stop(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
  }
}

/** Whether two passes run over the same property's cases (same property, seed and shard), so their batches keep their seats. */
function samePropertyRun(one: PassSpec, other: PassSpec): boolean {
  return one.propertyId === other.propertyId && one.seed === other.seed && JSON.stringify(one.shard) === JSON.stringify(other.shard) && one.recipe.catalogue === other.recipe.catalogue;
}

/** One sentence for a worker that failed; running out of its heap says what to do. */
function workerFailure(error: Error): string {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `a worker thread ran out of memory (each has ${WORKER_HEAP_MB} MB of heap for the kit and the builder); run with --workers 0`;
  }
  return `a worker thread failed: ${error.message}`;
}

/** The worker's file: the compiled one beside this, or when running from the TypeScript sources (tests, tsx) the .ts one, loaded through tsx. */
function workerEntry(): { file: string; ts?: string } {
  // Under vitest or tsx there is no compiled worker; tsx (a dev dependency) loads the TypeScript one.
  const compiled = fileURLToPath(new URL('./caseWorker.js', import.meta.url));
  if (existsSync(compiled)) return { file: compiled };
  return { file: compiled, ts: new URL('./caseWorker.ts', import.meta.url).href };
}

/** A worker script that registers tsx's loader, then loads the TypeScript worker (only when running from the sources). */
function tsxBootstrap(url: string): string {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')).href;
  const api = JSON.stringify(new URL('dist/esm/api/index.mjs', tsx).href);
  return `import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
}

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DialKitError, type DialKitErrorCode } from '../../errors.js';
import { shardShare, type Shard } from '../shard.js';
import type { CaseResult, FromWorker, PassSpec, ToWorker } from './caseMessages.js';

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
/** Batches asked ahead of the case the runner is at, per worker. */
const AHEAD = 3;

interface Waiting {
  resolve(result: CaseResult): void;
  reject(error: Error): void;
}

/**
 * The worker threads of a builder run and the cases they have ready. A pass (one fast-check run over a
 * property) asks for the result at each position in order. With N workers the batches of a pass are
 * dealt round N + 1 seats: the first seat is the main thread's own ({@link isLocal}), whose cases it
 * checks itself, and batch `k` otherwise goes to worker `k mod (N + 1) - 1`. So the main thread works
 * instead of waiting, one worker already gives two busy threads, and the first cases of a run are
 * checked at once, while the workers are still loading. The pool keeps every worker a few batches ahead and drops a
 * result once it is taken, so memory stays flat however long the run. Which cases a pass checks, and
 * in what order, is fast-check's doing in the main thread: the seats only answer for positions, so
 * their number changes nothing but speed.
 */
export class CasePool {
  private readonly workers: Worker[];
  private readonly ready = new Map<number, CaseResult>();
  /** Each batch's coverage, by its first ordinal, until the runner takes it. */
  private readonly coverage = new Map<number, string>();
  private readonly waiting = new Map<number, Waiting>();
  private pass = 0;
  private spec: PassSpec | undefined;
  private asked = 0;
  private limit = 0;
  private failure: Error | undefined;

  constructor(count: number) {
    const entry = workerEntry();
    this.workers = Array.from({ length: count }, () => {
      const worker = entry.ts === undefined ? new Worker(entry.file, { resourceLimits: LIMITS }) : new Worker(tsxBootstrap(entry.ts), { eval: true, resourceLimits: LIMITS });
      worker.on('message', (message: FromWorker) => this.receive(message));
      worker.on('error', (error) => this.stop(new DialKitError('DIALKIT_ERR_WORKER', workerFailure(error))));
      worker.on('exit', (code) => {
        if (code !== 0) this.stop(new DialKitError('DIALKIT_ERR_WORKER', `a worker thread exited with code ${code}`));
      });
      return worker;
    });
  }

  /** Starts a pass: results of an earlier pass still on their way are dropped. */
  begin(spec: PassSpec, runs: number): void {
    this.pass += 1;
    this.spec = spec;
    this.asked = 0;
    this.limit = shardShare(spec.shard, runs);
    this.ready.clear();
    this.coverage.clear();
    for (const waiting of this.waiting.values()) waiting.reject(new Error('pass ended'));
    this.waiting.clear();
    const message: ToWorker = { type: 'pass', pass: this.pass, spec };
    for (const worker of this.workers) worker.postMessage(message);
  }

  /** Whether the case at shard ordinal `ordinal` is the main thread's to check (its batch sits in the main thread's seat). */
  isLocal(ordinal: number): boolean {
    return Math.floor(ordinal / BATCH) % (this.workers.length + 1) === 0;
  }

  /** Keeps the workers busy while the main thread checks a case of its own at `ordinal`. */
  keepAhead(ordinal: number): void {
    if (this.failure === undefined) this.askFor(ordinal);
  }

  /** The result of the pass's case at shard ordinal `ordinal` (its position when there is no shard), which is a worker's. */
  take(ordinal: number): Promise<CaseResult> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    this.askFor(ordinal);
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
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /** Asks for batches up to a few ahead of `ordinal`, not past the run's length unless fast-check goes past it (skipped cases make it go on). */
  private askFor(ordinal: number): void {
    const seats = this.workers.length + 1;
    const horizon = Math.max(ordinal, Math.min(ordinal + BATCH * AHEAD * seats, this.limit - 1));
    while (this.asked <= horizon) {
      const from = this.asked;
      const seat = Math.floor(from / BATCH) % seats;
      // Batch 1 is always worker 0's: the first case a worker checks in a pass is probed before any of its answers is used.
      if (seat > 0) (this.workers[seat - 1] as Worker).postMessage({ type: 'batch', pass: this.pass, from, to: from + BATCH, probe: from === BATCH } satisfies ToWorker);
      this.asked = from + BATCH;
    }
  }

  private receive(message: FromWorker): void {
    if (message.type === 'error') {
      this.stop(new DialKitError((message.code as DialKitErrorCode | undefined) ?? 'DIALKIT_ERR_WORKER', message.message));
      return;
    }
    if (message.pass !== this.pass) return;
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
  }

  private stop(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
  }
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

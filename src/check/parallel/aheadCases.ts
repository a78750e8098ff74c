/** Most positions past the one the runner waits at that the main thread checks ahead (bounds memory). */
export const MOST_AHEAD = 2048;

/**
 * The main thread's own cases of a pass, checked ahead while it waits for a worker's answer (at the
 * start of a run, while the workers load, and whenever they fall behind), so it never sits idle while
 * it has cases of its own to check. Which positions are its own is the pool's seating; what a result
 * is and how one is made is the runner's. A result is kept until its position is taken, so the order
 * in which results are used, and so the report, is what it would be without checking ahead.
 */
export class AheadCases<T> {
  private readonly done = new Map<number, T>();
  /** Positions below this are checked or passed. */
  private next = 0;
  /** Set once a result ends the checking ahead (a broken builder: its later answers cannot be trusted, and each may cost a time limit). */
  private stopped = false;

  constructor(
    private readonly isOwn: (ordinal: number) => boolean,
    private readonly check: (ordinal: number) => Promise<T>,
    /** Shard ordinals past the run's end are never checked ahead. */
    private readonly limit: number,
    /** Whether a result ends the checking ahead for the rest of the pass. */
    private readonly ends: (result: T) => boolean = () => false,
  ) {}

  /** The result checked ahead for `ordinal`, once; undefined when it was not checked ahead. */
  take(ordinal: number): T | undefined {
    const result = this.done.get(ordinal);
    if (result !== undefined) this.done.delete(ordinal);
    return result;
  }

  /** Checks own cases past `ordinal`, one at a time, until `answer` is settled or none is left in reach; then gives `answer`. */
  async whileWaiting<A>(answer: Promise<A>, ordinal: number): Promise<A> {
    let settled = false;
    const settle = (): void => {
      settled = true;
    };
    answer.then(settle, settle);
    await Promise.resolve();
    while (!settled && !this.stopped) {
      const own = this.nextOwn(ordinal);
      if (own === undefined) break;
      const result = await this.check(own);
      this.done.set(own, result);
      this.next = own + 1;
      this.stopped = this.ends(result);
      // Lets the worker's answer in (messages arrive between turns of the event loop).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return answer;
  }

  private nextOwn(ordinal: number): number | undefined {
    const reach = Math.min(this.limit, ordinal + 1 + MOST_AHEAD);
    for (let candidate = Math.max(this.next, ordinal + 1); candidate < reach; candidate += 1) {
      if (this.isOwn(candidate)) return candidate;
    }
    return undefined;
  }
}

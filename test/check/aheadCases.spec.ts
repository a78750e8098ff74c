import { describe, expect, it } from 'vitest';
import { AheadCases, MOST_AHEAD } from '../../src/check/parallel/aheadCases.js';

/** Lets `turns` turns of the event loop go by: a count, not a time (each case checked ahead takes one turn). */
async function turns(count: number): Promise<void> {
  for (let turn = 0; turn < count; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Own positions: the odd batches of 4. */
const own = (ordinal: number): boolean => Math.floor(ordinal / 4) % 2 === 1;

describe('AheadCases: the main thread checks its own cases ahead while it waits', () => {
  it('checks its own positions past the one waited at, in order, until the answer comes; each result is taken once', async () => {
    const checked: number[] = [];
    let answer!: (value: string) => void;
    const waited = new Promise<string>((resolve) => (answer = resolve));
    const ahead = new AheadCases(own, async (ordinal) => {
      checked.push(ordinal);
      if (checked.length === 3 || checked.length === 5) answer('worker');
      return `case ${ordinal}`;
    }, 100);
    await expect(ahead.whileWaiting(waited, 0)).resolves.toBe('worker');
    expect(checked).toEqual([4, 5, 6]);
    expect(ahead.take(5)).toBe('case 5');
    expect(ahead.take(5)).toBeUndefined();
    expect(ahead.take(7)).toBeUndefined();
    // An answer already there: nothing is checked.
    await ahead.whileWaiting(Promise.resolve('at once'), 1);
    expect(checked).toEqual([4, 5, 6]);
    // Waiting again goes on from where it stopped (7, then the next own batch), never checking a position twice.
    const again = new Promise<string>((resolve) => (answer = resolve));
    await expect(ahead.whileWaiting(again, 2)).resolves.toBe('worker');
    expect(checked).toEqual([4, 5, 6, 7, 12]);
  });

  it('stops at the run\'s end and at its reach, so a worker that never answers leaves it with a bounded amount done', async () => {
    const checked: number[] = [];
    let answer!: (value: string) => void;
    const waited = new Promise<string>((resolve) => (answer = resolve));
    const ahead = new AheadCases(own, (ordinal) => {
      checked.push(ordinal);
      return Promise.resolve(ordinal);
    }, 14);
    const done = ahead.whileWaiting(waited, 0);
    await turns(50);
    expect(checked).toEqual([4, 5, 6, 7, 12, 13]);
    answer('late');
    await expect(done).resolves.toBe('late');

    const far: number[] = [];
    const wide = new AheadCases(() => true, (ordinal) => {
      far.push(ordinal);
      return Promise.resolve(ordinal);
    }, 1_000_000);
    let release!: () => void;
    const wideDone = wide.whileWaiting(new Promise<void>((resolve) => (release = resolve)), 10);
    await turns(MOST_AHEAD + 100);
    expect(far).toHaveLength(MOST_AHEAD);
    expect(far[0]).toBe(11);
    expect(far.at(-1)).toBe(10 + MOST_AHEAD);
    release();
    await wideDone;
  });
});

describe('AheadCases after a result that ends it', () => {
  it('checks nothing more ahead once a result ends it (a broken builder), and still gives what it checked', async () => {
    const checked: number[] = [];
    const ahead = new AheadCases(own, (ordinal) => {
      checked.push(ordinal);
      return Promise.resolve({ ordinal, broken: ordinal === 5 });
    }, 100, (result) => result.broken);
    let answer!: (value: string) => void;
    const waited = ahead.whileWaiting(new Promise<string>((resolve) => (answer = resolve)), 0);
    await turns(50);
    expect(checked).toEqual([4, 5]);
    answer('worker');
    await expect(waited).resolves.toBe('worker');
    await ahead.whileWaiting(new Promise<void>((resolve) => setImmediate(resolve)), 1);
    expect(checked).toEqual([4, 5]);
    expect(ahead.take(5)).toEqual({ ordinal: 5, broken: true });
  });
});

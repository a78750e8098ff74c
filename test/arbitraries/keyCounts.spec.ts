import { describe, expect, it } from 'vitest';
import { KeyCounts, keyNumber } from '../../src/arbitraries/keyCounts.js';

describe('KeyCounts: counts by key number, read as the Map they replace', () => {
  it('lists keys in the order they were first counted, with their sums', () => {
    const counts = new KeyCounts();
    counts.add('keyCounts.b');
    counts.bump(keyNumber('keyCounts.a'), 2);
    counts.add('keyCounts.b', 3);
    expect([...counts]).toEqual([
      ['keyCounts.b', 4],
      ['keyCounts.a', 2],
    ]);
    expect(counts.size).toBe(2);
    expect(counts.get('keyCounts.a')).toBe(2);
    expect(counts.get('keyCounts.never')).toBeUndefined();
  });

  it('gives a key one number for every counter, and counters do not share counts', () => {
    const one = new KeyCounts();
    const other = new KeyCounts();
    expect(keyNumber('keyCounts.shared')).toBe(keyNumber('keyCounts.shared'));
    one.add('keyCounts.shared', 5);
    expect(other.get('keyCounts.shared')).toBeUndefined();
    expect([...other]).toEqual([]);
  });

  it('forgets everything on clear, so the next count starts the order again', () => {
    const counts = new KeyCounts();
    counts.add('keyCounts.x');
    counts.add('keyCounts.y');
    counts.clear();
    expect(counts.size).toBe(0);
    counts.add('keyCounts.y');
    counts.add('keyCounts.x', 0);
    expect([...counts]).toEqual([
      ['keyCounts.y', 1],
      ['keyCounts.x', 0],
    ]);
  });

  it('counts a key numbered far past the others', () => {
    for (let index = 0; index < 3000; index += 1) keyNumber(`keyCounts.filler${index}`);
    const counts = new KeyCounts();
    counts.add('keyCounts.far');
    expect(counts.get('keyCounts.far')).toBe(1);
  });
});

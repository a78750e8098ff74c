import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../src/boundedMemo.js';

describe('boundedMemo: a value per key, worked out once, in a map that never holds more than its bound', () => {
  it('works a key out once while it is remembered', () => {
    const asked: string[] = [];
    const upper = boundedMemo(4, (key) => {
      asked.push(key);
      return key.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(asked).toEqual(['a', 'b']);
  });

  it('starts over when full, so keys that are all different (a hostile target) keep at most the bound', () => {
    const asked: string[] = [];
    const same = boundedMemo(2, (key) => {
      asked.push(key);
      return key;
    });
    for (const key of ['a', 'b', 'c', 'a', 'c']) same(key);
    // 'c' finds the map full (a, b) and starts it over: 'a' is worked out again, 'c' is still known.
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});

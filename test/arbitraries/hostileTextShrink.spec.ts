import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../../src/arbitraries/hostileText.js';

/** The counterexample fast-check shrinks to for `fails`, at several seeds. */
function shrunk(arbitrary: fc.Arbitrary<string>, fails: (text: string) => boolean): string[] {
  return [1, 2, 3, 4, 5].map((seed) => {
    const details = fc.check(fc.property(arbitrary, (text) => !fails(text)), { seed, numRuns: 2000 });
    return details.counterexample?.[0] ?? 'no counterexample';
  });
}

describe('hostileText shrinks past its pieces', () => {
  it('a failure caused by CR shrinks to "\\r" alone (not "\\r\\n" or "&\\r\\n! ")', () => {
    expect(shrunk(hostileText({ maxLength: 60, allowEmpty: true }), (text) => text.includes('\r'))).toEqual(['\r', '\r', '\r', '\r', '\r']);
  });

  it('one that needs the CR inside the text shrinks to three characters', () => {
    for (const text of shrunk(hostileText({ maxLength: 80 }), (value) => value.trim().includes('\r'))) expect([...text]).toHaveLength(3);
  });

  it('shrinking keeps the constraints: a non-blank text never shrinks to a blank one', () => {
    for (const text of shrunk(hostileText({ maxLength: 100, nonBlank: true }), (value) => value.includes('\r'))) {
      expect(text.trim()).not.toBe('');
      expect([...text]).toHaveLength(2);
    }
  });
});

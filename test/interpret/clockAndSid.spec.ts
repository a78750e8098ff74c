import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfc2822 } from '../../reference/interpret/clock.js';
import { sidFor } from '../../reference/interpret/sid.js';

describe('rfc2822', () => {
  it("writes what Date's toUTCString writes, with +0000 for GMT, at any moment (four-digit years, and the others)", () => {
    const epochs = fc.oneof(fc.integer({ min: -62_198_755_200_000, max: 253_402_300_799_999 }), fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constantFrom(0, Date.UTC(2026, 0, 1), Date.UTC(999, 11, 31, 23, 59, 59), Date.UTC(10000, 0, 1)));
    fc.assert(
      fc.property(epochs, fc.double({ min: 0, max: 100_000, noNaN: true }), (epochMs, atSeconds) => {
        const expected = new Date(epochMs + Math.round(atSeconds * 1000)).toUTCString().replace(/GMT$/, '+0000');
        expect(rfc2822(epochMs, atSeconds)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the example date of facts §3.5 its form', () => {
    expect(rfc2822(Date.UTC(2010, 7, 20, 1, 13, 42), 0)).toBe('Fri, 20 Aug 2010 01:13:42 +0000');
  });
});

describe('sidFor', () => {
  /** The 32 hex digits as Number#toString(16) writes each 32-bit word, zero-padded. */
  function byToString(prefix: string, seed: number, label: string): string {
    let state = 0x811c9dc5;
    for (const unit of `${seed}|${prefix}|${label}`) {
      for (let index = 0; index < unit.length; index += 1) {
        state ^= unit.charCodeAt(index);
        state = Math.imul(state, 0x01000193) >>> 0;
      }
    }
    state = state >>> 0 || 0x9e3779b9;
    let hex = '';
    for (let word = 0; word < 4; word += 1) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      hex += state.toString(16).padStart(8, '0');
    }
    return prefix + hex;
  }

  it('is prefix + 32 lowercase hex digits, the words written as toString(16) writes them', () => {
    fc.assert(
      fc.property(fc.constantFrom('AC', 'CA', 'RE', 'CF'), fc.integer(), fc.string({ maxLength: 12 }), (prefix, seed, label) => {
        const sid = sidFor(prefix, seed, label);
        expect(sid).toMatch(new RegExp(`^${prefix}[0-9a-f]{32}$`));
        expect(sid).toBe(byToString(prefix, seed, label));
      }),
      { numRuns: 3000 },
    );
  });
});

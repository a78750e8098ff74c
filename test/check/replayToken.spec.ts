import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressPath, expandPath } from '../../src/check/replayToken.js';
import { DialKitError } from '../../src/errors.js';

// Paths like fast-check's after shrinking: a run index, then long stretches of the same few indices.
const path = fc
  .array(fc.tuple(fc.nat(12), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 30 })
  .map((runs) => runs.flatMap(([value, count]) => Array<string>(count).fill(String(value))).join(':'));

describe('replay tokens', () => {
  it('writes a run of three or more equal entries as v*k, shorter runs in full', () => {
    expect(compressPath('12:0:0:0:1:1:1:1')).toBe('12:0*3:1*4');
    expect(compressPath('5:0:0:1')).toBe('5:0:0:1');
    expect(compressPath('7')).toBe('7');
    expect(compressPath('')).toBe('');
  });

  it('expands what it compressed, and takes the long form unchanged', () => {
    fc.assert(
      fc.property(path, (long) => {
        const short = compressPath(long);
        expect(expandPath(short)).toBe(long);
        expect(expandPath(long)).toBe(long);
        expect(short.length).toBeLessThanOrEqual(long.length);
      }),
    );
  });

  it('rejects junk with one usage sentence', () => {
    for (const junk of ['', 'abc', '1:x', '1::2', '3*0', '1*', '*3', '1*2*3', '0*999999999', "'1:2'"]) {
      const thrown = (() => {
        try {
          expandPath(junk);
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(thrown, junk).toBeInstanceOf(DialKitError);
      expect((thrown as DialKitError).code).toBe('DIALKIT_ERR_USAGE');
      expect((thrown as DialKitError).message).not.toContain('\n');
    }
  });
});

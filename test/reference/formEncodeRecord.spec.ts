import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formEncode, formEncodeRecord } from '../../reference/formEncoding.js';

describe('formEncodeRecord', () => {
  it("is formEncode of the record's entries, in their order, for any names and values (integer-like names, lone surrogates)", () => {
    const names = fc.oneof(fc.string({ unit: 'binary', maxLength: 5 }), fc.nat({ max: 20 }).map(String));
    fc.assert(
      fc.property(fc.dictionary(names, fc.string({ unit: 'binary', maxLength: 8 }), { maxKeys: 6, noNullPrototype: true }), (record) => {
        expect(formEncodeRecord(record)).toBe(formEncode(Object.entries(record)));
      }),
      { numRuns: 2000 },
    );
  });
});

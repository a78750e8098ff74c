import fc from 'fast-check';

/** One arbitrary per key of `T`. */
export type RecordModel<T> = { readonly [K in keyof T]: fc.Arbitrary<T[K]> };

/** Marks a key an optional record left out (a value may itself be undefined, and then the key is kept). */
const ABSENT: unique symbol = Symbol('absent');

/**
 * What `fc.record(model)` draws, from the same randoms in the same order, as a plain object. fast-check
 * draws each key's value, then a boolean that gives half its records a null prototype, and writes the
 * keys one by one into that object; V8 keeps such objects in its slow dictionary form, and every later
 * read of them pays for it. Here the boolean is drawn all the same (a seed gives the values it always
 * gave, and shrinking walks the same candidates), and every record is a plain object whose keys arrive
 * in one order, so all of them share one fast shape.
 *
 * With `requiredKeys: []`, as `fc.record` with it: each key may be left out (an option that shrinks to
 * leaving it out).
 */
export function plainRecord<T>(model: RecordModel<T>): fc.Arbitrary<T>;
export function plainRecord<T>(model: RecordModel<T>, constraints: { readonly requiredKeys: readonly [] }): fc.Arbitrary<Partial<T>>;
export function plainRecord<T>(model: RecordModel<T>, constraints?: { readonly requiredKeys: readonly [] }): fc.Arbitrary<T | Partial<T>> {
  const keys = Object.keys(model) as (keyof T & string)[];
  const optional = constraints !== undefined;
  const values: fc.Arbitrary<unknown>[] = keys.map((key) => (optional ? fc.option(model[key], { nil: ABSENT }) : model[key]));
  return fc.tuple(...values, fc.boolean()).map((drawn) => {
    const record: Partial<Record<keyof T, unknown>> = {};
    for (let index = 0; index < keys.length; index += 1) {
      const value = drawn[index];
      if (value !== ABSENT) record[keys[index] as keyof T] = value;
    }
    return record as T | Partial<T>;
  });
}

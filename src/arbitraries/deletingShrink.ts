import fc from 'fast-check';
import type { DrawsLike } from './compiledDraw.js';

interface Context {
  /** The inner arbitrary's own shrink context, while the value still has one. */
  readonly inner: unknown;
}

/** Every value of `value` with one code point removed, halves first (a long value gets short fast). */
function* deletions(value: string): Generator<string> {
  const chars = [...value];
  if (chars.length > 3) {
    const half = Math.floor(chars.length / 2);
    yield chars.slice(half).join('');
    yield chars.slice(0, half).join('');
  }
  for (let at = 0; at < chars.length; at += 1) yield [...chars.slice(0, at), ...chars.slice(at + 1)].join('');
}

class DeletingShrink extends fc.Arbitrary<string> implements DrawsLike {
  constructor(
    private readonly inner: fc.Arbitrary<string>,
    private readonly keep: (value: string) => boolean,
  ) {
    super();
  }

  /** It draws what `inner` draws; only its shrinking differs. */
  get drawsLike(): fc.Arbitrary<string> {
    return this.inner;
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<string> {
    const value = this.inner.generate(mrng, biasFactor);
    return new fc.Value(value.value, { inner: value.context } satisfies Context);
  }

  canShrinkWithoutContext(value: unknown): value is string {
    return typeof value === 'string' && this.keep(value);
  }

  shrink(value: string, context: unknown): fc.Stream<fc.Value<string>> {
    const own = context as Context | undefined;
    const inner = own === undefined ? fc.Stream.nil<fc.Value<string>>() : this.inner.shrink(value, own.inner).map((next) => new fc.Value(next.value, { inner: next.context } satisfies Context));
    const kept = fc.stream(deletions(value)).filter((next) => next !== value && this.keep(next));
    return inner.join(kept.map((next) => new fc.Value(next, undefined)));
  }
}

/**
 * `inner`, shrinking further by removing one character at a time once its own shrinking is done, so a
 * failure caused by one character shrinks to that character alone (a piece like `"\r\n"` or `"&amp;"`
 * cannot shrink inside itself). `keep` says which shorter values are still allowed.
 */
export function deletingShrink(inner: fc.Arbitrary<string>, keep: (value: string) => boolean = () => true): fc.Arbitrary<string> {
  return new DeletingShrink(inner, keep);
}

import fc from 'fast-check';
import { compiledDraw, type Draw } from './compiledDraw.js';

/**
 * The kit's generators are fast-check combinators, and a document goes through some two hundred of them:
 * each wraps its value and shrink context in objects, and most of a case's drawing time goes to that,
 * not to drawing. {@link drawnDirectly} gives an arbitrary that draws the same values from the same
 * random, draw for draw, by a function compiled from the combinator tree, and shrinks as the original
 * does: from the original's value at the same random, drawn again. Same cases, same shrinks, same
 * replay paths; only cheaper.
 *
 * The compiled function (compiledDraw.ts) reads fast-check's internals, so it is held to them three ways:
 * - only with the fast-check version test/arbitraries/directDraws.spec.ts holds every catalogue property
 *   to over thousands of cases;
 * - its first draws are the original's, the compiled one checked beside each (any value, or the
 *   random's state afterwards, differing: the original draws alone from then on);
 * - shrinking starts only from the very value that failed.
 */

/** Where a value was drawn: enough to draw it again with the original, and its shrink context with it. */
class DrawnAt {
  constructor(
    readonly random: fc.Random,
    readonly biasFactor: number | undefined,
  ) {}
}

/** Draws checked beside the original before the compiled draw is trusted alone. */
const CHECKED_DRAWS = 32;

class DirectDraws<T> extends fc.Arbitrary<T> {
  private checked = 0;
  private differs = false;

  constructor(
    private readonly draw: Draw,
    private readonly original: fc.Arbitrary<T>,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    if (this.differs) return this.original.generate(mrng, biasFactor);
    if (this.checked < CHECKED_DRAWS) return this.checkedDraw(mrng, biasFactor);
    const start = mrng.clone();
    return new fc.Value(this.draw(mrng, biasFactor) as T, new DrawnAt(start, biasFactor));
  }

  /** The original's draw, with the compiled one beside it: the first that differs leaves the original alone from then on. */
  private checkedDraw(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const alongside = mrng.clone();
    const drawn = this.original.generate(mrng, biasFactor);
    try {
      const same = fc.stringify(this.draw(alongside, biasFactor)) === fc.stringify(drawn.value) && alongside.nextInt() === mrng.clone().nextInt();
      if (same) this.checked += 1;
      else this.differs = true;
    } catch {
      this.differs = true;
    }
    return drawn;
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.original.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    if (!(context instanceof DrawnAt)) return this.original.shrink(value, context);
    const drawn = this.original.generate(context.random.clone(), context.biasFactor);
    // Never shrink another value than the one that failed: should the two ever differ, the case stays as found.
    if (fc.stringify(drawn.value) !== fc.stringify(value)) return fc.Stream.nil();
    return this.original.shrink(drawn.value, drawn.context);
  }
}

/**
 * The fast-check versions whose internals the compiled draws were held to (the one package-lock.json
 * installs): with any other, the kit draws through fast-check itself, slower and surely the same.
 */
export const FAST_CHECK_VERSIONS_DRAWN_DIRECTLY: readonly string[] = ['4.10.2'];

/**
 * `arbitrary`, drawn by a function compiled from its combinators when fast-check is a version that
 * function was held to. Its first draws are the original's, with the compiled one checked beside each:
 * should one differ, the original draws alone from then on. Build it once per arbitrary.
 */
export function drawnDirectly<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (!FAST_CHECK_VERSIONS_DRAWN_DIRECTLY.includes(fc.__version)) return arbitrary;
  return new DirectDraws(compiledDraw(arbitrary), arbitrary);
}

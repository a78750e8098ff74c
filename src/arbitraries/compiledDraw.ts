import fc from 'fast-check';

/**
 * One function that draws what a fast-check arbitrary draws: the same numbers taken from the same random,
 * in the same order, giving the same value, compiled from the arbitrary's tree of combinators (map,
 * tuple, constant, integer, array with fc.string's slices, unique array, subarray, frequency/oneof/option,
 * noBias, filter),
 * without the value and shrink context each combinator wraps around its part. Anything else is drawn by
 * its own `generate`. It reads fast-check's internals: `drawnDirectly` (directDraws.ts) decides when it
 * may be trusted.
 */
export type Draw = (mrng: fc.Random, biasFactor: number | undefined) => unknown;

/** A kit arbitrary whose `generate` gives what `drawsLike`'s gives, from the same draws (it differs only in shrinking). */
export interface DrawsLike {
  readonly drawsLike: fc.Arbitrary<unknown>;
}

type Fields = Record<string, unknown>;

interface DepthContext {
  depth: number;
}

interface Range {
  readonly min: number;
  readonly max: number;
}

const fieldsOf = (arbitrary: fc.Arbitrary<unknown>): Fields => arbitrary as unknown as Fields;
const isArbitrary = (value: unknown): value is fc.Arbitrary<unknown> => value instanceof fc.Arbitrary;
const isDepthContext = (value: unknown): value is DepthContext => typeof value === 'object' && value !== null && typeof (value as DepthContext).depth === 'number';
const isRange = (value: unknown): value is Range => typeof value === 'object' && value !== null && Number.isInteger((value as Range).min) && Number.isInteger((value as Range).max);

/** The arbitrary's own draw: always right, never cheaper. */
const ownDraw =
  (arbitrary: fc.Arbitrary<unknown>): Draw =>
  (mrng, biasFactor) =>
    arbitrary.generate(mrng, biasFactor).value;

/** The draw of `arbitrary`: compiled where its class is one fast-check 4 draws in a way known here, else its own. */
export function compiledDraw(arbitrary: fc.Arbitrary<unknown>): Draw {
  return compile(arbitrary, new Map());
}

function compile(arbitrary: fc.Arbitrary<unknown>, seen: Map<fc.Arbitrary<unknown>, Draw>): Draw {
  const known = seen.get(arbitrary);
  if (known !== undefined) return known;
  // A recursive arbitrary (letrec) reaches itself: its inner uses go through its own draw.
  seen.set(arbitrary, ownDraw(arbitrary));
  const draw = compileOne(arbitrary, seen) ?? ownDraw(arbitrary);
  seen.set(arbitrary, draw);
  return draw;
}

function compileOne(arbitrary: fc.Arbitrary<unknown>, seen: Map<fc.Arbitrary<unknown>, Draw>): Draw | undefined {
  const drawsLike = (arbitrary as Partial<DrawsLike>).drawsLike;
  if (isArbitrary(drawsLike)) return compile(drawsLike, seen);
  const fields = fieldsOf(arbitrary);
  switch (arbitrary.constructor.name) {
    case 'MapArbitrary':
      return mapDraw(fields, seen);
    case 'TupleArbitrary':
      return tupleDraw(fields, seen);
    case 'ConstantArbitrary':
      return constantDraw(fields);
    case 'IntegerArbitrary':
      return integerDraw(fields);
    case 'NoBiasArbitrary':
      return isArbitrary(fields.arb) ? withoutBias(compile(fields.arb, seen)) : undefined;
    case 'FrequencyArbitrary':
      return frequencyDraw(fields, seen);
    case 'ArrayArbitrary':
      return arrayDraw(fields, seen);
    case 'SubarrayArbitrary':
      return subarrayDraw(fields);
    case 'FilterArbitrary':
      return filterDraw(fields, seen);
    default:
      return undefined;
  }
}

function withoutBias(draw: Draw): Draw {
  return (mrng) => draw(mrng, undefined);
}

function mapDraw(fields: Fields, seen: Map<fc.Arbitrary<unknown>, Draw>): Draw | undefined {
  const { arb, mapper } = fields;
  if (!isArbitrary(arb) || typeof mapper !== 'function') return undefined;
  const inner = compile(arb, seen);
  const map = mapper as (value: unknown) => unknown;
  return (mrng, biasFactor) => map(inner(mrng, biasFactor));
}

function tupleDraw(fields: Fields, seen: Map<fc.Arbitrary<unknown>, Draw>): Draw | undefined {
  const { arbs } = fields;
  if (!Array.isArray(arbs) || !arbs.every(isArbitrary)) return undefined;
  const draws = arbs.map((arb) => compile(arb, seen));
  return (mrng, biasFactor) => {
    const values: unknown[] = [];
    for (const draw of draws) values.push(draw(mrng, biasFactor));
    return values;
  };
}

/** fc.constantFrom: one nextInt over the indexes, none for a single value; a value fast-check would clone is left to it. */
function constantDraw(fields: Fields): Draw | undefined {
  const { values } = fields;
  if (!Array.isArray(values) || values.length === 0 || values.some(fc.hasCloneMethod)) return undefined;
  if (values.length === 1) return () => values[0];
  const last = values.length - 1;
  return (mrng) => values[mrng.nextInt(0, last)];
}

/** fc.integer: unbiased, or one time in `biasFactor` from one of its biased ranges. */
function integerDraw(fields: Fields): Draw | undefined {
  const { min, max, ranges } = fields;
  if (!Number.isInteger(min) || !Number.isInteger(max) || !Array.isArray(ranges) || ranges.length === 0 || !ranges.every(isRange)) return undefined;
  return integerOf(min as number, max as number, ranges);
}

function integerOf(min: number, max: number, ranges: readonly Range[]): (mrng: fc.Random, biasFactor: number | undefined) => number {
  return (mrng, biasFactor) => {
    if (biasFactor === undefined || mrng.nextInt(1, biasFactor) !== 1) return mrng.nextInt(min, max);
    if (ranges.length === 1) return mrng.nextInt((ranges[0] as Range).min, (ranges[0] as Range).max);
    const id = mrng.nextInt(-2 * (ranges.length - 1), ranges.length - 2);
    const range = (id < 0 ? ranges[0] : ranges[id + 1]) as Range;
    return mrng.nextInt(range.min, range.max);
  };
}

/** fc.frequency, fc.oneof, fc.option: a weighted pick (less likely deep past the depth bias), its depth counted while drawing. */
function frequencyDraw(fields: Fields, seen: Map<fc.Arbitrary<unknown>, Draw>): Draw | undefined {
  const { warbs, constraints, context, cumulatedWeights, totalWeight } = fields;
  if (!Array.isArray(warbs) || !Array.isArray(cumulatedWeights) || typeof totalWeight !== 'number' || !isDepthContext(context)) return undefined;
  const { depthBias, maxDepth } = (constraints ?? {}) as { depthBias?: unknown; maxDepth?: unknown };
  if (typeof depthBias !== 'number' || typeof maxDepth !== 'number') return undefined;
  const weighted = warbs as { arbitrary?: unknown; weight?: unknown }[];
  if (!weighted.every((warb) => isArbitrary(warb.arbitrary) && typeof warb.weight === 'number')) return undefined;
  const draws = weighted.map((warb) => compile(warb.arbitrary as fc.Arbitrary<unknown>, seen));
  const cumulated = cumulatedWeights as number[];
  const firstWeight = weighted[0]?.weight as number;
  const drawAt = (index: number, mrng: fc.Random, biasFactor: number | undefined): unknown => {
    context.depth += 1;
    try {
      return (draws[index] as Draw)(mrng, biasFactor);
    } finally {
      context.depth -= 1;
    }
  };
  const negativeDepthBenefit = (): number => {
    if (depthBias <= 0 || firstWeight === 0) return 0;
    const benefit = Math.floor(Math.pow(1 + depthBias, context.depth)) - 1;
    return -Math.min(totalWeight * benefit, Number.MAX_SAFE_INTEGER) || 0;
  };
  return (mrng, biasFactor) => {
    if (maxDepth <= context.depth) return drawAt(0, mrng, biasFactor);
    const selected = mrng.nextInt(negativeDepthBenefit(), totalWeight - 1);
    for (let index = 0; index < cumulated.length; index += 1) if (selected < (cumulated[index] as number)) return drawAt(index, mrng, biasFactor);
    throw new Error('directDraws: no weighted arbitrary picked');
  };
}

/**
 * fc.array, and fc.uniqueArray (so fc.dictionary): a (sometimes biased) length, then the items, the
 * depth raised past the biased length. With custom slices (fc.string's tricky strings) and bias, one
 * time in `biasFactor` the items come partly from a slice, as fast-check's sliced generator takes them.
 */
function arrayDraw(fields: Fields, seen: Map<fc.Arbitrary<unknown>, Draw>): Draw | undefined {
  const { arb, minLength, maxGeneratedLength, setBuilder, customSlices, depthContext, cachedBiasedMaxLength } = fields;
  if (!isArbitrary(arb) || !isDepthContext(depthContext)) return undefined;
  if (!Array.isArray(customSlices) || !customSlices.every((slice) => Array.isArray(slice) && slice.length > 0 && !slice.some(fc.hasCloneMethod))) return undefined;
  if (!Number.isInteger(minLength) || !Number.isInteger(maxGeneratedLength) || !Number.isInteger(cachedBiasedMaxLength)) return undefined;
  // fast-check gives unique arrays no slices; one with slices would take its items otherwise.
  if (setBuilder !== undefined && (typeof setBuilder !== 'function' || customSlices.length > 0)) return undefined;
  const min = minLength as number;
  const max = maxGeneratedLength as number;
  const biasedMax = cachedBiasedMaxLength as number;
  const item = compile(arb, seen);
  const items = setBuilder === undefined ? itemsDraw(item, customSlices as unknown[][]) : uniqueItemsDraw(item, setBuilder as () => ItemSet, max);
  return (mrng, biasFactor) => {
    let length: number;
    let itemBias: number | undefined;
    if (biasFactor === undefined) length = mrng.nextInt(min, max);
    else if (min === max) {
      length = mrng.nextInt(min, max);
      itemBias = biasFactor;
    } else if (mrng.nextInt(1, biasFactor) !== 1) length = mrng.nextInt(min, max);
    else if (mrng.nextInt(1, biasFactor) !== 1) {
      length = mrng.nextInt(min, max);
      itemBias = biasFactor;
    } else {
      length = mrng.nextInt(min, biasedMax);
      itemBias = biasFactor;
    }
    const deeper = Math.max(0, length - biasedMax);
    depthContext.depth += deeper;
    try {
      return items(mrng, itemBias, length);
    } finally {
      depthContext.depth -= deeper;
    }
  };
}

function itemsDraw(item: Draw, slices: readonly (readonly unknown[])[]): (mrng: fc.Random, biasFactor: number | undefined, length: number) => unknown[] {
  return (mrng, biasFactor, length) => {
    const items: unknown[] = [];
    if (biasFactor === undefined || slices.length === 0 || mrng.nextInt(1, biasFactor) !== 1) {
      for (let index = 0; index < length; index += 1) items.push(item(mrng, biasFactor));
      return items;
    }
    let active = 0;
    let next = 0;
    let last = -1;
    if (length !== 0 && mrng.nextInt(1, biasFactor) === 1) {
      const eligible: number[] = [];
      slices.forEach((slice, index) => {
        if (slice.length === length) eligible.push(index);
      });
      if (eligible.length > 0) {
        active = eligible[mrng.nextInt(0, eligible.length - 1)] as number;
        last = length - 1;
      }
    }
    while (items.length < length) {
      if (next <= last) items.push((slices[active] as readonly unknown[])[next++]);
      else if (mrng.nextInt(1, biasFactor) !== 1) items.push(item(mrng, biasFactor));
      else {
        active = mrng.nextInt(0, slices.length - 1);
        const slice = slices[active] as readonly unknown[];
        if (mrng.nextInt(1, biasFactor) !== 1) {
          next = 1;
          last = slice.length - 1;
          items.push(slice[0]);
        } else {
          const one = mrng.nextInt(0, slice.length - 1);
          const other = mrng.nextInt(0, slice.length - 1);
          next = Math.min(one, other);
          last = Math.max(one, other);
          items.push(slice[next++]);
        }
      }
    }
    return items;
  };
}

/** fast-check's set of drawn items for a unique array (what its `setBuilder` makes): it reads each item's `value_`. */
interface ItemSet {
  tryAdd(item: fc.Value<unknown>): boolean;
  size(): number;
  getData(): fc.Value<unknown>[];
}

/**
 * fc.uniqueArray's items: drawn one by one into fast-check's own set (so equal means what the
 * arbitrary's selector and comparator say), until the length is reached or `maxGeneratedLength` draws
 * in a row were duplicates.
 */
function uniqueItemsDraw(item: Draw, setBuilder: () => ItemSet, maxGeneratedLength: number): (mrng: fc.Random, biasFactor: number | undefined, length: number) => unknown[] {
  return (mrng, biasFactor, length) => {
    const set = setBuilder();
    let skippedInRow = 0;
    while (set.size() < length && skippedInRow < maxGeneratedLength) {
      if (set.tryAdd(new fc.Value(item(mrng, biasFactor), undefined))) skippedInRow = 0;
      else skippedInRow += 1;
    }
    return set.getData().map((value) => value.value_);
  };
}

/** `.filter(refinement)` (so fc.uniqueArray with a minimum length): drawn again until a value passes, as fast-check does. */
function filterDraw(fields: Fields, seen: Map<fc.Arbitrary<unknown>, Draw>): Draw | undefined {
  const { arb, refinement } = fields;
  if (!isArbitrary(arb) || typeof refinement !== 'function') return undefined;
  const inner = compile(arb, seen);
  const passes = refinement as (value: unknown) => boolean;
  return (mrng, biasFactor) => {
    for (;;) {
      const value = inner(mrng, biasFactor);
      if (passes(value)) return value;
    }
  };
}

/** fc.subarray, fc.shuffledSubarray: a (sometimes biased) length, then that many picks among the indexes left. */
function subarrayDraw(fields: Fields): Draw | undefined {
  const { originalArray, isOrdered, lengthArb, biasedLengthArb } = fields;
  if (!Array.isArray(originalArray) || typeof isOrdered !== 'boolean' || !isArbitrary(lengthArb) || !isArbitrary(biasedLengthArb)) return undefined;
  const length = fieldsOf(lengthArb);
  const biased = fieldsOf(biasedLengthArb);
  if (!isRange(length) || !isRange(biased)) return undefined;
  return (mrng, biasFactor) => {
    const sizes = biasFactor !== undefined && mrng.nextInt(1, biasFactor) === 1 ? biased : length;
    const size = mrng.nextInt(sizes.min, sizes.max);
    const remaining = originalArray.map((_item: unknown, index: number) => index);
    const ids: number[] = [];
    for (let index = 0; index < size; index += 1) ids.push(remaining.splice(mrng.nextInt(0, remaining.length - 1), 1)[0] as number);
    if (isOrdered) ids.sort((a, b) => a - b);
    return ids.map((id) => originalArray[id] as unknown);
  };
}

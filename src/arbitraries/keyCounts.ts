/**
 * Every coverage key seen in this thread, numbered once: a key's number is the same for every
 * {@link KeyCounts}. The keys are few and fixed by the kit (spec attributes and their value classes,
 * nouns, rules, outcome kinds), so the registry stays small however long a process runs.
 */
const NUMBERS = new Map<string, number>();
const KEYS: string[] = [];

/** The number of a coverage key (`Dial.timeout`, `Dial.timeout:max`), given the first time it is asked for. */
export function keyNumber(key: string): number {
  let number = NUMBERS.get(key);
  if (number === undefined) {
    number = KEYS.length;
    KEYS.push(key);
    NUMBERS.set(key, number);
  }
  return number;
}

/**
 * Counts per key, read like the `Map<string, number>` they replace (entries in the order keys were first
 * counted, `get`, `size`, `clear`), but counted by key number: a counter that knows a key's number
 * (made once per attribute and value class) bumps an array slot instead of hashing the key twice.
 */
export class KeyCounts implements Iterable<[string, number]> {
  /** Counts by key number; undefined for a key not counted since the last `clear`. */
  private readonly counts: (number | undefined)[] = [];
  /** Key numbers in the order they were first counted. */
  private readonly order: number[] = [];

  get size(): number {
    return this.order.length;
  }

  /** Adds `by` to the key numbered `number` (see {@link keyNumber}). */
  bump(number: number, by = 1): void {
    // Grown slot by slot, so the array stays a dense list however far the number is from its end.
    while (this.counts.length <= number) this.counts.push(undefined);
    const before = this.counts[number];
    if (before === undefined) {
      this.order.push(number);
      this.counts[number] = by;
    } else this.counts[number] = before + by;
  }

  add(key: string, by = 1): void {
    this.bump(keyNumber(key), by);
  }

  get(key: string): number | undefined {
    const number = NUMBERS.get(key);
    return number === undefined ? undefined : this.counts[number];
  }

  clear(): void {
    for (const number of this.order) this.counts[number] = undefined;
    this.order.length = 0;
  }

  *entries(): IterableIterator<[string, number]> {
    for (const number of this.order) yield [KEYS[number] as string, this.counts[number] as number];
  }

  [Symbol.iterator](): IterableIterator<[string, number]> {
    return this.entries();
  }
}

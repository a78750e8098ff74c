/**
 * `compute`, remembered per key for keys that come again and again (the URLs a run sends to, the
 * Content-Type headers an app answers with), in a map that holds at most `most` keys: when it is full
 * it starts over, so a hostile target that makes every key unique cannot grow memory past it.
 */
export function boundedMemo<T>(most: number, compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= most) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

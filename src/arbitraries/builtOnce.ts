import fc from 'fast-check';

/**
 * The arbitrary built for `key` in `cache`, built by `build` the first time. Arbitraries hold no state, so one
 * instance serves every caller; the kit asks for the same ones again and again (each invalid case builds its
 * own valid document). fast-check reads its global size settings when an arbitrary is built, so they are part
 * of the key: a later `fc.configureGlobal` gets arbitraries built under it.
 */
export function builtOnce<T>(cache: Map<string, fc.Arbitrary<T>>, key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  const { baseSize, defaultSizeToMaxWhenMaxSpecified } = fc.readConfigureGlobal();
  const fullKey = `${String(baseSize)}|${String(defaultSizeToMaxWhenMaxSpecified)}|${key}`;
  let built = cache.get(fullKey);
  if (built === undefined) {
    built = build();
    cache.set(fullKey, built);
  }
  return built;
}

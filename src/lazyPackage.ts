import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded the first time it is used rather than when the kit starts. ajv and
 * xmlbuilder2 each take tens to hundreds of milliseconds to load, and most runs validate no schema or
 * write no JUnit; `dial-kit --version` or the first case of a check should not wait for them. Callers
 * keep an `import type` of the package, so its place in the layering stays visible.
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}

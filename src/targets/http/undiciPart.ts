import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const require = createRequire(import.meta.url);

/**
 * One of undici's parts by its own file, so that only what the kit uses is loaded (its Agent's module
 * takes ~50 ms here, where the whole package, which adds the request API, fetch and more, takes ~150 ms
 * of the endpoint check's start-up); the package's own export where a version lays its files out otherwise.
 */
export function undiciPart<T>(file: string, exported: keyof typeof Undici): T {
  try {
    return require(`undici/lib/${file}`) as T;
  } catch {
    return (require('undici') as Record<string, unknown>)[exported] as T;
  }
}

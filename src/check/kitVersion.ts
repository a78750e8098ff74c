import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The kit's version from its package.json, found by walking up from this file (src/ or dist/src/). */
export function kitVersion(): string {
  if (cached !== undefined) return cached;
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const parsed = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'twiml-dial-kit' && typeof parsed.version === 'string') return (cached = parsed.version);
    } catch {
      // not there; try the next level up
    }
  }
  return (cached = '0.0.0');
}

import { readFileSync } from 'node:fs';
import type { KnownFailure } from '../../check/findings.js';
import { DialKitError } from '../../errors.js';

/** Known-failure files are small lists; a bigger file is a mistake, not a list. */
const MAX_BYTES = 1_000_000;

/**
 * Reads a known-failures file: `{"known":[{"fingerprint":"…","reason":"…","property"?:"GEN-BUILD-003","cause"?:"…"}]}`.
 * Each entry names a finding's fingerprint (as printed with it) and why it is expected. A file that
 * cannot be read or does not have this form is a usage error (exit 2), named in one sentence.
 */
export function readKnownFailures(file: string): KnownFailure[] {
  let text: string;
  try {
    const buffer = readFileSync(file);
    if (buffer.length > MAX_BYTES) throw new Error(`it is larger than ${MAX_BYTES} bytes`);
    text = buffer.toString('utf8');
  } catch (error) {
    throw new DialKitError('DIALKIT_ERR_INPUT_UNREADABLE', `cannot read the known-failures file ${JSON.stringify(file)}: ${(error as Error).message}`);
  }
  return parseKnownFailures(text, file);
}

export function parseKnownFailures(text: string, file = 'known failures'): KnownFailure[] {
  const bad = (why: string): DialKitError => new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the known-failures file ${JSON.stringify(file)} ${why}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad('is not JSON');
  }
  const list = (value as { known?: unknown } | null)?.known;
  if (!Array.isArray(list)) throw bad('must be an object with a "known" array');
  return list.map((entry: unknown, index) => {
    const item = entry as Record<string, unknown> | null;
    if (item === null || typeof item !== 'object') throw bad(`has an entry ${index} that is not an object`);
    const { fingerprint, reason, property, cause } = item;
    if (typeof fingerprint !== 'string' || !/^[0-9a-f]{16}$/.test(fingerprint)) throw bad(`has an entry ${index} without a fingerprint (16 hex digits, as printed with a finding)`);
    if (typeof reason !== 'string' || reason.trim() === '') throw bad(`has an entry ${index} without a reason`);
    if (property !== undefined && typeof property !== 'string') throw bad(`has an entry ${index} whose property is not a string`);
    if (cause !== undefined && typeof cause !== 'string') throw bad(`has an entry ${index} whose cause is not a string`);
    return { fingerprint, reason, ...(property === undefined ? {} : { property }), ...(cause === undefined ? {} : { cause }) };
  });
}

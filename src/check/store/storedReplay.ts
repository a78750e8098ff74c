import type { Finding } from '../findings.js';
import type { StoredMode } from './storedCase.js';

/**
 * What replaying one stored case found. `failing`: it still breaks a property (its findings go into the
 * report). `fixed`: it passes every property now, so the store lets it go. `not-replayed`: this run
 * does not check it (another property or mode was chosen, or the target cannot express it); it stays.
 */
export interface StoredReplay {
  readonly file: string;
  readonly propertyId: string;
  readonly status: 'failing' | 'fixed' | 'not-replayed';
  readonly findings: readonly Finding[];
  /** Why it was not replayed. */
  readonly reason?: string;
}

/** The replay text a finding from a stored case carries: the stored file, which every run replays. */
export function storedReplayText(dir: string, file: string, mode: StoredMode): string {
  return `stored case ${dir.replace(/\/+$/, '')}/${file}: replayed first by every dial-kit ${mode} run with --failures ${dir}`;
}

import fc from 'fast-check';
import type { Finding } from '../findings.js';
import type { InterpreterCheckOptions, InterpreterProperty } from '../interpreter/interpreterOptions.js';
import { runInterpreterCheck, type InterpreterCase } from '../interpreter/runInterpreterCheck.js';
import type { StoredFile, StoredInterpreterCase } from './storedCase.js';
import type { StoredReplay } from './storedReplay.js';

export interface ReplayInterpreterOptions extends Omit<InterpreterCheckOptions, 'runs' | 'seed' | 'replayPath' | 'onProgress' | 'properties'> {
  readonly profilePath?: string;
  /** The replay text of a finding from the stored file. */
  readonly replayText: (file: string) => string;
}

/**
 * Plays each stored call again through the driver, one at a time, and judges it with the properties this
 * run checks. The call is the stored document, outcome and first request, not a seed and path, so it means
 * the same whatever the generators become. A call that breaks none of them is fixed; one that still breaks
 * any (the stored one or another) stays, and its findings join the report.
 */
export async function replayInterpreterCases(
  files: readonly StoredFile[],
  properties: readonly InterpreterProperty[],
  options: ReplayInterpreterOptions,
): Promise<StoredReplay[]> {
  const { replayText, ...checkOptions } = options;
  const replays: StoredReplay[] = [];
  for (const { file, stored } of files) {
    if (stored.mode !== 'interpreter') continue;
    if (!properties.some((property) => property.id === stored.propertyId)) {
      replays.push({ file, propertyId: stored.propertyId, status: 'not-replayed', findings: [], reason: `${stored.propertyId} is not checked in this run` });
      continue;
    }
    const replay = replayText(file);
    // One run of a constant case: the runner plays it once, with nothing to shrink.
    const report = await runInterpreterCheck({ ...checkOptions, runs: 1, seed: 0 }, { properties, cases: () => fc.constant(playedCase(stored)) });
    const findings = report.properties.flatMap((property) => property.findings.map((finding): Finding => ({ ...finding, replay })));
    replays.push({ file, propertyId: stored.propertyId, status: findings.length === 0 ? 'fixed' : 'failing', findings });
  }
  return replays;
}

function playedCase(stored: StoredInterpreterCase): InterpreterCase {
  const { document, outcome, request, method } = stored.case;
  return { document, outcome, request, method };
}

import type { Finding, RunReport } from '../check/findings.js';
import type { StoredFile, StoredMode } from '../check/store/storedCase.js';
import { storedCaseOf } from '../check/store/storedCaseOf.js';
import type { StoredReplay } from '../check/store/storedReplay.js';
import { withStoredFindings, type FailureStoreSummary } from '../check/store/withStoredFindings.js';
import { openFailureStore, readFailureStore, removeStoredCase, saveStoredCase, storedFileName } from './failureStore.js';

/** A failure store opened for one run: its directory and the cases it held when the run began. */
export interface FailureStoreSession {
  readonly dir: string;
  readonly mode: StoredMode;
  readonly files: readonly StoredFile[];
}

/** Opens (creating it if needed) and reads the store before the run, so a bad directory or file stops it at once. */
export async function beginFailureStore(dir: string, mode: StoredMode): Promise<FailureStoreSession> {
  await openFailureStore(dir);
  return { dir, mode, files: await readFailureStore(dir) };
}

/**
 * After the run: removes the stored cases that now pass, saves a case for each new finding that fails
 * the run (one file per property and fingerprint), and returns the report with the stored cases that
 * still fail among its findings and a summary of what the store did.
 */
export async function finishFailureStore(
  session: FailureStoreSession,
  report: RunReport,
  replays: readonly StoredReplay[],
  failsRun: (finding: Finding) => boolean,
): Promise<RunReport & { readonly failureStore: FailureStoreSummary }> {
  for (const replay of replays) if (replay.status === 'fixed') await removeStoredCase(session.dir, replay.file);
  const merged = withStoredFindings(report, replays);
  const fromStore = new Set(replays.flatMap((replay) => replay.findings));
  const kept = new Set(session.files.filter((file) => !replays.some((replay) => replay.file === file.file && replay.status === 'fixed')).map((file) => file.file));
  const saved: string[] = [];
  for (const property of merged.properties) {
    if (property.status !== 'failed') continue;
    for (const finding of property.findings) {
      if (fromStore.has(finding) || !failsRun(finding)) continue;
      // The same bug found again under a stored name stays in that file.
      if (kept.has(storedFileName(finding))) continue;
      const file = await saveStoredCase(session.dir, storedCaseOf(session.mode, finding, report.seed));
      if (file !== undefined) saved.push(file);
    }
  }
  const failureStore: FailureStoreSummary = {
    directory: session.dir,
    replayed: replays.map(({ file, propertyId, status, reason }) => ({ file, propertyId, status, ...(reason === undefined ? {} : { reason }) })),
    saved,
  };
  return { ...merged, failureStore };
}

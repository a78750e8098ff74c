import type { FailureStoreSummary } from '../check/store/withStoredFindings.js';

const WORD: Readonly<Record<FailureStoreSummary['replayed'][number]['status'], string>> = {
  failing: 'still fails',
  fixed: 'fixed, removed',
  'not-replayed': 'not replayed',
};

/** What the failure store did, for the console: stored cases replayed first, what became of each, what was saved. */
export function failureStoreReport(summary: FailureStoreSummary): string {
  const count = (status: string): number => summary.replayed.filter((replay) => replay.status === status).length;
  const lines = [
    `Failure store ${summary.directory}: ${summary.replayed.length} stored case${summary.replayed.length === 1 ? '' : 's'} replayed first` +
      ` (${count('failing')} still failing, ${count('fixed')} fixed and removed, ${count('not-replayed')} not replayed);` +
      ` ${summary.saved.length} new case${summary.saved.length === 1 ? '' : 's'} saved.`,
  ];
  for (const replay of summary.replayed) {
    lines.push(`  ${WORD[replay.status]}: ${replay.file} (${replay.propertyId})${replay.reason === undefined ? '' : `: ${replay.reason}`}`);
  }
  for (const file of summary.saved) lines.push(`  saved: ${file}`);
  return `${lines.join('\n')}\n`;
}

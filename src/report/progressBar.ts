import type { Writable } from 'node:stream';

export interface ProgressBar {
  update(label: string, done: number, total: number): void;
  /** Clears the bar so the report starts on a clean line. */
  finish(): void;
}

/**
 * A one-line progress bar for long runs, drawn only on a terminal (never into a file or a pipe, where
 * it would be noise, nor under CI, whose runners may give a terminal to a log), and at most every 100 ms.
 */
export function progressBar(stream: Writable & { isTTY?: boolean; columns?: number }, env: Readonly<Record<string, string | undefined>> = {}): ProgressBar {
  const ci = env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false' && env['CI'] !== '0';
  if (stream.isTTY !== true || ci) return { update: () => undefined, finish: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update(label, done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 20));
      const filled = total === 0 ? width : Math.min(width, Math.round((done / total) * width));
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}

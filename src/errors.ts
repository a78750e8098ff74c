/**
 * Misuse and infrastructure errors, each with a stable code. Findings about a target are not errors:
 * they are data in a report. These are what stops the kit from checking at all; the CLI turns each
 * into one sentence and exit code 2.
 */
export type DialKitErrorCode =
  | 'DIALKIT_ERR_USAGE'
  | 'DIALKIT_ERR_INPUT_UNREADABLE'
  | 'DIALKIT_ERR_INPUT_INVALID'
  /** A file or directory the run must write (a report, the failure store) cannot be written. */
  | 'DIALKIT_ERR_OUTPUT_UNWRITABLE'
  | 'DIALKIT_ERR_TARGET_LOAD'
  | 'DIALKIT_ERR_TARGET_START'
  | 'DIALKIT_ERR_TARGET_TIMEOUT'
  | 'DIALKIT_ERR_TARGET_PROTOCOL'
  | 'DIALKIT_ERR_NOTHING_CHECKED'
  | 'DIALKIT_ERR_SERIALIZE'
  /** A worker thread of a run (`--workers N`) failed or disagreed with the main thread. */
  | 'DIALKIT_ERR_WORKER';

export class DialKitError extends Error {
  constructor(
    readonly code: DialKitErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DialKitError';
  }
}

export function isDialKitError(error: unknown): error is DialKitError {
  return error instanceof DialKitError;
}

import type { Readable, Writable } from 'node:stream';

/** What a command may touch of the process: passed in, so tests run commands in-process. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  readonly name: string;
  /** One line for `dial-kit --help`. */
  readonly summary: string;
  /** The usage line(s) printed with `--help` and after a usage error. */
  readonly usage: string;
  /** Returns the exit code: 0 all good, 1 findings or errors found, 2 usage or infrastructure error. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export function write(stream: Writable, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

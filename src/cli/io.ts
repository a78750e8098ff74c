import type { Readable, Writable } from 'node:stream';

/** What a command may touch of the process: passed in, so tests run commands in-process. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** What the command table holds of a command: enough for `dial-kit --help` and `COMMAND --help`. */
export interface CommandInfo {
  readonly name: string;
  /** One line for `dial-kit --help`. */
  readonly summary: string;
  /** The usage line(s) printed with `--help` and after a usage error. */
  readonly usage: string;
}

/** A command's implementation: in a module of its own, imported only when the command runs. */
export interface CommandRunner {
  /** Returns the exit code: 0 all good, 1 findings or errors found, 2 usage or infrastructure error. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

export interface Command extends CommandInfo, CommandRunner {}

export function write(stream: Writable, text: string): void {
  // A reader that has gone (`dial-kit … | head`) reads nothing more; the run still ends with its own code.
  if (stream.destroyed) return;
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

const quieted = new WeakSet<Writable>();

/**
 * A closed pipe on the other end of `stream` ends its output quietly: `dial-kit rules | head` is no
 * error, so it prints no stack trace and changes no exit code. Other write errors are left alone.
 */
export function quietOnClosedPipe(stream: Writable): void {
  if (quieted.has(stream)) return;
  quieted.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    stream.destroy();
  });
}

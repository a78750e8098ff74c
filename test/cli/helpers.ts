import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI in-process with fake streams; `stdin` is what the command reads for `-`. */
export async function cli(argv: readonly string[], stdin = ''): Promise<CliRun> {
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await runCli(argv, { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/seed/${name}`, import.meta.url));
}

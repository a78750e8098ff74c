import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, constants, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const compiled = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
let dir: string | undefined;

afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/**
 * Runs bin/dial-kit.js with its stdout on a pipe whose reader has already gone (`dial-kit rules | head`
 * once head has quit). A named pipe makes that order certain: the reader opens and closes before the
 * command starts, so its first write meets a closed pipe whatever the speed of the machine.
 */
function runIntoClosedPipe(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  dir = mkdtempSync(join(tmpdir(), 'dial-kit-pipe-'));
  const fifo = join(dir, 'out');
  execFileSync('mkfifo', [fifo]);
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(fifo, constants.O_WRONLY);
  closeSync(reader);
  const child = spawn(process.execPath, ['bin/dial-kit.js', ...args], { cwd: root, stdio: ['ignore', writer, 'pipe'] });
  closeSync(writer);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('a reader that stops reading (dial-kit … | head)', () => {
  it('ends the command quietly with its own exit code, no stack trace', async () => {
    if (!existsSync(compiled)) expect.fail(`${compiled} is missing: run \`npm run build\` before running this test`);
    expect(await runIntoClosedPipe(['rules'])).toEqual({ code: 0, stderr: '' });
    // A usage error still says so on stderr, which is open.
    const usage = await runIntoClosedPipe(['rules', '--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^dial-kit rules: /);
    expect(usage.stderr).not.toContain('EPIPE');
  });
});

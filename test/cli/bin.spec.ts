import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const compiled = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

function run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/dial-kit.js', ...args], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

describe('the installed command, bin/dial-kit.js', () => {
  it('validates a seed example as a real process', async () => {
    // `npm test` builds before vitest; a missing build is a failure, never a skip.
    if (!existsSync(compiled)) expect.fail(`${compiled} is missing: run \`npm run build\` (npm test does) before running this test`);
    expect(await run(['validate', fixture('attributes.xml')])).toEqual({ code: 0, stdout: '0 errors, 0 warnings — valid\n', stderr: '' });
    const missing = await run(['validate', 'no-such-file.xml']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'dial-kit validate: cannot read no-such-file.xml: no such file\n' });
  });
});

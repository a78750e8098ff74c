import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { FAKE_DRIVER, FAKE_PROFILE_PATH } from './fakeDrivers.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dial-kit-interpreter-'));
  dirs.push(dir);
  return dir;
}

describe('dial-kit interpreter', () => {
  it('usage errors are one sentence and exit 2', async () => {
    const noStdio = await cli(['interpreter', '--', 'node', FAKE_DRIVER]);
    expect(noStdio.code).toBe(2);
    expect(noStdio.stderr).toMatch(/--stdio -- CMD/);
    const noCommand = await cli(['interpreter', '--stdio', '--']);
    expect(noCommand.code).toBe(2);
    expect(noCommand.stderr).toMatch(/driver command is missing/);
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ profile: 1, name: 'x', supports: { attributes: { Dial: ['timeOut'] } } }));
    const badProfile = await cli(['interpreter', '--profile', join(dir, 'bad.json'), '--stdio', '--', 'node', FAKE_DRIVER]);
    expect(badProfile.code).toBe(2);
    expect(badProfile.stderr).toMatch(/did you mean timeout\?/);
    expect(badProfile.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    const noDriver = await cli(['interpreter', '--stdio', '--', join(dir, 'no-such-driver')]);
    expect(noDriver.code).toBe(2);
    expect(noDriver.stderr).toMatch(/cannot use the driver/);
  }, 60_000);

  it('exit 0 with a JSON report for a conforming driver, exit 1 with a finding for a broken one', async () => {
    const dir = tempDir();
    const good = await cli(['interpreter', '--runs', '25', '--seed', '5', '--profile', FAKE_PROFILE_PATH, '--json', join(dir, 'r.json'), '--timeout-ms', '20000', '--stdio', '--', process.execPath, FAKE_DRIVER]);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('All 16 properties hold.');
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { mode: string; runs: number; findingCount: number };
    expect(json).toMatchObject({ mode: 'interpreter', runs: 25, findingCount: 0 });
    const bad = await cli(['interpreter', '--runs', '40', '--seed', '1', '--max-shrinks', '5', '--profile', FAKE_PROFILE_PATH, '--timeout-ms', '20000', '--stdio', '--', process.execPath, FAKE_DRIVER, '--defect', 'action-post']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FINDING INTERP-ACTION-METHOD/);
    expect(bad.stdout).toMatch(/Replay: dial-kit interpreter --seed -?[0-9]+ --replay '?[0-9:*]+'? --profile /);
  }, 120_000);
});

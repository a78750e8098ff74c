import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startForwardingApp } from '../../examples/forwarding-app/startForwardingApp.js';
import { expandPath } from '../../src/check/replayToken.js';
import { runCli } from '../../src/cli/main.js';
import { cli } from '../cli/helpers.js';
import { untimedText } from '../support/timing.js';
import { CORRECT, startFakeApp, type RunningServer } from './fakeApp.js';

const TOKEN = 'cli-token';
let closers: (() => Promise<void>)[] = [];
let dirs: string[] = [];

afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

async function server(start: Promise<RunningServer | { url: string; close(): Promise<void> }>): Promise<string> {
  const running = await start;
  closers.push(() => running.close());
  return running.url;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dial-kit-endpoint-'));
  dirs.push(dir);
  return dir;
}

describe('dial-kit endpoint', () => {
  it('exit 0 for a correct app, with the console report, a JSON RunReport and JUnit XML', async () => {
    const url = await server(startForwardingApp({ port: 0, authToken: TOKEN }));
    const dir = tempDir();
    const run = await cli(['endpoint', url, '--auth-token', TOKEN, '--runs', '30', '--seed', '4', '--json', join(dir, 'r.json'), '--junit', join(dir, 'r.xml')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`dial-kit endpoint: ${url}`);
    // No HTTP redirect and no <Gather> in this app: those properties judged nothing, and the report says so.
    expect(run.stdout).toContain('All 12 exercised properties hold; 2 not exercised: EP-REDIRECT, EP-FLOW-MENU-LOOP.');
    expect(run.stdout).toMatch(/^NOT EXERCISED\s+EP-REDIRECT/m);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { mode: string; seed: number; runs: number };
    expect(report).toMatchObject({ mode: 'endpoint', seed: 4, runs: 30 });
    expect(readFileSync(join(dir, 'r.xml'), 'utf8')).toMatch(/<testsuite name="endpoint: http:\/\/127\.0\.0\.1:\d+\/voice" tests="14" failures="0"/);
  });

  it('exit 1 with findings, each with its replay line', async () => {
    const url = await server(startFakeApp({ authToken: TOKEN, dialStatus: (params) => (params['DialCallStatus'] === 'busy' ? { status: 500 } : CORRECT.dialStatus(params)) }));
    const run = await cli(['endpoint', url, '--auth-token', TOKEN, '--runs', '50', '--seed', '4', '--timeout-ms', '3000']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL +EP-STATUS/);
    expect(run.stdout).toMatch(/Replay: dial-kit endpoint http:\/\/127\.0\.0\.1:\d+\/voice --auth-token "\$TWILIO_AUTH_TOKEN" --timeout-ms 3000 --seed 4 --replay \S+/);
    expect(run.stdout).toContain('reproduce the request: curl -sS -i -X POST');
  });

  it('--concurrency 1 places one call at a time and prints the same findings and replay line as the default', async () => {
    const url = await server(startFakeApp({ authToken: TOKEN, dialStatus: (params) => (params['DialCallStatus'] === 'busy' ? { status: 500 } : CORRECT.dialStatus(params)) }));
    const one = await cli(['endpoint', url, '--auth-token', TOKEN, '--runs', '50', '--seed', '4', '--concurrency', '1']);
    const many = await cli(['endpoint', url, '--auth-token', TOKEN, '--runs', '50', '--seed', '4', '--concurrency', '16']);
    expect(one.code).toBe(1);
    expect(one.stdout).toMatch(/--seed 4 --replay \S+/);
    expect(untimedText(many.stdout)).toBe(untimedText(one.stdout));
  });

  it('the replay line replays the finding, its path written short (0*73) or in full', async () => {
    const url = await server(startFakeApp({ authToken: TOKEN, dialStatus: (params) => (params['DialCallStatus'] === 'busy' ? { status: 500 } : CORRECT.dialStatus(params)) }));
    const first = await cli(['endpoint', url, '--auth-token', TOKEN, '--runs', '50', '--seed', '4']);
    // A shell would take the quotes off: `*` is quoted so that it never globs.
    const [, seed, token] = /--seed (-?\d+) --replay '([\d:*]+)'/.exec(first.stdout) ?? [];
    expect(token).toMatch(/\d\*\d/);
    const finding = (stdout: string): string => /FINDING EP-STATUS[\s\S]*?Replay: .*/.exec(stdout)?.[0] ?? '';
    for (const path of [token as string, expandPath(token as string)]) {
      const replay = await cli(['endpoint', url, '--auth-token', TOKEN, '--seed', seed as string, '--replay', path]);
      expect(replay.code).toBe(1);
      expect(replay.stdout).toMatch(/seed 4, 1 runs/);
      expect(replay.stdout).toContain('DialCallStatus=busy');
      expect(replay.stdout).toContain(`--replay '${token}'`);
      expect(finding(replay.stdout)).not.toBe('');
      expect(untimedText(finding(replay.stdout))).toBe(untimedText(finding(first.stdout)));
    }
  });

  it('exit 2 with one sentence: unreachable target, nothing checked, bad usage', async () => {
    const closed = await startFakeApp();
    await closed.close();
    const unreachable = await cli(['endpoint', closed.url, '--runs', '3']);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/^dial-kit endpoint: the target is unreachable: cannot connect to 127\.0\.0\.1:\d+/);

    const sayOnly = await server(startFakeApp({ voice: () => ({ status: 200, contentType: 'text/xml', body: '<Response><Say>Closed</Say></Response>' }) }));
    const nothing = await cli(['endpoint', sayOnly, '--runs', '3']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^dial-kit endpoint: checked nothing: /);

    for (const args of [[], ['ftp://x/'], ['http://127.0.0.1:1/', '--method', 'PUT'], ['http://127.0.0.1:1/', '--param', 'novalue'], ['http://127.0.0.1:1/', '--runs', '0'], ['http://127.0.0.1:1/', '--replay', '1'], ['http://127.0.0.1:1/', '--concurrency', '0'], ['http://127.0.0.1:1/', '--concurrency', 'many']]) {
      const run = await cli(['endpoint', ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toMatch(/^dial-kit endpoint: [^\n]+$/);
      expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('--expect and --expect-file: a status mix-up fails the run with EP-EXPECT; broken expectations are exit 2 with one sentence', async () => {
    const voicemail = '<Response><Record action="/dial-status?vm=1" maxLength="30"/></Response>';
    const typo = await server(
      startFakeApp({ authToken: TOKEN, dialStatus: (params) => ({ status: 200, contentType: 'text/xml', body: params['DialCallStatus'] === 'complete' || params['RecordingUrl'] !== undefined ? '<Response><Hangup/></Response>' : voicemail }) }),
    );
    const dir = tempDir();
    const file = join(dir, 'expect.json');
    writeFileSync(file, JSON.stringify({ expect: [{ statuses: ['busy', 'no-answer', 'failed', 'canceled'], next: ['record'] }] }));
    const run = await cli(['endpoint', typo, '--auth-token', TOKEN, '--runs', '40', '--seed', '3', '--expect', 'completed=hangup', '--expect-file', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FINDING EP-EXPECT .*\n.*ended completed, the call went on to record/);

    const listed = await cli(['endpoint', '--list', '--expect', 'completed=hangup']);
    expect(listed.stdout).toMatch(/^EP-EXPECT\b/m);

    writeFileSync(join(dir, 'bad.json'), '{"expect": [{"statuses": ["done"], "next": ["hangup"]}]}');
    writeFileSync(join(dir, 'notjson.json'), '{expect');
    const broken = [
      ['--expect', 'completed'],
      ['--expect', 'done=hangup'],
      ['--expect', 'completed=voicemail'],
      ['--expect', 'busy=record', '--expect', 'busy=hangup'],
      ['--expect-file', join(dir, 'missing.json')],
      ['--expect-file', join(dir, 'bad.json')],
      ['--expect-file', join(dir, 'notjson.json')],
    ];
    for (const args of broken) {
      const refused = await cli(['endpoint', 'http://127.0.0.1:1/', ...args]);
      expect(refused.code).toBe(2);
      expect(refused.stderr.split('\n')[0]).toMatch(/^dial-kit endpoint: [^\n]*(expect|STATUSES)[^\n]*$/);
      expect(refused.stderr).not.toMatch(/\bat .*\.[tj]s:\d+/);
    }
  });
});

/** A stream that says it is a terminal, as process.stderr does on one, and keeps what is written. */
class Terminal extends Writable {
  readonly isTTY = true;
  readonly columns = 80;
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('dial-kit endpoint progress', () => {
  async function onTerminal(url: string, env: Record<string, string>): Promise<{ code: number; stderr: string; stdout: string }> {
    const stdout = new Terminal();
    const stderr = new Terminal();
    const code = await runCli(['endpoint', url, '--auth-token', TOKEN, '--runs', '10', '--seed', '4'], { stdin: Readable.from([]), stdout, stderr, env });
    return { code, stderr: stderr.text, stdout: stdout.text };
  }

  it('draws a bar of calls on a terminal\'s stderr and clears it before the report', async () => {
    const url = await server(startForwardingApp({ port: 0, authToken: TOKEN }));
    const run = await onTerminal(url, {});
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^\rcalls \[[#.]+\] \d+\/10/);
    expect(run.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(run.stdout).not.toContain('calls [');
  });

  it('draws nothing into a pipe or a file, nor under CI', async () => {
    const url = await server(startForwardingApp({ port: 0, authToken: TOKEN }));
    const piped = await cli(['endpoint', url, '--auth-token', TOKEN, '--runs', '10', '--seed', '4']);
    expect(piped).toMatchObject({ code: 0, stderr: '' });
    const ci = await onTerminal(url, { CI: 'true' });
    expect(ci).toMatchObject({ code: 0, stderr: '' });
    expect(untimedText(ci.stdout)).toBe(untimedText(piped.stdout));
  });
});

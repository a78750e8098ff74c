import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/check/findings.js';
import type { StoredBuilderCase, StoredEndpointCase } from '../../src/check/store/storedCase.js';
import { parseTwiml } from '../../src/xml/parse.js';
import { cli } from '../cli/helpers.js';
import { CORRECT, fakeApps, type Params } from '../endpoint/fakeApp.js';

const CLAMPING = ['--module', 'test/generator/fixtures/clampingBuilder.mjs', '--export', 'VoiceResponse'];
const TOKEN = 'store-token';
const app = fakeApps();

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dial-kit-store-'));
  dirs.push(dir);
  return dir;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
}

function readCase<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

describe('--failures DIR with the generator check: replay, then prune', () => {
  it('saves the shrunk document, replays it first on every run, and removes it once the builder is fixed', async () => {
    const dir = tempDir();
    // 1. The broken builder (clamps <Dial timeout> to 120): the run finds it and keeps the case.
    const found = await cli(['generator', ...CLAMPING, '--only', 'valid', '--seed', '11', '--failures', dir]);
    expect(found.code).toBe(1);
    const [file] = jsonFiles(dir);
    expect(file).toMatch(/^GEN-BUILD-001\.[0-9a-f]{16}\.json$/);
    expect(found.stdout).toContain(`Failure store ${dir}: 0 stored cases replayed first (0 still failing, 0 fixed and removed, 0 not replayed); 1 new case saved.\n  saved: ${file}\n`);
    const stored = readCase<StoredBuilderCase>(dir, file as string);
    expect(stored).toMatchObject({ format: 'twiml-dial-kit/failure-case', version: 1, mode: 'generator', propertyId: 'GEN-BUILD-001', found: { seed: 11 } });
    // The case itself, readable: the model and its XML say the same thing, and the builder's output is there.
    const reparsed = parseTwiml(stored.case.xml ?? '');
    expect(reparsed.ok && reparsed.document).toEqual(stored.case.document);
    expect(stored.case.actual).toContain('timeout="120"');
    expect(stored.case.steps[0]).toBe('const response = new VoiceResponse()');

    // 2. Still broken, another seed and one run: the stored case is replayed first and still fails.
    const again = await cli(['generator', ...CLAMPING, '--only', 'valid', '--seed', '3', '--runs', '1', '--failures', dir, '--json', join(dir, 'report.out')]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`  still fails: ${file} (GEN-BUILD-001)\n`);
    const report = JSON.parse(readFileSync(join(dir, 'report.out'), 'utf8')) as RunReport;
    const first = report.properties[0]?.findings[0];
    expect(first?.replay).toBe(`stored case ${dir}/${file}: replayed first by every dial-kit generator run with --failures ${dir}`);
    expect(first?.counterexample).toEqual(stored.case.document);
    expect(report.failureStore?.replayed).toEqual([{ file, propertyId: 'GEN-BUILD-001', status: 'failing' }]);
    expect(jsonFiles(dir)).toEqual([file]);

    // 3. The fixed builder (the real twilio package): the stored case passes, is reported fixed and removed.
    const fixed = await cli(['generator', '--only', 'valid', '--seed', '3', '--runs', '5', '--failures', dir]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain(`1 stored case replayed first (0 still failing, 1 fixed and removed, 0 not replayed); 0 new cases saved.\n  fixed, removed: ${file} (GEN-BUILD-001)\n`);
    expect(jsonFiles(dir)).toEqual([]);
  });

  it('replays the stored document itself, not a seed and path: a hand-written case fails, whatever its seed says', async () => {
    const dir = tempDir();
    const document = { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: { timeout: '300' }, children: [{ kind: 'text', text: '+14155550100' }] }] };
    const handWritten = { format: 'twiml-dial-kit/failure-case', version: 1, mode: 'generator', propertyId: 'GEN-BUILD-001', title: 't', summary: 's', fingerprint: 'hand', found: { kitVersion: '0', seed: -1, replay: 'no longer valid' }, case: { document, steps: [] } };
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(handWritten));
    writeFileSync(join(dir, 'NOTES.txt'), 'the user keeps other files here');
    const run = await cli(['generator', ...CLAMPING, '--only', 'valid', '--runs', '1', '--seed', '1', '--property', 'GEN-BUILD-001', '--failures', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  still fails: mine.json (GEN-BUILD-001)\n');
    expect(run.stdout).toMatch(/at \/Response\/Dial\[1\]\/@timeout expected "300", got "120"/);
    // An invalid-document case is kept, not judged, when this run does not check its property.
    const invalidCase = { ...handWritten, propertyId: 'GEN-BUILD-002', fingerprint: 'other' };
    writeFileSync(join(dir, 'other.json'), JSON.stringify(invalidCase));
    const valid = await cli(['generator', '--only', 'valid', '--runs', '1', '--failures', dir]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('  fixed, removed: mine.json (GEN-BUILD-001)\n  not replayed: other.json (GEN-BUILD-002): GEN-BUILD-002 is not checked in this run\n');
    expect(readdirSync(dir).sort()).toEqual(['NOTES.txt', 'other.json']);
  });

  it('a store that cannot be used stops the run before it starts, in one sentence', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain-file'), '');
    const notDirectory = await cli(['generator', '--failures', join(dir, 'plain-file')]);
    expect(notDirectory).toEqual({ code: 2, stdout: '', stderr: `dial-kit generator: --failures "${join(dir, 'plain-file')}" cannot be used as the failure store: it is not a directory\n` });
    const under = await cli(['generator', '--failures', join(dir, 'plain-file', 'sub')]);
    expect(under.code).toBe(2);
    expect(under.stderr).toMatch(/^dial-kit generator: --failures ".*sub" cannot be used as the failure store: a part of the path is a file\n$/);
    writeFileSync(join(dir, 'junk.json'), '{"hello": 1}');
    const junk = await cli(['generator', '--failures', dir]);
    expect(junk).toEqual({ code: 2, stdout: '', stderr: `dial-kit generator: the failure store file ${join(dir, 'junk.json')} is not a dial-kit failure case: its "format" is not "twiml-dial-kit/failure-case"\n` });
  });
});

describe('--failures DIR with the endpoint check', () => {
  it('keeps the call (parameters, outcomes, requests), replays it against any URL, and removes it once the app is fixed', async () => {
    const dir = tempDir();
    let broken = true;
    const dialStatus = (params: Params): { status?: number; contentType?: string; body?: string } =>
      broken && params['DialCallStatus'] === 'busy' ? { status: 500, contentType: 'text/html', body: 'oops' } : CORRECT.dialStatus(params);
    const first = await app({ authToken: TOKEN, dialStatus });
    const base = ['--auth-token', TOKEN, '--timeout-ms', '5000', '--failures', dir];

    const found = await cli(['endpoint', first.url, ...base, '--runs', '60', '--seed', '7']);
    expect(found.code).toBe(1);
    const files = jsonFiles(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^EP-STATUS\.[0-9a-f]{16}\.json$/);
    const stored = readCase<StoredEndpointCase>(dir, files[0] as string);
    expect(stored).toMatchObject({ mode: 'endpoint', propertyId: 'EP-STATUS', case: { step: 1, role: 'action', answer: { status: 500, bodyStart: 'oops' } } });
    expect(stored.case.initialParams.every((pair) => pair.length === 2 && typeof pair[0] === 'string')).toBe(true);
    expect(stored.case.dials[0]?.outcome.legs[0]?.response.kind).toBe('busy');
    expect(JSON.stringify(stored.case.request)).toContain('DialCallStatus=busy');
    expect(stored.case.exchanges.some((line) => / ms$/.test(line))).toBe(false);

    // Another app process on another port (the store is not keyed by target): replayed first, still failing.
    const second = await app({ authToken: TOKEN, dialStatus });
    const again = await cli(['endpoint', second.url, ...base, '--runs', '1', '--seed', '12345']);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`  still fails: ${files[0]} (EP-STATUS)\n`);
    expect(again.stdout).toContain(`Replay: stored case ${dir}/${files[0]}: replayed first by every dial-kit endpoint run with --failures ${dir}`);

    // An app that is down makes nothing look fixed.
    await second.close();
    const down = await cli(['endpoint', second.url, ...base, '--runs', '1']);
    expect(down.code).toBe(2);
    expect(jsonFiles(dir)).toEqual(files);

    broken = false;
    const fixed = await cli(['endpoint', first.url, ...base, '--runs', '5', '--seed', '7']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain(`  fixed, removed: ${files[0]} (EP-STATUS)\n`);
    expect(jsonFiles(dir)).toEqual([]);
  });
});

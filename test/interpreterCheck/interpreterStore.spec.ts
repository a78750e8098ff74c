/**
 * The interpreter check's `--list`, `--property`, `--html`, `--ndjson` and `--failures DIR`: a zoo member
 * (test/interpreterCheck/zoo) is caught and its call stored, the stored call is replayed first on the next
 * run, and the example emulator (the member "fixed") passes it, so the store lets it go.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/check/findings.js';
import type { StoredInterpreterCase } from '../../src/check/store/storedCase.js';
import { parseTwiml } from '../../src/xml/parse.js';
import { cli } from '../cli/helpers.js';

const BROKEN = ['--stdio', '--', process.execPath, 'test/interpreterCheck/zoo/get-action-as-post.mjs'];
const FIXED = ['--stdio', '--', process.execPath, 'examples/mini-emulator/driver.mjs'];
const METHOD = ['--property', 'INTERP-ACTION-METHOD'];
const schema = JSON.parse(readFileSync(new URL('../../schemas/events.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dial-kit-interpreter-store-'));
  dirs.push(dir);
  return dir;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
}

describe('dial-kit interpreter --list and --property', () => {
  it('lists the properties without a driver, and refuses an unknown id with the closest one', async () => {
    const all = await cli(['interpreter', '--list']);
    expect(all.code).toBe(0);
    expect(all.stdout.trim().split('\n')).toHaveLength(2 * 16);
    expect(all.stdout).toMatch(/^INTERP-ACTION {10}must {4}the action URL is requested once/m);
    const one = await cli(['interpreter', ...METHOD, '--list']);
    expect(one.stdout).toBe(`INTERP-ACTION-METHOD  must    the action request uses the method attribute (GET or the POST default)\n${' '.repeat(30)}seed §method\n`);
    const typo = await cli(['interpreter', '--property', 'INTERP-ACTON', ...FIXED]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--property "INTERP-ACTON" is not a property of this check \(--list shows them\); did you mean INTERP-ACTION\?/);
  });
});

describe('dial-kit interpreter --failures DIR, with --ndjson and --html', () => {
  it('stores the call a zoo member fails, replays it first, and removes it once the emulator is fixed', async () => {
    const dir = tempDir();
    const store = join(dir, 'store');
    const events = join(dir, 'events.ndjson');
    const html = join(dir, 'report.html');
    const found = await cli(['interpreter', '--runs', '40', '--seed', '1', '--max-shrinks', '0', ...METHOD, '--failures', store, '--ndjson', events, '--html', html, ...BROKEN]);
    expect(found.code).toBe(1);
    // The path means a call of a run that checks only this property: the replay line says so.
    expect(found.stdout).toMatch(/Replay: dial-kit interpreter --seed 1 --replay \S+ --property INTERP-ACTION-METHOD --stdio -- /);
    expect(found.stdout).toMatch(/0 stored cases replayed first .*; 1 new case saved\./);

    const lines = readFileSync(events, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { event: string; mode?: string });
    for (const line of lines) expect(validate(line), JSON.stringify(validate.errors)).toBe(true);
    const kinds = [...new Set(lines.map((line) => line.event))];
    expect(kinds).toEqual(['run-start', 'property-start', 'progress', 'finding', 'property-end', 'run-end']);
    expect(lines[0]?.mode).toBe('interpreter');
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/i);
    expect(page).toContain('INTERP-ACTION-METHOD');

    const [file] = jsonFiles(store);
    expect(jsonFiles(store)).toHaveLength(1);
    const stored = JSON.parse(readFileSync(join(store, file as string), 'utf8')) as StoredInterpreterCase;
    expect(stored).toMatchObject({ format: 'twiml-dial-kit/failure-case', mode: 'interpreter', propertyId: 'INTERP-ACTION-METHOD', found: { seed: 1 } });
    // Readable: the document as generated (model and XML agree), as served, the outcome script and Twilio's requests.
    const parsed = parseTwiml(stored.case.xml);
    expect(parsed.ok && parsed.document).toEqual(stored.case.document);
    expect(stored.case.xml).toMatch(/<Dial [^>]*method="GET"/);
    expect(stored.case.served).toContain('http://127.0.0.1:PORT');
    expect(stored.case.script[0]).toBe('outcome script (events sent, t from the start of the call):');
    expect(stored.case.expected).toContain('Twilio (the reference)');
    expect(['GET', 'POST']).toContain(stored.case.method);

    // Replayed first: a run that itself finds nothing new (one call, another seed) still fails with the stored case.
    const again = await cli(['interpreter', '--runs', '1', '--seed', '9', ...METHOD, '--failures', store, '--json', join(dir, 'again.json'), ...BROKEN]);
    expect(again.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8')) as RunReport;
    const first = report.properties[0]?.findings[0];
    expect(first?.fingerprint).toBe(stored.fingerprint);
    expect(first?.replay).toBe(`stored case ${store}/${file}: replayed first by every dial-kit interpreter run with --failures ${store}`);
    expect(report.failureStore?.replayed).toEqual([{ file, propertyId: 'INTERP-ACTION-METHOD', status: 'failing' }]);

    // The emulator with the rule put back: the stored call passes every property, so it is removed.
    const fixed = await cli(['interpreter', '--runs', '1', '--seed', '9', '--failures', store, ...FIXED]);
    expect(fixed.stdout).toMatch(/1 stored case replayed first \(0 still failing, 1 fixed and removed, 0 not replayed\)/);
    expect(fixed.stdout).toContain(`fixed, removed: ${file} (INTERP-ACTION-METHOD)`);
    expect(fixed.code).toBe(0);
    expect(jsonFiles(store)).toEqual([]);
  }, 180_000);
});

describe('a stored interpreter case that is not one', () => {
  it('is an input error naming the file and the part that is wrong', async () => {
    const { parseStoredCase } = await import('../../src/check/store/parseStoredCase.js');
    const base = { format: 'twiml-dial-kit/failure-case', version: 1, mode: 'interpreter', propertyId: 'INTERP-ACTION', fingerprint: 'f' };
    const document = { root: 'Response', attributes: {}, verbs: [] };
    const outcome = { legs: [], bridge: { endedBy: 'caller', atSecond: 1 } };
    const bad = JSON.stringify({ ...base, case: { document, outcome, request: { CallSid: 'CA1' }, method: 'PUT' } });
    expect(() => parseStoredCase(bad, 'x.json')).toThrow('the failure store file x.json is not a dial-kit failure case: "case.method" is neither "GET" nor "POST"');
    const good = JSON.stringify({ ...base, case: { document, outcome, request: { CallSid: 'CA1' }, method: 'GET' } });
    expect(parseStoredCase(good, 'y.json').mode).toBe('interpreter');
  });
});

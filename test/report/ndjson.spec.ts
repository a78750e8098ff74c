/** `--ndjson FILE|-`: one event per line as the run goes, valid against schemas/events.schema.json; `--json -` on stdout. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { fakeApps } from '../endpoint/fakeApp.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/events.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const CLAMPING = 'test/generator/fixtures/clampingBuilder.mjs';
const dir = mkdtempSync(join(tmpdir(), 'dial-kit-ndjson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Event = Record<string, unknown> & { event: string; seq: number };

function events(text: string): Event[] {
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  return lines.map((line) => JSON.parse(line) as Event);
}

/** Every field but the timing ones, which are the only ones allowed to differ between two runs of one seed. */
function untimed(list: readonly Event[]): unknown[] {
  return list.map(({ elapsedMs: _elapsed, startedAt: _started, durationMs: _duration, ...rest }) => rest);
}

describe('--ndjson', () => {
  it('generator: run-start, property-start, progress, finding, property-end, run-end, each valid, same content for the same seed', async () => {
    const args = ['generator', '--seed', '11', '--runs', '60', '--only', 'valid', '--module', CLAMPING, '--export', 'VoiceResponse'];
    const first = await cli([...args, '--ndjson', '-']);
    expect(first.code).toBe(1);
    const list = events(first.stdout);
    for (const event of list) expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    expect(list.map((event) => event.seq)).toEqual(list.map((_, index) => index));
    const kinds = list.map((event) => event.event);
    expect(kinds[0]).toBe('run-start');
    expect(kinds.at(-1)).toBe('run-end');
    expect(kinds.filter((kind) => kind !== 'progress')).toEqual(['run-start', 'property-start', 'finding', 'property-end', 'run-end']);
    expect(kinds.filter((kind) => kind === 'progress').length).toBeGreaterThan(0);
    const finding = list.find((event) => event.event === 'finding') as unknown as { finding: { propertyId: string; replay: string } };
    expect(finding.finding.propertyId).toBe('GEN-BUILD-001');
    // The console report moved to stderr, so stdout holds nothing but events.
    expect(first.stderr).toContain('FINDING GEN-BUILD-001');

    const file = join(dir, 'events.ndjson');
    const second = await cli([...args, '--ndjson', file]);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('FINDING GEN-BUILD-001');
    expect(untimed(events(readFileSync(file, 'utf8')))).toEqual(untimed(list));
  });

  const app = fakeApps();
  it('endpoint: every property starts, calls progress, a finding arrives before the ends', async () => {
    const server = await app({ dialStatus: () => ({ status: 500, contentType: 'text/plain', body: 'oops' }) });
    const result = await cli(['endpoint', server.url, '--runs', '20', '--seed', '5', '--ndjson', '-']);
    expect(result.code).toBe(1);
    const list = events(result.stdout);
    for (const event of list) expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    const kinds = list.map((event) => event.event);
    expect(kinds[0]).toBe('run-start');
    expect(kinds.at(-1)).toBe('run-end');
    expect(kinds.indexOf('finding')).toBeLessThan(kinds.indexOf('property-end'));
    expect(kinds.filter((kind) => kind === 'property-start').length).toBe(kinds.filter((kind) => kind === 'property-end').length);
    const last = list.filter((event) => event.event === 'progress').at(-1);
    expect(last).toMatchObject({ done: 20, total: 20 });
  });
});

describe('--json -', () => {
  it('writes the JSON report to stdout (no file named -) and the console report to stderr', async () => {
    const result = await cli(['generator', '--seed', '3', '--runs', '5', '--json', '-']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { tool: string; seed: number; findingCount: number };
    expect(report).toMatchObject({ tool: 'twiml-dial-kit', seed: 3, findingCount: 0 });
    expect(result.stderr).toMatch(/All 3 properties hold( \(1 known failure seen again, expected\))?\./);
  });

  it('refuses two reports on stdout, and a report path that cannot be written, before the run', async () => {
    const two = await cli(['generator', '--json', '-', '--ndjson', '-']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^dial-kit generator: only one report can go to standard output, not --json and --ndjson\n/);
    const missing = await cli(['generator', '--runs', '5', '--junit', join(dir, 'no', 'such', 'dir', 'junit.xml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot write the --junit report to ".*junit\.xml": no such directory/);
    expect(missing.stdout).toBe('');
    const folder = await cli(['generator', '--runs', '5', '--json', dir]);
    expect(folder.stderr).toMatch(/cannot write the --json report to .*: it is a directory/);
  });
});

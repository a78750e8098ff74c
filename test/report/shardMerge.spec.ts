/** `--shard I/N` and `dial-kit merge`: the shards of one seed, merged, give the report of the whole run. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/check/findings.js';
import { cli } from '../cli/helpers.js';
import { fakeApps } from '../endpoint/fakeApp.js';

const CLAMPING = 'test/generator/fixtures/clampingBuilder.mjs';
const dir = mkdtempSync(join(tmpdir(), 'dial-kit-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(file: string): RunReport {
  return JSON.parse(readFileSync(file, 'utf8')) as RunReport;
}

/** The report without its timing fields, the only ones two runs of one seed may differ in. */
function untimed(report: RunReport): unknown {
  const { startedAt: _started, durationMs: _duration, ...rest } = report;
  return { ...rest, properties: report.properties.map(({ durationMs: _ms, ...property }) => property) };
}

/** Runs the command whole and as `count` shards, merges the shards; returns both reports. */
async function wholeAndMerged(args: readonly string[], count: number, name: string): Promise<{ whole: RunReport; merged: RunReport; shards: RunReport[] }> {
  const wholeFile = join(dir, `${name}-whole.json`);
  const whole = await cli([...args, '--json', wholeFile]);
  expect(whole.code, whole.stderr).toBeLessThan(2);
  const files: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const file = join(dir, `${name}-${index}.json`);
    const shard = await cli([...args, '--shard', `${index}/${count}`, '--json', file]);
    expect(shard.code, shard.stderr).toBeLessThan(2);
    files.push(file);
  }
  const mergedFile = join(dir, `${name}-merged.json`);
  // Shards may come in any order.
  const merge = await cli(['merge', ...files.reverse(), '--json', mergedFile]);
  expect(merge.code).toBe(whole.code);
  return { whole: read(wholeFile), merged: read(mergedFile), shards: files.map(read) };
}

describe('generator --shard + merge', () => {
  it('a conforming builder: shard 1/2 + 2/2 merged equals the whole run (timing fields dropped)', async () => {
    const { whole, merged, shards } = await wholeAndMerged(['generator', '--seed', '7', '--runs', '40'], 2, 'gen-ok');
    expect(shards.map((shard) => shard.shard)).toEqual([{ index: 2, count: 2 }, { index: 1, count: 2 }]);
    expect(shards.every((shard) => Object.keys(shard.coverage.attributes).length > 0)).toBe(true);
    expect(untimed(merged)).toEqual(untimed(whole));
  });

  it('a broken builder: the merged findings, replay lines and verdicts are the whole run\'s; coverage counts at least its cases', async () => {
    // A shard reports the first failure of each property; the whole run is asked for the same.
    const { whole, merged } = await wholeAndMerged(['generator', '--seed', '11', '--runs', '60', '--max-findings', '1', '--module', CLAMPING, '--export', 'VoiceResponse'], 3, 'gen-broken');
    expect(whole.findingCount).toBeGreaterThan(0);
    const { coverage: wholeCoverage, ...wholeRest } = untimed(whole) as RunReport;
    const { coverage: mergedCoverage, ...mergedRest } = untimed(merged) as RunReport;
    // Counts too: a shard goes on past the case where the whole run met its failure (see coverage below).
    const uncounted = (rest: Omit<RunReport, 'coverage'>): unknown => ({ ...rest, properties: rest.properties.map(({ counts: _counts, ...property }) => property) });
    expect(uncounted(mergedRest)).toEqual(uncounted(wholeRest));
    // A shard cannot know where another shard met the first failure, so it went on past it: more is counted, never less.
    for (const [key, count] of Object.entries(wholeCoverage.attributes)) expect(mergedCoverage.attributes[key] ?? 0).toBeGreaterThanOrEqual(count);
  });

  it('the replay line of a shard\'s finding replays without --shard', async () => {
    const shard = await cli(['generator', '--seed', '11', '--runs', '60', '--only', 'valid', '--module', CLAMPING, '--export', 'VoiceResponse', '--shard', '2/2']);
    expect(shard.code).toBe(1);
    const replay = /Replay: (dial-kit generator .*)/.exec(shard.stdout)?.[1] ?? '';
    expect(replay).not.toContain('--shard');
    const again = await cli(replay.split(' ').slice(1).map((word) => word.replace(/^'(.*)'$/, '$1')));
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('1 finding in 1 of 1 properties.');
  });
});

describe('endpoint --shard + merge', () => {
  const app = fakeApps();
  it('a conforming app: three shards merged equal the whole run', async () => {
    const server = await app({});
    const { whole, merged, shards } = await wholeAndMerged(['endpoint', server.url, '--seed', '5', '--runs', '24'], 3, 'ep-ok');
    expect(shards.map((shard) => shard.runs)).toEqual([8, 8, 8]);
    expect(whole.findingCount).toBe(0);
    expect(untimed(merged)).toEqual(untimed(whole));
  });

  it('a broken app: every problem of the whole run is in the merged report, with the same verdicts', async () => {
    const server = await app({ dialStatus: () => ({ status: 500, contentType: 'text/plain', body: 'oops' }) });
    const { whole, merged } = await wholeAndMerged(['endpoint', server.url, '--seed', '5', '--runs', '24'], 2, 'ep-broken');
    expect(whole.findingCount).toBeGreaterThan(0);
    const fingerprints = (report: RunReport): string[] => report.properties.flatMap((property) => property.findings.map((finding) => finding.fingerprint)).sort();
    expect(fingerprints(merged)).toEqual(fingerprints(whole));
    expect(merged.properties.map((property) => property.status)).toEqual(whole.properties.map((property) => property.status));
  });
});

describe('dial-kit merge refuses what is not one run split in shards', () => {
  it('a missing or repeated shard, another seed, a report that is not a shard, a file that is not a report', async () => {
    const args = ['generator', '--seed', '3', '--runs', '10', '--only', 'valid'];
    const file = (name: string): string => join(dir, `refuse-${name}.json`);
    for (const [name, extra] of [['a', ['--shard', '1/2']], ['b', ['--shard', '2/2']], ['c', ['--shard', '2/2', '--seed', '4']], ['whole', []]] as const) {
      expect((await cli([...args, ...extra, '--json', file(name)])).code).toBe(0);
    }
    writeFileSync(file('junk'), '{"hello":1}');
    const cases: [string[], RegExp][] = [
      [[file('a')], /shard 2\/2 missing: merge needs every shard of the run/],
      [[file('a'), file('b'), file('b')], /shard 2\/2 is given twice/],
      [[file('a'), file('c')], /not shards of one run: seed 3 against 4/],
      [[file('a'), file('whole')], /is not a shard's \(it was run without --shard\)/],
      [[file('junk')], /is not a dial-kit JSON report/],
      [[join(dir, 'nope.json')], /cannot read .*nope\.json": no such file/],
      [[], /give the JSON reports of the shards to merge/],
    ];
    for (const [files, message] of cases) {
      const result = await cli(['merge', ...files]);
      expect(result.code, files.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n')[0]).toMatch(/^dial-kit merge: /);
    }
  });

  it('--shard takes I/N', async () => {
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) {
      const result = await cli(['generator', '--shard', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--shard must be I\/N with 1 <= I <= N/);
    }
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { checkGenerator } from '../../properties/checkGenerator.js';
import { runBuilderProperties } from '../../src/check/runBuilderProperties.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { UNSUPPORTED_CODE } from '../../src/targets/builder/builderTarget.js';
import { voiceResponseTarget } from '../../src/targets/builder/moduleTarget.js';
import { serializeTwiml } from '../../src/xml/serialize.js';
import { BROKEN, plant } from './zoo.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Two planted defects at once: booleans written True/False, and event lists joined with commas. */
const twoBugs = plant({
  name: 'two bugs',
  attributes: (_element, attributes) =>
    // Strings only: typed calls pass booleans and arrays, which this builder leaves to the real one.
    Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, typeof value !== 'string' ? value : value === 'true' ? 'True' : name.endsWith('Event') ? value.split(' ').join(',') : value])),
});

describe('every distinct bug in one run', () => {
  it('two planted defects give two findings, each shrunk to its own cause', async () => {
    const report = await runBuilderProperties(builderProperties('valid'), voiceResponseTarget(twoBugs, 'two bugs'), { seed: 7, runs: 200, coverage: false });
    const findings = report.properties[0]?.findings ?? [];
    expect(findings.map((finding) => finding.cause).sort()).toEqual(['attribute value: letter case changed', 'list joined with ","']);
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(2);
    // Shrunk to the one attribute that shows each.
    for (const finding of findings) expect(finding.differences).toHaveLength(1);
  });

  it('one escaping bug is one finding, whichever attribute, text or verb shows it', async () => {
    const doubleEscaped = BROKEN.find((variant) => variant.name === '& double-escaped');
    if (doubleEscaped === undefined) throw new Error('the zoo has no double-escaping member');
    for (const seed of [1, 7, 42]) {
      const report = await runBuilderProperties(builderProperties('valid'), voiceResponseTarget(plant(doubleEscaped), doubleEscaped.name), { seed, runs: 300, coverage: false });
      expect(report.properties[0]?.findings.map((finding) => finding.cause), `seed ${seed}`).toEqual(['"&" escaped twice']);
    }
  });

  it('a CR written raw is one finding, shrunk to the one-character value "\\r"', async () => {
    const crRaw = BROKEN.find((variant) => variant.name === 'CR written raw');
    if (crRaw === undefined) throw new Error('the zoo has no member writing CR raw');
    const report = await runBuilderProperties(builderProperties('valid'), voiceResponseTarget(plant(crRaw), crRaw.name), { seed: 42, runs: 100, coverage: false });
    const findings = report.properties[0]?.findings ?? [];
    expect(findings.map((finding) => finding.cause)).toEqual(['TAB, LF or CR written raw (read back as a space in an attribute, CR as a line feed in text)']);
    expect(findings[0]?.differences?.map((difference) => difference.expected)).toEqual(['\r']);
  });

  it('--max-findings bounds them', async () => {
    const report = await runBuilderProperties(builderProperties('valid'), voiceResponseTarget(twoBugs, 'two bugs'), { seed: 7, runs: 200, coverage: false, maxFindings: 1 });
    expect(report.properties[0]?.findings).toHaveLength(1);
  });

  it('the same seed gives the same findings', async () => {
    const run = async (): Promise<string[]> =>
      (await runBuilderProperties(builderProperties('valid'), voiceResponseTarget(twoBugs, 'two bugs'), { seed: 7, runs: 200, coverage: false })).properties[0]?.findings.map((finding) => `${finding.fingerprint} ${finding.replay}`) ?? [];
    expect(await run()).toEqual(await run());
  });
});

describe('known failures', () => {
  it('are expected, not findings; one that no longer shows is reported fixed', async () => {
    const first = await runBuilderProperties(builderProperties('valid'), voiceResponseTarget(twoBugs, 'two bugs'), { seed: 7, runs: 200, coverage: false });
    const [one, other] = first.properties[0]?.findings ?? [];
    const gone = { fingerprint: '0123456789abcdef', reason: 'fixed last week', property: 'GEN-BUILD-001' };
    const known = [{ fingerprint: one?.fingerprint as string, reason: 'issue #1' }, gone];
    const report = await runBuilderProperties(builderProperties('valid'), voiceResponseTarget(twoBugs, 'two bugs'), { seed: 7, runs: 200, coverage: false, known });
    expect(report.properties[0]?.findings.map((finding) => finding.fingerprint)).toEqual([other?.fingerprint]);
    expect(report.properties[0]?.expected).toEqual([expect.objectContaining({ fingerprint: one?.fingerprint, reason: 'issue #1', cases: expect.any(Number) })]);
    expect(report.fixed).toEqual([gone]);
  });

  it('checkGenerator takes a known-failures file; a bad file is one sentence', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dial-kit-known-'));
    const file = join(dir, 'known.json');
    const everyTrue = (document: TwimlDocument): string => serializeTwiml(document).replaceAll('="true"', '="True"');
    const found = await checkGenerator({ target: everyTrue, runs: 100, seed: 3, only: 'valid' });
    const fingerprint = found.properties[0]?.findings[0]?.fingerprint as string;
    await writeFile(file, JSON.stringify({ known: [{ fingerprint, reason: 'the writer title-cases true; ticket 12' }] }));
    const report = await checkGenerator({ target: everyTrue, runs: 100, seed: 3, only: 'valid', known: file });
    expect(report.findingCount).toBe(0);
    expect(report.properties[0]?.status).toBe('passed');
    await writeFile(file, '{"known":[{"fingerprint":"xyz"}]}');
    await expect(checkGenerator({ target: everyTrue, runs: 10, known: file })).rejects.toThrow(/^the known-failures file ".*known\.json" has an entry 0 without a fingerprint/);
  });
});

describe('documents a builder cannot express', () => {
  it('an error with the unsupported code is skipped and counted, not a finding', async () => {
    const noSim = (document: TwimlDocument): string => {
      if (JSON.stringify(document).includes('"kind":"Sim"')) throw Object.assign(new Error('this dialect has no <Sim>'), { code: UNSUPPORTED_CODE });
      return serializeTwiml(document);
    };
    const report = await checkGenerator({ target: noSim, runs: 200, seed: 5, only: 'valid' });
    expect(report.findingCount).toBe(0);
    expect(report.properties[0]?.counts?.skipped).toBeGreaterThan(0);
    expect(report.properties[0]?.counts?.built).toBeGreaterThan(0);
  });
});

describe('characters XML cannot carry (GEN-BUILD-003)', () => {
  it('the bundled twilio writes them raw into attributes: a finding naming the character, shrunk to it alone', async () => {
    const report = await checkGenerator({ runs: 100, seed: 1, only: 'unwritable', known: [] });
    const [finding] = report.properties[0]?.findings ?? [];
    expect(finding?.summary).toMatch(/^the builder wrote U\+0001 raw in an attribute value: XML 1\.0 cannot carry it/);
    expect(finding?.cause).toBe('attribute: a character XML cannot carry written raw');
    expect(JSON.stringify(finding?.counterexample)).toMatch(/"\\u0001"/);
  });

  it('a builder that refuses them conforms (the reference serializer)', async () => {
    const report = await checkGenerator({ target: serializeTwiml, runs: 200, seed: 1, only: 'unwritable' });
    expect(report.findingCount).toBe(0);
    expect(report.properties[0]?.counts).toMatchObject({ built: 0, refused: 200 });
  });

  it('one that drops them instead of refusing is caught', async () => {
    const dropping = (document: TwimlDocument): string => serializeTwiml(JSON.parse(JSON.stringify(document).replace(/\\u00[01][0-9a-f]|\\u(?:d[89ab]|fff)[0-9a-f]/gi, '')) as TwimlDocument);
    const report = await checkGenerator({ target: dropping, runs: 100, seed: 1, only: 'unwritable' });
    expect(report.properties[0]?.findings[0]?.cause).toBe('unwritable character changed instead of refused');
  });
});

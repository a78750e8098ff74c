import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkGenerator } from '../../properties/checkGenerator.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { UNSUPPORTED_CODE } from '../../src/targets/builder/builderTarget.js';
import { serializeTwiml } from '../../src/xml/serialize.js';
import { dialKit, words } from '../support/inProcessCli.js';

/** A zoo-style builder that supports only <Number>: the reference serializer, answering unsupported for any other noun. */
function numbersOnly(document: TwimlDocument): string {
  for (const verb of document.verbs) {
    if (verb.kind !== 'Dial') continue;
    const other = verb.children.find((child) => child.kind !== 'text' && child.kind !== 'element' && child.kind !== 'Number');
    if (other !== undefined) throw Object.assign(new Error(`this dialect has no <${other.kind}>`), { code: UNSUPPORTED_CODE });
  }
  return serializeTwiml(document);
}

const CLAMPING = 'test/generator/fixtures/clampingBuilder.mjs';
let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('dialect subsets: --nouns, --verbs, --profile', () => {
  it('a builder that supports only <Number>, checked with nouns: [Number], has nothing skipped and no finding', async () => {
    const report = await checkGenerator({ target: numbersOnly, nouns: ['Number'], runs: 100, seed: 3 });
    expect(report.findingCount).toBe(0);
    for (const property of report.properties) {
      expect(property.status, property.id).toBe('passed');
      expect(property.counts?.skipped, property.id).toBe(0);
      expect((property.counts?.built ?? 0) + (property.counts?.refused ?? 0), property.id).toBeGreaterThan(0);
    }
    // Without the subset the same builder skips what it cannot express.
    const whole = await checkGenerator({ target: numbersOnly, runs: 100, seed: 3, only: 'valid' });
    expect(whole.properties[0]?.counts?.skipped).toBeGreaterThan(0);
  });

  it('a name that is not a noun or a verb is exit 2 with one sentence', async () => {
    const noun = await dialKit('generator', '--nouns', 'Number,Phone', '--runs', '1');
    expect(noun.code).toBe(2);
    expect(noun.stderr).toMatch(/^dial-kit generator: --nouns: "Phone" is not a noun of <Dial> \(Number, .*\)\n/);
    expect(noun.stderr).not.toMatch(/\n\s+at /);
    const verb = await dialKit('generator', '--verbs', 'Say,Speak', '--runs', '1');
    expect(verb.code).toBe(2);
    expect(verb.stderr).toContain('--verbs: "Speak" is not a voice verb');
    await expect(checkGenerator({ target: numbersOnly, nouns: ['Nmber'], runs: 1 })).rejects.toThrow(/"Nmber" is not a noun of <Dial>/);
  });

  it('the replay line repeats the subset, and reproduces the case', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dial-kit-dialect-'));
    const profile = join(dir, 'profile.json');
    await writeFile(profile, JSON.stringify({ profile: 1, name: 'numbers', supports: { verbs: ['Dial', 'Say'], nouns: ['Number'], attributes: { Number: ['url'] } } }));
    const run = await dialKit('generator', '--module', CLAMPING, '--export', 'VoiceResponse', '--only', 'valid', '--seed', '11', '--nouns', 'Number', '--verbs', 'Say', '--profile', profile);
    expect(run.code).toBe(1);
    const replay = /^ {2}Replay: (.*)$/m.exec(run.stdout)?.[1] as string;
    expect(replay).toContain(`--nouns Number --verbs Say --profile ${profile} --seed 11 --only valid --replay `);
    const again = await dialKit(...words(replay).slice(1));
    expect(again.code).toBe(1);
    expect(/fingerprint (\w+)/.exec(again.stdout)?.[1]).toBe(/fingerprint (\w+)/.exec(run.stdout)?.[1]);
  });
});

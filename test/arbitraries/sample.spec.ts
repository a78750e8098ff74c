import { describe, expect, it } from 'vitest';
import { validateXml } from '../../reference/validate.js';
import { DEFAULT_SAMPLE_SEED } from '../../src/cli/commands/sample.js';
import { cli } from '../cli/helpers.js';

/** Splits xml-format output at the comment line that starts each sample. */
function samples(stdout: string): { header: string; xml: string }[] {
  return stdout
    .split(/^(?=<!-- dial-kit sample )/m)
    .filter((part) => part !== '')
    .map((part) => {
      const end = part.indexOf('-->\n');
      return { header: part.slice(0, end + 3), xml: part.slice(end + 4).replace(/\n$/, '') };
    });
}

describe('dial-kit sample', () => {
  it('prints the same output for the same seed, different output for another, and says which seed it used', async () => {
    const first = await cli(['sample', '--count', '5', '--seed', '99']);
    const again = await cli(['sample', '--count', '5', '--seed', '99']);
    const other = await cli(['sample', '--count', '5', '--seed', '100']);
    expect(first.code).toBe(0);
    expect(again).toEqual(first);
    expect(other.stdout).not.toBe(first.stdout);
    expect(first.stderr).toBe('dial-kit sample: seed 99 (replay with --seed 99)\n');
    const byDefault = await cli(['sample', '--count', '2']);
    expect(byDefault.stderr).toContain(`seed ${DEFAULT_SAMPLE_SEED}`);
    expect(byDefault.stdout).toBe((await cli(['sample', '--count', '2', '--seed', String(DEFAULT_SAMPLE_SEED)])).stdout);
  });

  it('prints valid documents that validate, one comment line before each', async () => {
    const run = await cli(['sample', '--count', '20', '--seed', '3']);
    const printed = samples(run.stdout);
    expect(printed).toHaveLength(20);
    for (const { header, xml } of printed) {
      expect(header).toMatch(/^<!-- dial-kit sample \d+ seed 3 -->$/);
      expect(validateXml(xml).diagnostics).toEqual([]);
    }
  });

  it('with --invalid, names the rules each document triggers, and they are the rules it triggers', async () => {
    const run = await cli(['sample', '--invalid', '--count', '60', '--seed', '4']);
    for (const { header, xml } of samples(run.stdout)) {
      const rules = /rules: (.*) -->$/.exec(header)?.[1]?.split(' ') ?? [];
      expect(rules.length).toBeGreaterThan(0);
      expect([...new Set(validateXml(xml).diagnostics.map((diagnostic) => diagnostic.ruleId))].sort()).toEqual([...rules].sort());
    }
  });

  it('prints JSON lines, with outcomes on request', async () => {
    const run = await cli(['sample', '--format', 'jsonl', '--count', '3', '--outcomes', '--seed', '5']);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.sample)).toEqual([1, 2, 3]);
    for (const line of lines) expect(Object.keys(line)).toEqual(['sample', 'seed', 'xml', 'document', 'outcome']);
    const invalid = await cli(['sample', '--format', 'jsonl', '--invalid', '--count', '3', '--seed', '5']);
    for (const line of invalid.stdout.trimEnd().split('\n')) expect(JSON.parse(line)).toHaveProperty('rules');
  });

  it('refuses bad flags with one sentence and exit 2', async () => {
    expect(await cli(['sample', '--format', 'html'])).toMatchObject({ code: 2, stdout: '' });
    expect((await cli(['sample', '--count', '0'])).stderr).toContain('--count must be a whole number from 1 to 100000, not "0"');
    expect((await cli(['sample', '--seed', 'abc'])).code).toBe(2);
    expect((await cli(['sample', '--outcomes'])).stderr).toContain('--outcomes goes with valid documents in --format jsonl only');
    expect((await cli(['sample', 'extra'])).code).toBe(2);
  });
});

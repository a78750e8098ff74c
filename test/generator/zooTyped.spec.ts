import { describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { runBuilderProperties } from '../../src/check/runBuilderProperties.js';
import { voiceResponseTarget } from '../../src/targets/builder/moduleTarget.js';
import { plantTyped, TYPED_BROKEN, TYPED_HARMLESS } from './zooTyped.js';

const SEED = 42;

describe('the typed zoo: a builder that mishandles one JavaScript value type', () => {
  for (const variant of TYPED_BROKEN) {
    it(`catches: ${variant.name}, only through typed calls`, async () => {
      const target = voiceResponseTarget(plantTyped(variant), variant.name);
      const report = await runBuilderProperties(builderProperties('valid'), target, { seed: SEED, runs: 100, coverage: false, maxFindings: 1 });
      const finding = report.properties[0]?.findings[0];
      expect(finding, `${variant.name} was not caught`).toBeDefined();
      expect(finding?.steps[0]).toMatch(/^\/\/ typed calls/);
      // Strings alone would never have shown it.
      const strings = { ...target, callStyles: ['strings'] as const };
      const untyped = await runBuilderProperties(builderProperties('valid'), strings, { seed: SEED, runs: 100, coverage: false, maxFindings: 1 });
      expect(untyped.findingCount).toBe(0);
    });
  }

  it('the finding names the class of value, not the attribute, and its steps show the typed call', async () => {
    const variant = TYPED_BROKEN.find((candidate) => candidate.name === 'null written as "null"');
    const report = await runBuilderProperties(builderProperties('valid'), voiceResponseTarget(plantTyped(variant!), 'nulls'), { seed: SEED, runs: 100, coverage: false });
    expect(report.properties[0]?.findings.map((finding) => finding.cause)).toEqual(['an unset option written as "null"']);
    expect(report.properties[0]?.findings[0]?.steps.join('\n')).toMatch(/:null[,}]/);
  });
});

describe('typed variants that change nothing Twilio acts on', () => {
  for (const variant of TYPED_HARMLESS) {
    it(`passes: ${variant.name}`, async () => {
      const report = await runBuilderProperties(builderProperties('valid'), voiceResponseTarget(plantTyped(variant), variant.name), { seed: SEED, runs: 300, coverage: false });
      expect(report.properties.flatMap((property) => property.findings.map((finding) => finding.summary))).toEqual([]);
    });
  }
});

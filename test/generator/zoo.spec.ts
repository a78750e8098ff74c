import { describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { BUNDLED_TWILIO_KNOWN } from '../../properties/bundledTwilioKnown.js';
import { runBuilderProperties } from '../../src/check/runBuilderProperties.js';
import { voiceResponseTarget } from '../../src/targets/builder/moduleTarget.js';
import { BROKEN, HARMLESS, plant } from './zoo.js';

const SEED = 42;

describe('the zoo: the real twilio builder with one planted defect', () => {
  for (const variant of BROKEN) {
    it(`catches: ${variant.name}`, async () => {
      const target = voiceResponseTarget(plant(variant), variant.name);
      const report = await runBuilderProperties(builderProperties(variant.documents ?? 'valid'), target, { seed: SEED, runs: variant.runs ?? 100, coverage: false, maxFindings: 1 });
      expect(report.findingCount, `${variant.name} was not caught`).toBeGreaterThan(0);
      const finding = report.properties.flatMap((property) => property.findings)[0];
      expect(finding?.steps).toContain('const response = new VoiceResponse()');
      expect(finding?.replay).toMatch(/--seed 42 --only (valid|invalid) --replay '?\d+(\*\d+)?(:\d+(\*\d+)?)*'?/);
      expect(finding?.actual).toBeDefined();
    });
  }
});

describe('variants that change nothing Twilio acts on', () => {
  for (const variant of HARMLESS) {
    it(`passes: ${variant.name}`, async () => {
      const target = voiceResponseTarget(plant(variant), variant.name);
      const report = await runBuilderProperties(builderProperties('all'), target, { seed: SEED, runs: 300, coverage: false, known: BUNDLED_TWILIO_KNOWN });
      expect(report.properties.flatMap((property) => property.findings.map((finding) => finding.summary))).toEqual([]);
    });
  }
});

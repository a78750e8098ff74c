import { describe, expect, it } from 'vitest';
import { assertGenerator, checkGenerator } from '../../src/check/checkGenerator.js';

// The real twilio package against the reference: 10,000 valid and 10,000 invalid documents per seed.
describe('the twilio package (twiml.VoiceResponse)', () => {
  for (const seed of [1, 2, 3]) {
    it(`has no finding in 10,000 runs per property at seed ${seed}`, async () => {
      const report = await checkGenerator({ seed, runs: 10_000, coverage: false });
      expect(report.properties.map((property) => [property.id, property.status, property.runs])).toEqual([
        ['GEN-BUILD-001', 'passed', 10_000],
        ['GEN-BUILD-002', 'passed', 10_000],
      ]);
    });
  }

  it('is one call away with defaults, and assertGenerator returns the report when all holds', async () => {
    const report = await assertGenerator({ runs: 50 });
    expect(report.target).toBe('twilio twiml.VoiceResponse');
    expect(report.findingCount).toBe(0);
    expect(Object.keys(report.coverage.nouns)).toEqual(expect.arrayContaining(['Number', 'Client', 'Conference']));
  });
});

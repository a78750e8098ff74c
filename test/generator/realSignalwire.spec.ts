import { describe, expect, it } from 'vitest';
import { checkGenerator } from '../../src/check/checkGenerator.js';
import { moduleTarget } from '../../src/targets/builder/moduleTarget.js';

// SignalWire's fork of the old twilio helper; it has no application() or whatsApp() on <Dial>, so those
// nouns are built with addChild (the adapter falls back to the generic calls).
describe('@signalwire/compatibility-api (RestClient.LaML.VoiceResponse)', () => {
  for (const seed of [1, 2, 3]) {
    it(`has no finding in 10,000 runs per property at seed ${seed}`, async () => {
      const target = await moduleTarget({ module: '@signalwire/compatibility-api', exportPath: 'RestClient.LaML.VoiceResponse' });
      const report = await checkGenerator({ target, seed, runs: 10_000, coverage: false });
      expect(report.properties.map((property) => [property.id, property.status, property.runs])).toEqual([
        ['GEN-BUILD-001', 'passed', 10_000],
        ['GEN-BUILD-002', 'passed', 10_000],
      ]);
    });
  }
});

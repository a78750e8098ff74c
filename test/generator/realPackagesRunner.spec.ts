import { describe, expect, it } from 'vitest';
import { assertGenerator, checkGenerator } from '../../properties/checkGenerator.js';
import { moduleTarget } from '../../src/targets/builder/moduleTarget.js';

describe('the real packages through the runner', () => {
  it('twilio: one call with defaults; assertGenerator returns the report when all holds', async () => {
    const report = await assertGenerator({ runs: 1000 });
    expect(report.target).toBe('twilio twiml.VoiceResponse');
    expect(report.properties.map((property) => [property.id, property.status, property.runs])).toEqual([
      ['GEN-BUILD-001', 'passed', 1000],
      ['GEN-BUILD-002', 'passed', 1000],
      ['GEN-BUILD-003', 'passed', 1000],
    ]);
    // The package's known failure (control characters raw in attributes) shows, as expected, without failing the run.
    expect(report.properties[2]?.expected?.map((known) => known.fingerprint)).toEqual(['3bdc2ab42ff18474']);
    expect(Object.keys(report.coverage.nouns)).toEqual(expect.arrayContaining(['Number', 'Client', 'Conference', 'Sip', 'Queue', 'Application', 'WhatsApp', 'Sim']));
  });

  it('SignalWire (no application()/whatsApp(): built with addChild)', async () => {
    const target = await moduleTarget({ module: '@signalwire/compatibility-api', exportPath: 'RestClient.LaML.VoiceResponse' });
    const known = [{ fingerprint: '3bdc2ab42ff18474', reason: 'like twilio, control characters are written raw into attributes' }];
    const report = await checkGenerator({ target, runs: 1000, coverage: false, known });
    expect(report.findingCount).toBe(0);
    expect(report.properties.map((property) => property.status)).toEqual(['passed', 'passed', 'passed']);
    expect(report.target).toBe('@signalwire/compatibility-api RestClient.LaML.VoiceResponse');
  });
});

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/check/findings.js';
import { consoleReport } from '../../src/report/consoleReport.js';
import { jsonReport } from '../../src/report/jsonReport.js';
import { junitReport } from '../../src/report/junitReport.js';

const report: RunReport = {
  tool: 'twiml-dial-kit',
  version: '0.1.0',
  mode: 'generator',
  target: 'twilio twiml.VoiceResponse',
  seed: 42,
  runs: 100,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1234,
  properties: [
    { id: 'GEN-BUILD-001', title: 'valid documents', source: 'seed §Nouns', status: 'passed', runs: 100, findings: [], durationMs: 500 },
    {
      id: 'GEN-BUILD-002',
      title: 'invalid documents',
      source: 'facts §1.2',
      status: 'failed',
      runs: 7,
      durationMs: 700,
      findings: [
        {
          propertyId: 'GEN-BUILD-002',
          title: 'invalid documents',
          source: 'facts §1.2',
          severity: 'error',
          summary: 'the builder silently changed a document',
          counterexample: { root: 'Response', attributes: {}, verbs: [] },
          steps: ['const response = new VoiceResponse()', 'response.dial({"timeout":"2"}, "1")'],
          expected: '<Response><Dial timeout="2">1</Dial></Response>',
          actual: '<Response><Dial timeout="5">1\u0001</Dial></Response>',
          differences: [{ path: '/Response/Dial[1]/@timeout', expected: '2', actual: '5', rule: 'dial.timeout', source: 'seed §timeout' }],
          replay: 'dial-kit generator --seed 42 --only invalid --replay 3:1',
          fingerprint: 'abc123',
        },
      ],
    },
    { id: 'GEN-BUILD-003', title: 'skipped one', source: 'x', status: 'skipped', runs: 0, findings: [], skipReason: 'nothing to do', durationMs: 0 },
  ],
  coverage: { attributes: { 'Dial.timeout': 3 }, nouns: { Number: 2 }, rules: { 'dial.timeout.range': 1 }, outcomes: {} },
  findingCount: 1,
};

describe('reports of a RunReport', () => {
  it('console: a line per property, findings in full, coverage', () => {
    const text = consoleReport(report);
    expect(text).toMatch(/^PASS {2}GEN-BUILD-001 {2}valid documents {2}\[100 runs/m);
    expect(text).toMatch(/^FAIL {2}GEN-BUILD-002/m);
    expect(text).toMatch(/^SKIP {2}GEN-BUILD-003 .*\(nothing to do\)/m);
    expect(text).toContain('response.dial({"timeout":"2"}, "1")');
    expect(text).toContain('/Response/Dial[1]/@timeout: expected "2", got "5"  [dial.timeout; seed §timeout]');
    expect(text).toContain('Replay: dial-kit generator --seed 42 --only invalid --replay 3:1');
    expect(text).toContain('attributes (1): Dial.timeout 3');
    expect(text).toContain('1 finding in 1 of 3 properties.');
  });

  it('JSON: the whole report, round-trips', () => {
    expect(JSON.parse(jsonReport(report))).toEqual(report);
  });

  it('JUnit: well-formed even with control characters, one testcase per property', () => {
    const xml = junitReport(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: { testsuite: { failures: string; skipped: string; testcase: { name: string; failure?: { message: string } }[] } };
    };
    const suite = parsed.testsuites.testsuite;
    expect(suite.testcase.map((testcase) => testcase.name)).toEqual(['GEN-BUILD-001 valid documents', 'GEN-BUILD-002 invalid documents', 'GEN-BUILD-003 skipped one']);
    expect(suite.failures).toBe('1');
    expect(suite.skipped).toBe('1');
    expect(suite.testcase[1]?.failure?.message).toBe('the builder silently changed a document');
  });

  it('JUnit: a should finding passes its testcase (findings in system-out) unless --strict, as the exit code says', () => {
    const should: RunReport = { ...report, properties: report.properties.map((property) => (property.status === 'failed' ? { ...property, grade: 'should' as const } : property)) };
    const read = (xml: string) =>
      (new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { testsuites: { testsuite: { failures: string; testcase: { failure?: unknown; 'system-out'?: string }[] } } }).testsuites.testsuite;
    const lenient = read(junitReport(should));
    expect(lenient.failures).toBe('0');
    expect(lenient.testcase[1]?.failure).toBeUndefined();
    expect(lenient.testcase[1]?.['system-out']).toMatch(/^should finding \(does not fail the run\): the builder silently changed a document/);
    const strict = read(junitReport(should, { strict: true }));
    expect(strict.failures).toBe('1');
    expect(strict.testcase[1]?.failure).toBeDefined();
  });
});

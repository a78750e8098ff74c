import { describe, expect, it } from 'vitest';
import { checkInterpreter, INTERPRETER_PROPERTIES, interpreterCase } from '../../properties/interpreterCheck.js';
import { runInterpreterCheck } from '../../src/check/interpreter/runInterpreterCheck.js';
import type { RunReport } from '../../src/check/findings.js';
import { timelessReport } from '../support/timing.js';
import { DEFECTS, FAKE_DRIVER, fakeProfile } from './fakeDrivers.js';

function failing(report: RunReport): string[] {
  return report.properties.filter((property) => property.status === 'failed').map((property) => property.id);
}

async function check(defect: string | undefined, runs: number, seed = 1): Promise<RunReport> {
  return checkInterpreter({
    command: process.execPath,
    args: [FAKE_DRIVER, ...(defect === undefined ? [] : ['--defect', defect])],
    runs,
    seed,
    profile: fakeProfile(),
    maxShrinks: 12,
    timeoutMs: 20_000,
  });
}

describe('dial-kit interpreter against a correct fake driver', () => {
  it('zero findings, every property run, the same report for the same seed', async () => {
    const first = await check(undefined, 40, 3);
    expect(failing(first)).toEqual([]);
    expect(first.findingCount).toBe(0);
    expect(first.runs).toBe(40);
    expect(first.properties.map((property) => property.id)).toEqual(INTERPRETER_PROPERTIES.map((property) => property.id));
    expect(Object.keys(first.coverage.outcomes).sort()).toEqual(expect.arrayContaining(['busy', 'completed', 'no-answer']));
    const second = await check(undefined, 40, 3);
    expect(timelessReport(second)).toBe(timelessReport(first));
  }, 120_000);
});

describe('each planted divergence is caught with its named finding', () => {
  for (const { defect, property, what } of DEFECTS) {
    it(`${defect}: ${what} → ${property}`, async () => {
      const report = await check(defect, 80);
      expect(failing(report)).toContain(property);
      const finding = report.properties.find((entry) => entry.id === property)?.findings[0];
      expect(finding?.replay).toMatch(/^dial-kit interpreter --seed -?[0-9]+ --replay '?[0-9:*]+'? .*--stdio -- /);
      expect(finding?.expected).toContain('Twilio (the reference)');
      expect(finding?.actual).toContain('Recorded');
      expect(JSON.stringify(finding?.counterexample)).toContain('<Dial');
    }, 120_000);
  }
});

describe('the run stops once no property is left to judge', () => {
  const suiteOf = (ids: readonly string[]) => ({ properties: INTERPRETER_PROPERTIES.filter((property) => ids.includes(property.id)), cases: interpreterCase });
  const options = { command: process.execPath, args: [FAKE_DRIVER, '--defect', 'answered-status'], runs: 60, seed: 1, profile: fakeProfile(), maxShrinks: 0, timeoutMs: 20_000 };
  it('with its only property failed, no call is played after the failing one; with one still passing, every call is', async () => {
    const alone = await runInterpreterCheck(options, suiteOf(['INTERP-DIALCALLSTATUS']));
    expect(alone.properties[0]?.status).toBe('failed');
    expect(alone.runs).toBeLessThan(60);
    expect(alone.properties[0]?.runs).toBe(alone.runs);
    const withAnother = await runInterpreterCheck(options, suiteOf(['INTERP-DIALCALLSTATUS', 'INTERP-ACTION-METHOD']));
    const statuses = Object.fromEntries(withAnother.properties.map((property) => [property.id, property.status]));
    expect(statuses).toEqual({ 'INTERP-ACTION-METHOD': 'passed', 'INTERP-DIALCALLSTATUS': 'failed' });
    expect(withAnother.runs).toBe(60);
  }, 120_000);
});

describe('a finding replays', () => {
  it('the replay path plays the shrunk call again and fails the same way', async () => {
    const report = await check('answered-status', 30);
    const finding = report.properties.find((entry) => entry.id === 'INTERP-DIALCALLSTATUS')?.findings[0];
    const match = /--seed (-?[0-9]+) --replay '?([0-9:*]+)'?/.exec(finding?.replay ?? '');
    expect(match).not.toBeNull();
    const replayed = await checkInterpreter({
      command: process.execPath,
      args: [FAKE_DRIVER, '--defect', 'answered-status'],
      seed: Number(match?.[1]),
      replayPath: match?.[2] as string,
      profile: fakeProfile(),
      timeoutMs: 20_000,
    });
    const again = replayed.properties.find((entry) => entry.id === 'INTERP-DIALCALLSTATUS')?.findings[0];
    expect(again?.summary).toBe(finding?.summary);
    expect(again?.counterexample).toEqual(finding?.counterexample);
  }, 120_000);
});

describe('profiles: known divergences', () => {
  it('a known divergence is reported once as expected and does not fail the run; one that no longer shows is fixed', async () => {
    const base = fakeProfile();
    const profile = {
      ...base,
      divergences: [
        { property: 'INTERP-ACTION-METHOD', reason: 'our platform always POSTs (ticket 12)' },
        { property: 'INTERP-TIMEOUT-BUFFER', reason: 'no buffer until release 3' },
      ],
    };
    const report = await checkInterpreter({ command: process.execPath, args: [FAKE_DRIVER, '--defect', 'action-post'], runs: 60, seed: 1, profile, maxShrinks: 10, timeoutMs: 20_000 });
    expect(failing(report)).toEqual([]);
    expect(report.findingCount).toBe(0);
    expect(report.divergences?.map((entry) => [entry.property, entry.status])).toEqual([
      ['INTERP-ACTION-METHOD', 'expected'],
      ['INTERP-TIMEOUT-BUFFER', 'fixed'],
    ]);
    expect(report.divergences?.[0]?.finding?.summary).toMatch(/sent with POST/);
  }, 120_000);
});

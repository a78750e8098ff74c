import { describe, expect, it } from 'vitest';
import type { PropertyResult } from '../../src/check/findings.js';
import { failsRun, gradeOf } from '../../src/check/grade.js';

function result(status: PropertyResult['status'], grade?: PropertyResult['grade']): PropertyResult {
  return { id: 'P', title: 't', source: 's', status, runs: 1, findings: [], durationMs: 0, ...(grade === undefined ? {} : { grade }) };
}

describe('grades decide which findings fail a run', () => {
  it('a failed must property fails the run; a property without a grade is must', () => {
    expect(failsRun({ properties: [result('failed', 'must')] })).toBe(true);
    expect(failsRun({ properties: [result('failed')] })).toBe(true);
    expect(gradeOf(result('passed'))).toBe('must');
  });

  it('a failed should property fails the run only when strict', () => {
    const report = { properties: [result('passed'), result('failed', 'should')] };
    expect(failsRun(report)).toBe(false);
    expect(failsRun(report, { strict: true })).toBe(true);
  });

  it('info never fails a run; passed and skipped properties never do', () => {
    expect(failsRun({ properties: [result('failed', 'info')] }, { strict: true })).toBe(false);
    expect(failsRun({ properties: [result('passed'), result('skipped')] }, { strict: true })).toBe(false);
  });
});

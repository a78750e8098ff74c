import type * as Xmlbuilder2 from 'xmlbuilder2';
import type { Finding, PropertyResult, RunReport } from '../check/findings.js';
import { failsRunAt, gradeOf, type VerdictOptions } from '../check/grade.js';
import { lazyPackage } from '../lazyPackage.js';

const xmlbuilder2 = lazyPackage<typeof Xmlbuilder2>('xmlbuilder2');

/**
 * JUnit XML for CI systems: one testsuite per run, one testcase per property; a failed property carries
 * one `<failure>` per finding, a skipped one `<skipped>`. A failed property whose grade does not fail the
 * run (a `should` one without `strict`, an `info` one) passes, its findings in `<system-out>`, so a CI
 * system shows what the exit code says.
 */
export function junitReport(report: RunReport, verdict: VerdictOptions = {}): string {
  const failing = (property: PropertyResult): boolean => property.status === 'failed' && failsRunAt(gradeOf(property), verdict);
  const failures = report.properties.filter(failing).length;
  const skipped = report.properties.filter((property) => property.status === 'skipped' || property.status === 'not-exercised').length;
  const root = xmlbuilder2().create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: `dial-kit ${report.mode}`,
    tests: String(report.properties.length),
    failures: String(failures),
    time: seconds(report.durationMs),
  });
  const suite = root.ele('testsuite', {
    name: `${report.mode}: ${report.target}`,
    tests: String(report.properties.length),
    failures: String(failures),
    errors: '0',
    skipped: String(skipped),
    time: seconds(report.durationMs),
    timestamp: report.startedAt,
  });
  suite.ele('properties').ele('property', { name: 'seed', value: String(report.seed) }).up().ele('property', { name: 'runs', value: String(report.runs) });
  for (const property of report.properties) {
    const testcase = suite.ele('testcase', { classname: `dial-kit.${report.mode}`, name: `${property.id} ${property.title}`, time: seconds(property.durationMs) });
    if (property.status === 'skipped') testcase.ele('skipped', { message: property.skipReason ?? 'skipped' });
    if (property.status === 'not-exercised') testcase.ele('skipped', { message: `not exercised: the run gave it nothing to judge${(property.notes ?? []).map((note) => `; ${note}`).join('')}` });
    if (failing(property)) for (const finding of property.findings) testcase.ele('failure', { message: finding.summary, type: finding.fingerprint }).txt(failureText(finding));
    else if (property.findings.length > 0) testcase.ele('system-out').txt(property.findings.map((finding) => `${gradeOf(property)} finding (does not fail the run): ${failureText(finding)}`).join('\n\n'));
  }
  return root.end({ prettyPrint: true, wellFormed: false });
}

function failureText(finding: Finding): string {
  const lines = [finding.summary, `source: ${finding.source}`, `replay: ${finding.replay}`];
  if (finding.expected !== undefined) lines.push(`expected: ${finding.expected}`);
  if (finding.actual !== undefined) lines.push(`actual: ${finding.actual}`);
  for (const difference of finding.differences ?? []) lines.push(`${difference.path}: expected ${String(difference.expected)}, got ${String(difference.actual)} [${difference.rule}; ${difference.source}]`);
  lines.push('steps:', ...finding.steps);
  lines.push(`document: ${JSON.stringify(finding.counterexample)}`);
  // Text a builder wrote may hold characters XML 1.0 cannot carry; the report itself must stay well-formed.
  return lines.join('\n').replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

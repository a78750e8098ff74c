import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { runBuilderProperties } from '../../src/check/runBuilderProperties.js';
import type { Finding } from '../../src/check/findings.js';
import { dialectSubset } from '../../src/profile/dialectSubset.js';
import { loadProfile } from '../../src/profile/parseProfile.js';
import type { BuilderTarget } from '../../src/targets/builder/builderTarget.js';
import { stdioTarget } from '../../src/targets/builder/stdioTarget.js';

// Issue 12: twilio 2.x (TwimlResponse) and plivo 4.x, both devDependencies, each through its stdio adapter.
function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
const TWILIO2 = installed('twilio2');
const PLIVO = installed('plivo');
if (!TWILIO2) console.log('skipping the twilio 2.x adapter test: devDependency twilio2 (npm:twilio@2) is not installed');
if (!PLIVO) console.log('skipping the plivo adapter test: devDependency plivo is not installed');

let open: BuilderTarget[] = [];
afterEach(async () => {
  await Promise.all(open.map((target) => target.close()));
  open = [];
});

async function start(adapter: string): Promise<BuilderTarget> {
  const target = await stdioTarget({ command: process.execPath, args: [adapter], timeoutMs: 5000, startTimeoutMs: 15_000 });
  open.push(target);
  return target;
}

/** What one finding is, by property and cause; a difference no class explains stays visible as itself. */
function kind(finding: Finding): string {
  if (finding.propertyId === 'GEN-BUILD-003') return `GEN-BUILD-003 ${finding.cause ?? finding.summary}`;
  if (finding.cause === 'malformed') return `${finding.propertyId} malformed: ${finding.actual ?? ''}`.replace(/=".*"".*/, '="…"…"');
  const classes = (finding.differences ?? []).map(({ path, expected, actual }) => {
    if (actual === 'null') return 'unset option written as "null"';
    // XML 1.0 §2.11 reads CR LF as LF, then §3.3.3 reads TAB, LF, CR in an attribute value as a space.
    const normalised = typeof expected === 'string' ? expected.replace(/\r\n/g, '\n').replace(/[\t\n\r]/g, ' ') : undefined;
    if (path.includes('/@') && normalised === actual && normalised !== expected) return 'TAB/LF/CR raw in an attribute';
    return `other: ${path} ${JSON.stringify(expected)} -> ${JSON.stringify(actual)}`;
  });
  return `${finding.propertyId} ${[...new Set(classes)].sort().join(' + ')}`;
}

function kinds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map(kind))].sort();
}

describe('adapters for an older API and another dialect', () => {
  it.skipIf(!TWILIO2)('twilio 2.x TwimlResponse: TAB/LF/CR raw (attributes and text), unset options written as "null", control characters raw; nothing else', async () => {
    const target = await start('examples/twilio2-builder/builder.mjs');
    const report = await runBuilderProperties(builderProperties('all'), target, { seed: 1, runs: 300, coverage: false, maxFindings: 200 });
    expect(target.callStyles).toEqual(['strings', 'typed']);
    const findings = report.properties.flatMap((property) => property.findings);
    // One finding per root cause: the kit names each of the library's defects once per property. Its escaper
    // handles only & " ' < >, so TAB/LF/CR in attributes and CR in text are read back otherwise: one cause.
    expect(findings.map((finding) => `${finding.propertyId} ${finding.cause ?? ''}`).sort()).toEqual([
      'GEN-BUILD-001 TAB, LF or CR written raw (read back as a space in an attribute, CR as a line feed in text)',
      'GEN-BUILD-001 an unset option written as "null"',
      'GEN-BUILD-002 TAB, LF or CR written raw (read back as a space in an attribute, CR as a line feed in text)',
      'GEN-BUILD-002 an unset option written as "null"',
      'GEN-BUILD-003 attribute: a character XML cannot carry written raw',
      'GEN-BUILD-003 text: a character XML cannot carry written raw',
    ]);
    // What its API cannot write is skipped, never built wrong: a <Client> with <Identity>.
    const client = await target.build({ root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: {}, children: [{ kind: 'Client', attributes: {}, text: '', identity: 'alice', parameters: [] }] }] });
    expect(client.kind).toBe('unexpressible');
  });

  it.skipIf(!PLIVO)('plivo 4.x, inside its TwiML overlap: a quote in an attribute written raw, control characters raw; nothing else', async () => {
    const target = await start('examples/plivo-builder/builder.mjs');
    const dialect = dialectSubset({ profile: loadProfile('examples/plivo-builder/plivo.profile.json') });
    const report = await runBuilderProperties(builderProperties('all', dialect), target, { seed: 1, runs: 300, coverage: false, maxFindings: 200 });
    expect(kinds(report.properties.flatMap((property) => property.findings))).toEqual([
      'GEN-BUILD-001 malformed: <Response><Dial action="…"…"',
      'GEN-BUILD-002 malformed: <Response><Dial action="…"…"',
      'GEN-BUILD-003 attribute: a character XML cannot carry written raw',
      'GEN-BUILD-003 text: a character XML cannot carry written raw',
    ]);
    const say = await target.build({ root: 'Response', attributes: {}, verbs: [{ kind: 'element', name: 'Say', attributes: {}, children: [{ kind: 'text', text: 'hi' }] }] });
    expect(say.kind).toBe('unexpressible');
  });
});

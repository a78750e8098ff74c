import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { BUNDLED_TWILIO_KNOWN } from '../../properties/bundledTwilioKnown.js';
import { runBuilderProperties } from '../../src/check/runBuilderProperties.js';
import { judgeBuild } from '../../src/check/checkBuild.js';
import { DialKitError } from '../../src/errors.js';
import type { TwimlDocument } from '../../src/model/document.js';
import type { BuilderTarget } from '../../src/targets/builder/builderTarget.js';
import { isBuildRequest } from '../../src/targets/builder/builderProtocol.js';
import { stdioTarget } from '../../src/targets/builder/stdioTarget.js';

const NODE = process.execPath;
const EMPTY: TwimlDocument = { root: 'Response', attributes: {}, verbs: [] };
let open: BuilderTarget[] = [];
afterEach(async () => {
  await Promise.all(open.map((target) => target.close()));
  open = [];
});

async function start(command: string, args: readonly string[], timeoutMs = 5000): Promise<BuilderTarget> {
  // The first answer waits for a Node or Python process to start, which a loaded machine makes slow.
  const target = await stdioTarget({ command, args, timeoutMs, startTimeoutMs: Math.max(timeoutMs, 15_000) });
  open.push(target);
  return target;
}

/** A Node one-liner that answers the probe (id 0) with an empty response, then does `then` for every other request. */
function script(then: string): string[] {
  return [
    '-e',
    `const rl = require('readline').createInterface({ input: process.stdin });
     rl.on('line', (line) => { const r = JSON.parse(line);
       if (r.id === 0) { process.stdout.write(JSON.stringify({ id: 0, xml: '<Response/>' }) + '\\n'); return; }
       ${then} });`,
  ];
}

/** An interpreter that can import Debian's python3-twilio (the pyenv python3 on PATH usually cannot). */
function pythonWithTwilio(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(candidate, ['-c', 'import twilio.twiml.voice_response'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}
const PYTHON = pythonWithTwilio();
if (PYTHON === undefined) console.log('skipping the Python adapter test: no python3 here can import twilio.twiml.voice_response (apt-get install python3-twilio)');

describe('stdio builders', () => {
  it('the Node adapter passes, and every request it was sent matches the protocol schema', async () => {
    const target = await start(NODE, ['examples/node-builder/builder.mjs']);
    // It drives the twilio package, so the package's known failure (control characters raw in attributes) shows, expected.
    const report = await runBuilderProperties(builderProperties('all'), target, { seed: 3, runs: 300, coverage: false, known: BUNDLED_TWILIO_KNOWN });
    expect(report.findingCount).toBe(0);
    expect(target.callStyles).toEqual(['strings', 'typed']);
    expect(report.properties.find((property) => property.id === 'GEN-BUILD-003')?.expected?.[0]?.fingerprint).toBe('3bdc2ab42ff18474');
    const sent = await target.build({ root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: { timeout: '10' }, children: [{ kind: 'text', text: '+1' }] }] });
    expect(sent.kind).toBe('xml');
    if (sent.kind !== 'xml') return;
    expect(isBuildRequest(JSON.parse((sent.steps[0] as string).slice(2)))).toBe(true);
    expect(sent.xml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Dial timeout="10">+1</Dial></Response>');
  });

  it.skipIf(PYTHON === undefined)('the Python adapter builds valid documents; its defects: CR in text written raw (read back as LF), typed lists written as Python reprs', async () => {
    const target = await start(PYTHON as string, ['examples/python-builder/builder.py']);
    const simple = await target.build({ root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: { timeout: '10', callerId: '+15550001111' }, children: [{ kind: 'Number', attributes: {}, text: '+1' }] }] });
    expect(simple).toMatchObject({ kind: 'xml', xml: '<?xml version="1.0" encoding="UTF-8"?><Response><Dial callerId="+15550001111" timeout="10"><Number>+1</Number></Dial></Response>' });
    // The minimal case: ElementTree writes CR in text raw, and XML end-of-line handling reads it as LF,
    // so Twilio would join a different conference room.
    const room: TwimlDocument = { root: 'Response', attributes: {}, verbs: [{ kind: 'Dial', attributes: {}, children: [{ kind: 'Conference', attributes: {}, text: 'a\rb' }] }] };
    const outcome = await target.build(room);
    expect(outcome).toMatchObject({ kind: 'xml', xml: '<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Conference>a\rb</Conference></Dial></Response>' });
    expect(judgeBuild(room, outcome, { documents: 'valid' })).toMatchObject({ ok: false, problem: 'different', differences: [{ path: '/Response/Dial[1]/Conference[1]/text()', expected: 'a\rb', actual: 'a\nb' }] });
    // Every distinct bug in one run: CR in text, and (typed calls, protocol version 2) a list written as
    // Python's repr, statusCallbackEvent="['answered']", which Twilio cannot read as an event list.
    const report = await runBuilderProperties(builderProperties('valid'), target, { seed: 20_240_501, runs: 1000, coverage: false });
    const findings = report.properties.flatMap((property) => property.findings);
    expect(findings.map((finding) => finding.cause).sort()).toEqual(['TAB, LF or CR written raw (read back as a space in an attribute, CR as a line feed in text)', 'eventList value written differently']);
    const list = findings.find((finding) => finding.cause?.startsWith('eventList') === true);
    expect(list?.steps.join('\n')).toMatch(/"calls":"typed"/);
    expect(list?.actual).toMatch(/="\['[a-z-]+'(, '[a-z-]+')*\]"/);
  });

  it('a builder that hangs is a finding after the time limit, and the next build gets a fresh process', async () => {
    const target = await start(NODE, script(`if (r.document.verbs.length > 0) return; process.stdout.write(JSON.stringify({ id: r.id, xml: '<Response/>' }) + '\\n');`), 300);
    const hung = await target.build({ root: 'Response', attributes: {}, verbs: [{ kind: 'element', name: 'Hangup', attributes: {}, children: [] }] });
    expect(hung).toMatchObject({ kind: 'broken', message: 'the builder hung: no answer to request 1 within 300 ms (after answering 1 request since it started)' });
    expect(await target.build({ root: 'Response', attributes: {}, verbs: [] })).toMatchObject({ kind: 'xml', xml: '<Response/>' });
  });

  it('garbage on stdout is a finding that quotes it', async () => {
    const target = await start(NODE, script(`process.stdout.write('hello world\\n');`));
    const outcome = await target.build(EMPTY);
    expect(judgeBuild(EMPTY, outcome, { documents: 'valid' })).toMatchObject({ ok: false, problem: 'broken', summary: 'the builder failed: the builder wrote a line that is not JSON: "hello world"' });
  });

  it('an answer that breaks the schema or has the wrong id is a finding', async () => {
    const wrongShape = await start(NODE, script(`process.stdout.write(JSON.stringify({ id: r.id, xml: 5 }) + '\\n');`));
    expect(await wrongShape.build({ root: 'Response', attributes: {}, verbs: [] })).toMatchObject({ kind: 'broken', message: expect.stringContaining('not a protocol answer') });
    const wrongId = await start(NODE, script(`process.stdout.write(JSON.stringify({ id: r.id + 7, xml: '' }) + '\\n');`));
    expect(await wrongId.build({ root: 'Response', attributes: {}, verbs: [] })).toMatchObject({ kind: 'broken', message: expect.stringMatching(/answered request \d+ with id \d+/) });
  });

  it('a builder that crashes is a finding that quotes its stderr', async () => {
    const target = await start(NODE, script(`process.stderr.write('boom: cannot build'); process.exit(3);`));
    expect(await target.build({ root: 'Response', attributes: {}, verbs: [] })).toMatchObject({ kind: 'broken', message: expect.stringMatching(/exited \(code 3\).*boom: cannot build/) });
  });

  it('an error answer is a refusal', async () => {
    const target = await start(NODE, script(`process.stdout.write(JSON.stringify({ id: r.id, error: 'no thanks' }) + '\\n');`));
    expect(await target.build({ root: 'Response', attributes: {}, verbs: [] })).toMatchObject({ kind: 'refused', message: 'no thanks' });
  });

  it('a builder that cannot start is a DialKitError with one sentence', async () => {
    await expect(stdioTarget({ command: '/nonexistent/builder', args: [] })).rejects.toThrow(DialKitError);
    await expect(stdioTarget({ command: '/nonexistent/builder', args: [] })).rejects.toThrow(/^cannot start the builder "\/nonexistent\/builder": the builder process could not run: spawn \/nonexistent\/builder ENOENT$/);
    await expect(stdioTarget({ command: NODE, args: ['-e', 'process.exit(0)'] })).rejects.toMatchObject({ code: 'DIALKIT_ERR_TARGET_START' });
    await expect(stdioTarget({ command: NODE, args: ['-e', 'setInterval(() => {}, 1000)'], startTimeoutMs: 300 })).rejects.toThrow(/the builder hung: no answer to request 0 within 300 ms \(before answering anything since it started\)/);
  });
});

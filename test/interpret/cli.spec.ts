/** `dial-kit interpret`, run in-process on the seed's own examples (test/fixtures/seed). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { cli, fixture } from '../cli/helpers.js';

const URL_FLAG = ['--url', 'http://example.com/dial_callstatus.xml'];
const dir = mkdtempSync(join(tmpdir(), 'dial-kit-interpret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface JsonTrace {
  requests: { kind: string; method: string; url: string; params: Record<string, string> }[];
  result: Record<string, unknown>;
  next: { kind: string; verbName?: string; requestIndex?: number };
}

async function json(args: string[], stdin = ''): Promise<JsonTrace> {
  const run = await cli(['interpret', ...args, '--json'], stdin);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as JsonTrace;
}

describe('dial-kit interpret on the seed examples', () => {
  it('Goodbye example: every shorthand gives the seed\'s next step', async () => {
    const expected: Record<string, string> = {
      answered: 'continue', busy: 'continue', 'no-answer': 'continue', failed: 'continue', canceled: 'continue',
      'caller-hangup': 'hangup', 'caller-hangup-bridged': 'hangup', star: 'continue', 'time-limit': 'continue',
    };
    for (const [kind, next] of Object.entries(expected)) {
      const trace = await json([fixture('dial-then-say.xml'), ...URL_FLAG, '--outcome', kind]);
      expect({ kind, next: trace.next.kind }).toEqual({ kind, next });
      expect(trace.requests).toEqual([]);
    }
  });
  it('GET action example: one GET with DialCallStatus in the query, the action takes over', async () => {
    const trace = await json([fixture('method-get.xml'), ...URL_FLAG, '--outcome', 'no-answer']);
    expect(trace.requests).toHaveLength(1);
    expect(trace.requests[0]).toMatchObject({ kind: 'action', method: 'GET' });
    expect(trace.requests[0]!.url).toMatch(/^http:\/\/example\.com\/handleDialCallStatus\?.*DialCallStatus=no-answer/);
    expect(trace.next).toEqual({ kind: 'action', requestIndex: 0 });
    expect(trace.result).toMatchObject({ dialCallStatus: 'no-answer', bridged: false, ringSeconds: 35 });
  });
  it('dual-channel recording examples: RecordingChannels=2; the conference one is answered', async () => {
    for (const name of ['record-number.xml', 'record-conference.xml']) {
      const trace = await json([fixture(name), ...URL_FLAG, '--ring', '3', '--talk', '30']);
      expect(trace.requests.map((request) => request.params.RecordingChannels)).toEqual(['2']);
      expect(trace.requests[0]!.url).toBe('http://example.com/www.myexample.com');
    }
    expect((await json([fixture('record-conference.xml'), ...URL_FLAG])).result.dialCallStatus).toBe('answered');
  });
  it('reads the document from standard input with -', async () => {
    const trace = await json(['-', ...URL_FLAG, '--outcome', 'busy'], '<Response><Dial action="a">1</Dial></Response>');
    expect(trace.requests[0]!.url).toBe('http://example.com/a');
  });
  it('human output names the result, each request and the next step', async () => {
    const run = await cli(['interpret', fixture('method-get.xml'), ...URL_FLAG, '--outcome', 'busy']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('result: DialCallStatus=busy, not bridged');
    expect(run.stdout).toContain('1. t=5s action GET http://example.com/handleDialCallStatus?');
    expect(run.stdout).toContain('next: the TwiML answered to request 1 (action) takes over the call');
  });
  it('human output is pinned for the Goodbye example (a change in it is a reviewed change)', async () => {
    const busy = await cli(['interpret', fixture('dial-then-say.xml'), ...URL_FLAG, '--outcome', 'busy']);
    expect(busy.stdout).toBe('result: DialCallStatus=busy, not bridged, not answered, ended by busy\nrequests: none\nnext: continue with <Say> (verb 1)\n');
    const gone = await cli(['interpret', fixture('dial-then-say.xml'), ...URL_FLAG, '--outcome', 'caller-hangup-bridged', '--ring', '2', '--talk', '9']);
    expect(gone.stdout).toBe('result: DialCallStatus=completed, bridged, leg 0 answered after 2 s, talked 9 s, ended by caller-hangup\nrequests: none\nnext: the call ends (the caller hung up)\n');
  });
  it('--outcome-file takes a full outcome; --option changes an unspecified behaviour', async () => {
    const outcome = file('ok.json', JSON.stringify({ legs: [{ response: { kind: 'ring' } }], bridge: { talkSeconds: 0, endedBy: 'callee-hangup' }, callerHangupWhileRingingAt: 4 }));
    const withAction = await json(['-', ...URL_FLAG, '--outcome-file', outcome], '<Response><Dial action="/a">1</Dial></Response>');
    expect(withAction.requests.map((request) => request.kind)).toEqual(['action']);
    const noRequest = await json(['-', ...URL_FLAG, '--outcome-file', outcome, '--option', 'callerHangupAction=no-request'], '<Response><Dial action="/a">1</Dial></Response>');
    expect(noRequest.requests).toEqual([]);
  });
});

describe('dial-kit interpret refuses bad input with one sentence and exit 2', () => {
  const cases: { name: string; args: string[]; stdin?: string; message: RegExp }[] = [
    { name: 'no --url', args: [fixture('basic.xml')], message: /--url is required/ },
    { name: 'relative --url', args: [fixture('basic.xml'), '--url', '/x.xml'], message: /--url must be an absolute http\(s\) URL/ },
    { name: 'unknown outcome', args: [fixture('basic.xml'), ...URL_FLAG, '--outcome', 'maybe'], message: /--outcome must be one of answered, busy/ },
    { name: 'non-numeric ring', args: [fixture('basic.xml'), ...URL_FLAG, '--ring', 'soon'], message: /--ring must be a whole number/ },
    { name: 'unknown option', args: [fixture('basic.xml'), ...URL_FLAG, '--option', 'nope=1'], message: /"nope" is not an option/ },
    { name: 'bad option value', args: [fixture('basic.xml'), ...URL_FLAG, '--option', 'outOfRange=wrap'], message: /outOfRange must be one of clamp, default, as-written/ },
    { name: 'invalid value refused by option', args: ['-', ...URL_FLAG, '--option', 'invalidValue=refuse'], stdin: '<Response><Dial timeout="soon">1</Dial></Response>', message: /cannot be interpreted: timeout="soon" is not a positive integer/ },
    { name: 'no <Dial>', args: ['-', ...URL_FLAG], stdin: '<Response><Say>hi</Say></Response>', message: /has no <Dial> to interpret/ },
    { name: 'not XML', args: ['-', ...URL_FLAG], stdin: '<Response><Dial>', message: /cannot be interpreted/ },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const run = await cli(['interpret', ...testCase.args], testCase.stdin ?? '');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')[0]).toMatch(testCase.message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  }
  it('an outcome file that breaks the schema: ajv errors summarised in one sentence', async () => {
    const bad = file('bad.json', JSON.stringify({ legs: [{ response: { kind: 'answer' } }], bridge: { talkSeconds: 1, endedBy: 'callee-hangup' } }));
    const run = await cli(['interpret', fixture('basic.xml'), ...URL_FLAG, '--outcome-file', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/is not a valid outcome: \/legs\/0\/response must have required property 'afterSeconds'/);
    const unknown = file('unknown.json', JSON.stringify({ legs: [], bridge: { talkSeconds: 1, endedBy: 'callee-hangup' }, extra: 1 }));
    expect((await cli(['interpret', fixture('basic.xml'), ...URL_FLAG, '--outcome-file', unknown])).stderr).toMatch(/has an unknown field "extra"/);
    const notJson = file('not.json', '{');
    expect((await cli(['interpret', fixture('basic.xml'), ...URL_FLAG, '--outcome-file', notJson])).stderr).toMatch(/is not JSON/);
  });
  it('a document with validator errors exits 1 (no trace) unless --force', async () => {
    const xml = '<Reply><Dial>1</Dial></Reply>';
    const refused = await cli(['interpret', '-', ...URL_FLAG], xml);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/12102/);
    expect((await cli(['interpret', '-', ...URL_FLAG, '--force'], xml)).code).toBe(0);
  });
});

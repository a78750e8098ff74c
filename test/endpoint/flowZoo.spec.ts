/**
 * The flow zoo: voice apps whose every answer is valid TwiML, but whose call flow is wrong, as the
 * issue measured on real apps. Each is caught by the property named in its test: loops and failing
 * <Record>/<Gather> actions by the kit's own properties, status mix-ups through the user's --expect.
 * Beside them, correct flows that must pass.
 */
import { describe, expect, it } from 'vitest';
import { checkEndpoint } from '../../properties/endpoint.js';
import { parseExpectation } from '../../src/check/endpoint/expectation.js';
import type { RunReport } from '../../src/check/findings.js';
import { failsRun } from '../../src/check/grade.js';
import { fakeApps, type Answer, type Params } from './fakeApp.js';

const TOKEN = 'flow-zoo-token';
const app = fakeApps();
const ok = (body: string): Answer => ({ status: 200, contentType: 'text/xml', body });

// A caller-ID of the app's own: a call from a Voice SDK client must show one (13214).
const DIAL = '<Response><Dial action="/dial-status" timeout="20" callerId="+15558675309"><Number>+15558675310</Number></Dial></Response>';
const VOICEMAIL = '<Response><Say>Please leave a message.</Say><Record action="/voicemail" maxLength="60"/></Response>';
const GOODBYE = '<Response><Say>Goodbye.</Say><Hangup/></Response>';
/** The expectations of a forwarding app: a finished call hangs up, every other status goes to voicemail. */
const FORWARDING = ['completed=hangup', 'busy,no-answer,failed,canceled=record'].map(parseExpectation);

function check(url: string, options: Partial<Parameters<typeof checkEndpoint>[0]> = {}): Promise<RunReport> {
  return checkEndpoint({ url, authToken: TOKEN, runs: 100, seed: 7, concurrency: 4, timeoutMs: 5000, ...options });
}

const failedIds = (report: RunReport): string[] => report.properties.filter((property) => property.status === 'failed').map((property) => property.id);
const summaryOf = (report: RunReport, id: string): string => report.properties.find((property) => property.id === id)?.findings[0]?.summary ?? '';

describe('the flow zoo: each flow-broken app is caught', () => {
  it("an action handler that compares DialCallStatus with 'complete': a finished call goes to voicemail (EP-EXPECT)", async () => {
    const server = await app({ authToken: TOKEN, voice: () => ok(DIAL), dialStatus: (params) => ok(params['DialCallStatus'] === 'complete' ? GOODBYE : VOICEMAIL), routes: { '/voicemail': () => ok(GOODBYE) } });
    const report = await check(server.url, { expectations: FORWARDING });
    expect(failedIds(report)).toEqual(['EP-EXPECT']);
    expect(summaryOf(report, 'EP-EXPECT')).toMatch(/ended completed, the call went on to record .*expected hangup \(--expect completed=hangup\)/);
    expect(report.properties.find((property) => property.id === 'EP-EXPECT')?.findings[0]?.replay).toContain('--expect completed=hangup --expect busy,no-answer,failed,canceled=record');
  });

  it('an action handler that reads CallStatus (the parent call, in-progress) instead of DialCallStatus (EP-EXPECT)', async () => {
    const server = await app({ authToken: TOKEN, voice: () => ok(DIAL), dialStatus: (params) => ok(params['CallStatus'] === 'completed' ? GOODBYE : VOICEMAIL), routes: { '/voicemail': () => ok(GOODBYE) } });
    const report = await check(server.url, { expectations: FORWARDING });
    expect(failedIds(report)).toEqual(['EP-EXPECT']);
    expect(summaryOf(report, 'EP-EXPECT')).toMatch(/ended completed, the call went on to record/);
  });

  it('an app that redirects back to the voice URL on no-answer dials again and again (EP-FLOW-END, with its cycle)', async () => {
    const redirect = '<Response><Redirect>/voice</Redirect></Response>';
    const server = await app({ authToken: TOKEN, voice: () => ok(DIAL), dialStatus: (params) => ok(params['DialCallStatus'] === 'no-answer' ? redirect : GOODBYE) });
    const report = await check(server.url);
    expect(failedIds(report)).toEqual(['EP-FLOW-END']);
    const summary = summaryOf(report, 'EP-FLOW-END');
    expect(summary).toMatch(/the call loops and never ends: step 1 voice POST http:\/\/127\.0\.0\.1:\d+\/voice -> step 2 action POST \S+\/dial-status \(after <Dial>: no-answer\) -> step 3 is step 1 again/);
    // With the expectation of a forwarding app, the same fault also shows as the wrong next step.
    const expected = await check(server.url, { expectations: [parseExpectation('no-answer=record')] });
    expect(failedIds(expected)).toEqual(expect.arrayContaining(['EP-EXPECT', 'EP-FLOW-END']));
    expect(summaryOf(expected, 'EP-EXPECT')).toMatch(/ended no-answer, the call went on to dial/);
  });

  it('an app that dials the same number again after a completed call (EP-FLOW-REDIAL, should: fails only with strict)', async () => {
    let calls = 0;
    const server = await app({
      authToken: TOKEN,
      voice: () => ok(DIAL),
      // Redials once per call, then gives up: no loop, just the redial.
      dialStatus: (params) => ok(params['DialCallStatus'] === 'completed' && calls++ % 2 === 0 ? '<Response><Dial action="/dial-status?again=1" callerId="+15558675309"><Number>+15558675310</Number></Dial></Response>' : GOODBYE),
    });
    const report = await check(server.url, { concurrency: 1 });
    expect(failedIds(report)).toEqual(['EP-FLOW-REDIAL']);
    expect(summaryOf(report, 'EP-FLOW-REDIAL')).toMatch(/ended completed, the call dials Number:\+15558675310 again/);
    expect(report.properties.find((property) => property.id === 'EP-FLOW-REDIAL')?.grade).toBe('should');
    expect(failsRun(report)).toBe(false);
    expect(failsRun(report, { strict: true })).toBe(true);
  });

  it('a <Record> action that answers 500 when the caller hung up during the message (Digits=hangup): EP-STATUS on the record action', async () => {
    const server = await app({
      authToken: TOKEN,
      voice: () => ok(VOICEMAIL),
      routes: { '/voicemail': (params) => (params['Digits'] === 'hangup' ? { status: 500, contentType: 'text/plain', body: 'boom' } : ok(GOODBYE)) },
    });
    const report = await check(server.url);
    expect(failedIds(report)).toEqual(['EP-STATUS']);
    const finding = report.properties.find((property) => property.id === 'EP-STATUS')?.findings[0];
    expect(finding?.summary).toMatch(/\(record-action\): the record-action request was answered 500/);
    expect(JSON.stringify(finding?.counterexample)).toContain('"kind":"hangup"');
  });

  it('a menu that sends a silent caller back to itself forever (EP-FLOW-MENU-LOOP, should)', async () => {
    const menu = '<Response><Gather numDigits="1" action="/menu"><Say>Press 1 for sales.</Say></Gather><Redirect>/voice</Redirect></Response>';
    const server = await app({ authToken: TOKEN, voice: () => ok(menu), routes: { '/menu': (params) => ok(params['Digits'] === '1' ? DIAL : '<Response><Redirect>/voice</Redirect></Response>') } });
    const report = await check(server.url);
    expect(failedIds(report)).toEqual(['EP-FLOW-MENU-LOOP']);
    expect(summaryOf(report, 'EP-FLOW-MENU-LOOP')).toMatch(/the menu asks again forever/);
    expect(failsRun(report)).toBe(false);
  });

  it('a <Gather> action that fails on speech input (EP-STATUS on the gather action)', async () => {
    const menu = '<Response><Gather input="dtmf speech" action="/menu"><Say>Say or press 1.</Say></Gather><Hangup/></Response>';
    const server = await app({ authToken: TOKEN, voice: () => ok(menu), routes: { '/menu': (params) => (params['SpeechResult'] !== undefined ? { status: 500, body: 'no speech' } : ok(DIAL)) } });
    const report = await check(server.url);
    expect(failedIds(report)).toEqual(['EP-STATUS']);
    expect(summaryOf(report, 'EP-STATUS')).toMatch(/gather-action/);
  });
});

describe('the flow zoo: correct flows pass', () => {
  it('a menu with an attempt counter that ends the call after three silences passes, with every flow property exercised', async () => {
    const menu = (attempt: number): string =>
      attempt >= 3 ? GOODBYE : `<Response><Gather numDigits="1" action="/menu"><Say>Press 1.</Say></Gather><Redirect>/voice?attempt=${attempt + 1}</Redirect></Response>`;
    const server = await app({
      authToken: TOKEN,
      voice: (_params: Params) => ok(menu(0)),
      routes: { '/voice': (_params, query) => ok(menu(Number(query.get('attempt') ?? '0'))), '/menu': (params) => ok(params['Digits'] === '1' ? DIAL : GOODBYE) },
    });
    const report = await check(server.url);
    expect(report.findingCount).toBe(0);
    expect(report.properties.find((property) => property.id === 'EP-FLOW-MENU-LOOP')?.status).toBe('passed');
  });

  it('a forwarding app with voicemail holds its expectations, and every status named is exercised', async () => {
    const server = await app({ authToken: TOKEN, voice: () => ok(DIAL), dialStatus: (params) => ok(params['DialCallStatus'] === 'completed' ? GOODBYE : VOICEMAIL), routes: { '/voicemail': () => ok(GOODBYE) } });
    const report = await check(server.url, { expectations: FORWARDING });
    expect(report.findingCount).toBe(0);
    const expect_ = report.properties.find((property) => property.id === 'EP-EXPECT');
    expect(expect_?.status).toBe('passed');
    expect(expect_?.notes ?? []).toEqual([]);
    expect(Object.keys(report.coverage.outcomes).sort()).toEqual(['busy', 'canceled', 'completed', 'failed', 'no-answer']);
    // Coverage as attribute × noun × outcome: every <Dial> held a Number, its action and its timeout.
    for (const [status, count] of Object.entries(report.coverage.outcomes)) {
      expect(report.coverage.byOutcome?.[status]).toEqual({ Number: count, 'Dial.action': count, 'Dial.timeout': count, 'Dial.callerId': count });
    }
  });

  it('a status named in an expectation that no call reaches is reported as never exercised', async () => {
    const server = await app({ authToken: TOKEN, voice: () => ok(DIAL) });
    const report = await check(server.url, { runs: 20, expectations: [parseExpectation('answered=hangup')] });
    expect(report.findingCount).toBe(0);
    const result = report.properties.find((property) => property.id === 'EP-EXPECT');
    expect(result?.status).toBe('not-exercised');
    expect(result?.notes?.[0]).toMatch(/never exercised in 20 calls: no <Dial> ended answered/);
  });
});

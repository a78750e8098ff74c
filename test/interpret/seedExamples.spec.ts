/**
 * Table-driven tests for every paragraph of the seed that states behaviour. Each case names the
 * seed section it checks.
 */
import { describe, expect, it } from 'vitest';
import { interpret } from '../../reference/index.js';
import { answer, busy, doc, fail, kinds, outcome, ring, run } from './helpers.js';

const GOODBYE = '<Response><Dial>415-123-4567</Dial><Say>Goodbye</Say></Response>';
const GET_ACTION = '<Response><Dial action="/handleDialCallStatus" method="GET">415-123-4567</Dial><Say>I am unreachable</Say></Response>';

describe('seed: the Goodbye example (<Dial>415-123-4567</Dial><Say>Goodbye</Say>)', () => {
  const cases = [
    { name: 'answered, then the callee hangs up → Goodbye', outcome: outcome([answer(5)]), status: 'completed', next: { kind: 'continue', verbIndex: 1, verbName: 'Say' } },
    { name: 'the caller hangs up while bridged → the session ends, Say never runs', outcome: outcome([answer(5)], { bridge: { talkSeconds: 20, endedBy: 'caller-hangup' } }), status: 'completed', next: { kind: 'hangup' } },
    { name: 'the caller hangs up while ringing → the session ends', outcome: outcome([ring], { callerHangupWhileRingingAt: 3 }), status: 'canceled', next: { kind: 'hangup' } },
    { name: 'busy → Goodbye', outcome: outcome([busy(2)]), status: 'busy', next: { kind: 'continue', verbIndex: 1, verbName: 'Say' } },
    { name: 'no answer → Goodbye', outcome: outcome([ring]), status: 'no-answer', next: { kind: 'continue', verbIndex: 1, verbName: 'Say' } },
    { name: 'number does not exist → failed → Goodbye', outcome: outcome([fail(1)]), status: 'failed', next: { kind: 'continue', verbIndex: 1, verbName: 'Say' } },
  ] as const;
  for (const testCase of cases) {
    it(testCase.name, () => {
      const trace = run(GOODBYE, testCase.outcome);
      expect(trace.result.dialCallStatus).toBe(testCase.status);
      expect(trace.next).toMatchObject(testCase.next);
      expect(trace.requests).toEqual([]);
    });
  }
  it('without Say, the call ends after <Dial> (seed §action: no further verb)', () => {
    expect(run('<Response><Dial>415-123-4567</Dial></Response>', outcome([busy(1)])).next).toEqual({ kind: 'hangup', reason: 'no verb follows the <Dial>' });
  });
});

describe('seed §method: the GET action example (page at http://example.com/dial_callstatus.xml)', () => {
  for (const [name, legOutcome, status] of [['answered', answer(4), 'completed'], ['busy', busy(2), 'busy'], ['no-answer', ring, 'no-answer'], ['failed', fail(1), 'failed']] as const) {
    it(`${name}: one GET to the resolved URL with DialCallStatus=${status} in the query; Say unreachable`, () => {
      const trace = run(GET_ACTION, outcome([legOutcome]));
      expect(kinds(trace)).toEqual(['action']);
      const action = trace.requests[0]!;
      expect(action.method).toBe('GET');
      expect(action.body).toBeUndefined();
      const url = new URL(action.url);
      expect(`${url.origin}${url.pathname}`).toBe('http://example.com/handleDialCallStatus');
      expect(url.searchParams.get('DialCallStatus')).toBe(status);
      expect(url.searchParams.get('CallSid')).toBe('CA00000000000000000000000000000001');
      expect(trace.next).toEqual({ kind: 'action', requestIndex: 0 });
      expect(action.expectsTwiml).toBe(true);
    });
  }
  it('POST is the default: parameters in a form body, the URL untouched', () => {
    const trace = run('<Response><Dial action="handle?x=1">415-123-4567</Dial></Response>', outcome([busy(1)]));
    const action = trace.requests[0]!;
    expect(action.method).toBe('POST');
    expect(action.url).toBe('http://example.com/handle?x=1');
    expect(new URLSearchParams(action.body).get('DialCallStatus')).toBe('busy');
  });
  it('GET parameters are appended to an existing query', () => {
    const action = run('<Response><Dial action="/h?x=1&amp;y=2" method="GET">1</Dial></Response>', outcome([busy(1)])).requests[0]!;
    expect(action.url.startsWith('http://example.com/h?x=1&y=2&')).toBe(true);
  });
  it('relative URLs resolve as RFC 3986 says (../, absolute path, other host)', () => {
    const base = (action: string): string => new URL(run(`<Response><Dial action="${action}">1</Dial></Response>`, outcome([busy(1)])).requests[0]!.url).href;
    expect(base('../up')).toBe('http://example.com/up');
    expect(base('next')).toBe('http://example.com/next');
    expect(base('//other.example/x')).toBe('http://other.example/x');
    expect(base('https://abs.example/y')).toBe('https://abs.example/y');
  });
  it('relative URLs resolve against the document\'s own path and query (RFC 3986 §5.4 examples, shape for shape)', () => {
    const from = (action: string): string =>
      interpret({ document: doc(`<Response><Dial action="${action}">1</Dial></Response>`), documentUrl: 'https://a.example/b/c/d.xml?q=1#frag', request: {}, outcome: outcome([busy(1)]) }).requests[0]!.url;
    expect(from('g')).toBe('https://a.example/b/c/g');
    expect(from('./g/')).toBe('https://a.example/b/c/g/');
    expect(from('../g')).toBe('https://a.example/b/g');
    expect(from('../../../g')).toBe('https://a.example/g');
    expect(from('?y')).toBe('https://a.example/b/c/d.xml?y');
    expect(from('g#s')).toBe('https://a.example/b/c/g');
  });
});

describe('seed §action: parameters and their presence rules', () => {
  it('completed number dial: DialCallSid, DialCallDuration, DialBridged=true, standard params with CallStatus=in-progress; no RecordingUrl', () => {
    const params = run('<Response><Dial action="/a">415-123-4567</Dial></Response>', outcome([answer(5)], { bridge: { talkSeconds: 42, endedBy: 'callee-hangup' } })).requests[0]!.params;
    expect(params).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: '42', DialBridged: 'true', CallStatus: 'in-progress', From: '+14151234567', Direction: 'inbound' });
    expect(params.DialCallSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(params).not.toHaveProperty('RecordingUrl');
  });
  it('unanswered: DialBridged=false', () => {
    expect(run('<Response><Dial action="/a">1</Dial></Response>', outcome([ring])).requests[0]!.params.DialBridged).toBe('false');
  });
  it('conference: DialCallStatus=answered, no DialCallSid, no DialCallDuration', () => {
    const params = run('<Response><Dial action="/a"><Conference>myteamroom</Conference></Dial></Response>', outcome([answer(1)])).requests[0]!.params;
    expect(params.DialCallStatus).toBe('answered');
    expect(params).not.toHaveProperty('DialCallSid');
    expect(params).not.toHaveProperty('DialCallDuration');
    expect(params.DialBridged).toBe('true');
  });
  it('child redirected before disconnect: no DialCallDuration', () => {
    const params = run('<Response><Dial action="/a">1</Dial></Response>', outcome([answer(1)], { bridge: { talkSeconds: 9, endedBy: 'callee-hangup', childRedirected: true } })).requests[0]!.params;
    expect(params).not.toHaveProperty('DialCallDuration');
    expect(params).toHaveProperty('DialCallSid');
  });
  it('record set: RecordingUrl on the action', () => {
    const params = run('<Response><Dial action="/a" record="true">1</Dial></Response>', outcome([answer(1)])).requests[0]!.params;
    expect(params.RecordingUrl).toMatch(/^https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\/AC0+1\/Recordings\/RE[0-9a-f]{32}$/);
  });
  it('<Sip>: DialSipCallId, DialSipResponseCode, DialSipHeader_* from the outcome', () => {
    const trace = run('<Response><Dial action="/a"><Sip>sip:alice@example.com</Sip></Dial></Response>', outcome([{ response: { kind: 'answer', afterSeconds: 2 }, sip: { callId: 'abc@host', responseCode: 200, headers: { 'X-Foo': 'bar' } } }]));
    expect(trace.requests[0]!.params).toMatchObject({ DialSipCallId: 'abc@host', DialSipResponseCode: '200', 'DialSipHeader_X-Foo': 'bar' });
    expect(run('<Response><Dial action="/a">1</Dial></Response>', outcome([answer(1)])).requests[0]!.params).not.toHaveProperty('DialSipCallId');
  });
  it('canceled via the REST API before an answer', () => {
    const trace = run('<Response><Dial action="/a">1</Dial><Say>x</Say></Response>', outcome([ring], { canceledAt: 4 }));
    expect(trace.result.dialCallStatus).toBe('canceled');
    expect(trace.next).toEqual({ kind: 'action', requestIndex: 0 });
  });
});

describe('seed §hangupOnStar', () => {
  const star = { talkSeconds: 10, endedBy: 'star' } as const;
  it('with action: DialCallStatus=completed and the action takes over', () => {
    const trace = run('<Response><Dial hangupOnStar="true" action="/a">1</Dial><Say>x</Say></Response>', outcome([answer(3)], { bridge: star }));
    expect(trace.requests[0]!.params.DialCallStatus).toBe('completed');
    expect(trace.next).toEqual({ kind: 'action', requestIndex: 0 });
    expect(trace.result).toMatchObject({ endedBy: 'star', talkSeconds: 10, callerOnLine: true });
  });
  it('without action: continues to the next verb', () => {
    const trace = run('<Response><Dial hangupOnStar="true">1</Dial><Say>x</Say></Response>', outcome([answer(3)], { bridge: star }));
    expect(trace.next).toEqual({ kind: 'continue', verbIndex: 1, verbName: 'Say' });
  });
  it('conference: DialCallStatus=answered', () => {
    const trace = run('<Response><Dial hangupOnStar="true" action="/a"><Conference>r</Conference></Dial></Response>', outcome([answer(3)], { bridge: star }));
    expect(trace.requests[0]!.params.DialCallStatus).toBe('answered');
  });
  it('without hangupOnStar="true" the * does nothing: the bridge runs to timeLimit', () => {
    const trace = run('<Response><Dial timeLimit="120">1</Dial></Response>', outcome([answer(3)], { bridge: star }));
    expect(trace.result).toMatchObject({ endedBy: 'time-limit', talkSeconds: 120 });
  });
});

describe('seed §timeout and §timeLimit', () => {
  it('timeout=10 gives up after 15 s (5-second buffer): an answer at 14 s connects, one at 15 s does not', () => {
    expect(run('<Response><Dial timeout="10">1</Dial></Response>', outcome([answer(14)])).result.dialCallStatus).toBe('completed');
    const late = run('<Response><Dial timeout="10">1</Dial></Response>', outcome([answer(15)]));
    expect(late.result).toMatchObject({ dialCallStatus: 'no-answer', ringSeconds: 15, bridged: false });
  });
  it('default timeout 30 → 35 s', () => {
    expect(run('<Response><Dial>1</Dial></Response>', outcome([ring])).result.ringSeconds).toBe(35);
  });
  it('option timeoutBuffer=false: exactly the timeout', () => {
    expect(run('<Response><Dial timeout="10">1</Dial></Response>', outcome([ring]), { timeoutBuffer: false }).result.ringSeconds).toBe(10);
  });
  it('out of range timeout: clamp (default), default, as-written', () => {
    const xml = '<Response><Dial timeout="900">1</Dial></Response>';
    expect(run(xml, outcome([ring])).result.ringSeconds).toBe(605);
    expect(run(xml, outcome([ring]), { outOfRange: 'default' }).result.ringSeconds).toBe(35);
    expect(run(xml, outcome([ring]), { outOfRange: 'as-written' }).result.ringSeconds).toBe(905);
    expect(run('<Response><Dial timeout="2">1</Dial></Response>', outcome([ring])).result.ringSeconds).toBe(10);
    expect(run(xml, outcome([ring])).assumptions.join(' ')).toContain('outOfRange=clamp');
  });
  it('an invalid timeout uses the default; option invalidValue=refuse refuses it', () => {
    expect(run('<Response><Dial timeout="abc">1</Dial></Response>', outcome([ring])).result.ringSeconds).toBe(35);
    expect(() => run('<Response><Dial timeout="abc">1</Dial></Response>', outcome([ring]), { invalidValue: 'refuse' })).toThrow(/timeout="abc" is not a positive integer/);
  });
  it('an invalid hangupOnStar is read as false (its default), noted in the assumptions', () => {
    const trace = run('<Response><Dial hangupOnStar="yes">1</Dial><Say>x</Say></Response>', outcome([answer(1)], { bridge: { talkSeconds: 5, endedBy: 'star' } }));
    expect(trace.result.endedBy).toBe('time-limit');
    expect(trace.assumptions.join(' ')).toContain('interp.invalid-value: hangupOnStar="yes"');
  });
  it('timeLimit=120 hangs up on the called party after 120 s; the caller goes on to the next verb', () => {
    const trace = run('<Response><Dial timeLimit="120" action="/a">1</Dial></Response>', outcome([answer(5)], { bridge: { talkSeconds: 500, endedBy: 'callee-hangup' } }));
    expect(trace.result).toMatchObject({ endedBy: 'time-limit', talkSeconds: 120, dialCallDuration: 120 });
    expect(trace.requests[0]!.params.DialCallDuration).toBe('120');
    expect(trace.requests[0]!.at).toBe(125);
  });
  it('the default time limit is 14400 s', () => {
    expect(run('<Response><Dial>1</Dial></Response>', outcome([answer(5)], { bridge: { talkSeconds: 99999, endedBy: 'callee-hangup' } })).result.talkSeconds).toBe(14400);
  });
});

describe('seed §record, §recordingStatusCallback, §recordingTrack: the dual-channel examples', () => {
  const NUMBER_EXAMPLE = '<Response><Dial record="record-from-ringing-dual" recordingStatusCallback="www.myexample.com"><Number>+15558675310</Number></Dial></Response>';
  const CONFERENCE_EXAMPLE = '<Response><Dial record="record-from-ringing-dual" recordingStatusCallback="www.myexample.com"><Conference>myteamroom</Conference></Dial></Response>';
  for (const [name, xml] of [['<Number>', NUMBER_EXAMPLE], ['<Conference>', CONFERENCE_EXAMPLE]] as const) {
    it(`${name}: one completed callback, 2 channels, parent CallSid, RecordingSource=DialVerb, recording from the start of ringing`, () => {
      const trace = run(xml, outcome([answer(6)], { bridge: { talkSeconds: 30, endedBy: 'callee-hangup' } }));
      expect(kinds(trace)).toEqual(['recordingStatusCallback']);
      const callback = trace.requests[0]!;
      expect(callback.url).toBe('http://example.com/www.myexample.com');
      expect(callback.expectsTwiml).toBe(false);
      expect(callback.params).toMatchObject({
        CallSid: 'CA00000000000000000000000000000001', AccountSid: 'AC00000000000000000000000000000001', RecordingStatus: 'completed',
        RecordingChannels: '2', RecordingDuration: '36', RecordingSource: 'DialVerb', RecordingStartTime: 'Thu, 01 Jan 2026 00:00:00 +0000',
      });
      expect(callback.params.RecordingSid).toMatch(/^RE[0-9a-f]{32}$/);
    });
  }
  it('recordingTrack=inbound (or outbound) → 1 channel even when dual', () => {
    for (const track of ['inbound', 'outbound']) {
      const trace = run(`<Response><Dial record="record-from-answer-dual" recordingTrack="${track}" recordingStatusCallback="/r">1</Dial></Response>`, outcome([answer(1)]));
      expect(trace.requests[0]!.params.RecordingChannels).toBe('1');
    }
  });
  it('mono modes → 1 channel; record-from-answer starts at the answer', () => {
    const trace = run('<Response><Dial record="record-from-answer" recordingStatusCallback="/r">1</Dial></Response>', outcome([answer(4)], { bridge: { talkSeconds: 10, endedBy: 'callee-hangup' } }));
    expect(trace.requests[0]!.params).toMatchObject({ RecordingChannels: '1', RecordingDuration: '10', RecordingStartTime: 'Thu, 01 Jan 2026 00:00:04 +0000' });
  });
  it('recordingStatusCallbackEvent selects in-progress / completed / absent', () => {
    const xml = '<Response><Dial record="true" recordingStatusCallback="/r" recordingStatusCallbackEvent="in-progress completed absent" recordingStatusCallbackMethod="GET">1</Dial></Response>';
    const ok = run(xml, outcome([answer(1)]));
    expect(ok.requests.map((request) => request.params.RecordingStatus)).toEqual(['in-progress', 'completed']);
    expect(ok.requests.every((request) => request.method === 'GET' && request.url.includes('RecordingStatus='))).toBe(true);
    const absent = run(xml, outcome([answer(1)], { recording: { status: 'absent' } }));
    expect(absent.requests.map((request) => request.params.RecordingStatus)).toEqual(['in-progress', 'absent']);
    expect(run(xml.replace('in-progress completed absent', 'in-progress'), outcome([answer(1)])).requests).toHaveLength(1);
  });
  it('an unusable recordingStatusCallback URL: the recording is made (RecordingUrl on the action) but nothing is sent (13256)', () => {
    const trace = run('<Response><Dial record="true" recordingStatusCallback="http://exa mple.com/r" action="/a">1</Dial></Response>', outcome([answer(1)]));
    expect(kinds(trace)).toEqual(['action']);
    expect(trace.requests[0]!.params).toHaveProperty('RecordingUrl');
    expect(trace.assumptions.join(' ')).toContain('13256');
  });
  it('no record → no recording callback, even with recordingStatusCallback', () => {
    expect(run('<Response><Dial recordingStatusCallback="/r" action="/a">1</Dial></Response>', outcome([answer(1)])).requests.map((request) => request.kind)).toEqual(['action']);
  });
  it('record-from-answer and no answer → nothing recorded, no RecordingUrl', () => {
    const trace = run('<Response><Dial record="true" recordingStatusCallback="/r" action="/a">1</Dial></Response>', outcome([ring]));
    expect(kinds(trace)).toEqual(['action']);
    expect(trace.requests[0]!.params).not.toHaveProperty('RecordingUrl');
  });
});

describe('seed §answerOnBridge', () => {
  it('takes effect only when <Dial> is the first verb', () => {
    expect(run('<Response><Dial answerOnBridge="true">1</Dial></Response>', outcome([answer(1)])).result.answerOnBridge).toBe(true);
    const later = run('<Response><Say>hi</Say><Dial answerOnBridge="true">1</Dial></Response>', outcome([answer(1)]));
    expect(later.result.answerOnBridge).toBe(false);
    expect(later.assumptions.join(' ')).toContain('not the first verb');
  });
});

describe('seed §referUrl', () => {
  it('a REFER while bridged requests referUrl with ReferTransferTarget and the standard parameters', () => {
    const trace = run('<Response><Dial referUrl="https://example.com/handler"><Sip>sip:AgentA@xyz.sip.us1.twilio.com</Sip></Dial></Response>',
      outcome([answer(2)], { refer: { afterSeconds: 10, transferTarget: 'sip:B@example.com' } }));
    expect(kinds(trace)).toEqual(['referUrl']);
    expect(trace.requests[0]).toMatchObject({ method: 'POST', url: 'https://example.com/handler', at: 12, expectsTwiml: true });
    expect(trace.requests[0]!.params).toMatchObject({ ReferTransferTarget: 'sip:B@example.com', CallSid: 'CA00000000000000000000000000000001', CallStatus: 'in-progress' });
  });
  it('no referUrl → no request (error 13802)', () => {
    const trace = run('<Response><Dial><Sip>sip:a@b.c</Sip></Dial></Response>', outcome([answer(2)], { refer: { afterSeconds: 1, transferTarget: 'x' } }));
    expect(trace.requests).toEqual([]);
    expect(trace.assumptions.join(' ')).toContain('13802');
  });
});

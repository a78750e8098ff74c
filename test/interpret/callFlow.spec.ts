/** Parallel and sequential ringing, queues, caller hangups, child-leg status callbacks, determinism. */
import { describe, expect, it } from 'vitest';
import { interpret } from '../../reference/index.js';
import { answer, busy, doc, DOC_URL, fail, kinds, outcome, REQUEST, ring, run } from './helpers.js';

const TWO = '<Response><Dial action="/a"><Number statusCallback="/s">+1</Number><Number statusCallback="/s">+2</Number></Dial></Response>';

describe('parallel dialing (facts §2.1: first answer wins, the others end)', () => {
  it('the first to answer wins; the other leg is canceled at that moment', () => {
    const trace = run(TWO, outcome([answer(8), answer(3)]));
    expect(trace.result).toMatchObject({ answeredLeg: 1, ringSeconds: 3, bridged: true });
    const completed = trace.requests.filter((request) => request.kind === 'statusCallback');
    expect(completed.map((request) => [request.params.To, request.params.CallStatus, request.at])).toEqual([['+2', 'completed', 63], ['+1', 'canceled', 3]].sort((a, b) => (a[2] as number) - (b[2] as number)));
  });
  it('a busy leg does not end the dial while another still rings', () => {
    const trace = run(TWO, outcome([busy(1), answer(10)]));
    expect(trace.result).toMatchObject({ dialCallStatus: 'completed', answeredLeg: 1 });
  });
  it('no answer: the status of the last leg to end (option unansweredParallelStatus)', () => {
    expect(run(TWO, outcome([busy(1), ring])).result.dialCallStatus).toBe('no-answer');
    expect(run(TWO, outcome([busy(1), fail(2)])).result.dialCallStatus).toBe('failed');
    expect(run(TWO, outcome([busy(3), fail(2)]), { unansweredParallelStatus: 'no-answer-first' }).result.dialCallStatus).toBe('busy');
  });
});

describe('sequential="true" (facts §1.1), timeout per leg or shared (option sequentialTimeout)', () => {
  const SEQ = '<Response><Dial sequential="true" timeout="10" action="/a"><Number>+1</Number><Number>+2</Number><Number>+3</Number></Dial></Response>';
  it('per-leg (default): each leg rings up to timeout + 5 s', () => {
    const trace = run(SEQ, outcome([ring, busy(2), answer(4)]));
    expect(trace.result).toMatchObject({ answeredLeg: 2, ringSeconds: 15 + 2 + 4 });
  });
  it('shared: the whole <Dial> gives up at timeout + 5 s', () => {
    const trace = run(SEQ, outcome([ring, busy(2), answer(4)]), { sequentialTimeout: 'shared' });
    expect(trace.result).toMatchObject({ dialCallStatus: 'no-answer', ringSeconds: 15, bridged: false });
  });
  it('legs after the answer are never dialed', () => {
    const trace = run('<Response><Dial sequential="true"><Number statusCallback="/s">+1</Number><Number statusCallback="/s">+2</Number></Dial></Response>', outcome([answer(1), answer(1)]));
    expect(trace.requests.map((request) => request.params.To)).toEqual(['+1']);
  });
});

describe('<Queue> (facts §2.6)', () => {
  it('an empty queue waits until timeout (+5 s): no-answer', () => {
    expect(run('<Response><Dial timeout="20"><Queue>support</Queue></Dial></Response>', outcome([ring])).result).toMatchObject({ dialCallStatus: 'no-answer', ringSeconds: 25 });
  });
  it('a non-existent queue: failed, posted to the action', () => {
    const trace = run('<Response><Dial action="/a"><Queue>nope</Queue></Dial></Response>', outcome([fail(0)]));
    expect(trace.requests[0]!.params.DialCallStatus).toBe('failed');
  });
  it('queue url is requested for the dequeued caller with QueueSid, CallSid, QueueTime, DequeingCallSid', () => {
    const trace = run('<Response><Dial><Queue url="about_to_connect.xml" method="GET">support</Queue></Dial></Response>', outcome([{ response: { kind: 'answer', afterSeconds: 2 }, queueWaitSeconds: 40 }]));
    expect(kinds(trace)).toEqual(['url']);
    expect(trace.requests[0]!.url.startsWith('http://example.com/about_to_connect.xml?')).toBe(true);
    expect(Object.keys(trace.requests[0]!.params)).toEqual(expect.arrayContaining(['QueueSid', 'CallSid', 'QueueTime', 'DequeingCallSid']));
    expect(trace.requests[0]!.params.QueueTime).toBe('40');
    expect(trace.requests[0]!.params.DequeingCallSid).toBe(REQUEST.CallSid);
    expect(trace.requests[0]!.params.CallSid).not.toBe(REQUEST.CallSid);
  });
});

describe('the caller hangs up (seed: the session ends, no further verbs run)', () => {
  const XML = '<Response><Dial action="/a">1</Dial><Say>never</Say></Response>';
  it('while ringing, with action: the action is requested with CallStatus=completed and its answer discarded (default)', () => {
    const trace = run(XML, outcome([ring], { callerHangupWhileRingingAt: 4 }));
    expect(trace.requests[0]!.params).toMatchObject({ CallStatus: 'completed', DialCallStatus: 'canceled', DialBridged: 'false' });
    expect(trace.next.kind).toBe('hangup');
  });
  it('option callerHangupAction=no-request: no request at all', () => {
    expect(run(XML, outcome([ring], { callerHangupWhileRingingAt: 4 }), { callerHangupAction: 'no-request' }).requests).toEqual([]);
  });
  it('option callerHangupRingingStatus=no-answer', () => {
    expect(run(XML, outcome([ring], { callerHangupWhileRingingAt: 4 }), { callerHangupRingingStatus: 'no-answer' }).result.dialCallStatus).toBe('no-answer');
  });
  it('while bridged: DialCallStatus=completed, then hangup', () => {
    const trace = run(XML, outcome([answer(2)], { bridge: { talkSeconds: 7, endedBy: 'caller-hangup' } }));
    expect(trace.requests[0]!.params).toMatchObject({ DialCallStatus: 'completed', CallStatus: 'completed', DialCallDuration: '7' });
    expect(trace.next).toMatchObject({ kind: 'hangup' });
  });
  it('a hangup after the answer time does not count as a hangup while ringing', () => {
    expect(run(XML, outcome([answer(2)], { callerHangupWhileRingingAt: 5 })).result.bridged).toBe(true);
  });
});

describe('child-leg statusCallback (facts §4.2)', () => {
  const ALL = '<Response><Dial><Number statusCallback="https://e.com/cb" statusCallbackEvent="initiated ringing answered completed">+14155555555</Number></Dial></Response>';
  it('all four events, in order, SequenceNumber from 0, ParentCallSid, CallbackSource, RFC 2822 Timestamp from the virtual clock', () => {
    const trace = run(ALL, outcome([answer(5)], { bridge: { talkSeconds: 20, endedBy: 'callee-hangup' } }));
    expect(trace.requests.map((request) => [request.params.CallStatus, request.params.SequenceNumber, request.at])).toEqual([
      ['initiated', '0', 0], ['ringing', '1', 0], ['in-progress', '2', 5], ['completed', '3', 25],
    ]);
    for (const request of trace.requests) {
      expect(request.params).toMatchObject({ ParentCallSid: REQUEST.CallSid, CallbackSource: 'call-progress-events', Direction: 'outbound-dial' });
      expect(request.expectsTwiml).toBe(false);
      expect(request.nounPath).toBe('/Response/Dial[1]/Number[1]');
    }
    expect(trace.requests[3]!.params).toMatchObject({ Timestamp: 'Thu, 01 Jan 2026 00:00:25 +0000', CallDuration: '20' });
  });
  it('only completed by default; a busy leg reports busy', () => {
    const trace = run('<Response><Dial><Number statusCallback="/cb">+1</Number></Dial></Response>', outcome([busy(2)]));
    expect(trace.requests.map((request) => request.params.CallStatus)).toEqual(['busy']);
  });
  it('option epochMs moves the clock', () => {
    const trace = run(ALL, outcome([answer(5)]), { epochMs: Date.UTC(2010, 7, 20, 1, 13, 37) });
    expect(trace.requests[2]!.params.Timestamp).toBe('Fri, 20 Aug 2010 01:13:42 +0000');
  });
  it('bare numbers and conferences have no statusCallback', () => {
    expect(run('<Response><Dial><Conference statusCallback="/c">r</Conference></Dial></Response>', outcome([answer(1)])).requests).toEqual([]);
  });
  it('noun url (whisper) is fetched on the answered leg only', () => {
    const trace = run('<Response><Dial><Number url="/w1">+1</Number><Number url="/w2" method="GET">+2</Number></Dial></Response>', outcome([ring, answer(3)]));
    expect(kinds(trace)).toEqual(['url']);
    expect(trace.requests[0]).toMatchObject({ method: 'GET', at: 3, expectsTwiml: true });
    expect(trace.requests[0]!.url.startsWith('http://example.com/w2?')).toBe(true);
  });
});

describe('determinism and identifiers', () => {
  const XML = '<Response><Dial action="/a" record="true" recordingStatusCallback="/r"><Number statusCallback="/s" statusCallbackEvent="initiated completed">+1</Number><Sip>sip:a@b.c</Sip></Dial></Response>';
  it('the same input gives the same trace; another seed gives other SIDs', () => {
    const input = { document: doc(XML), documentUrl: DOC_URL, request: {}, outcome: outcome([ring, answer(4)]), seed: 7 };
    const first = interpret(input);
    expect(interpret(input)).toEqual(first);
    expect(JSON.stringify(interpret({ ...input, seed: 8 }))).not.toBe(JSON.stringify(first));
    const action = first.requests.find((request) => request.kind === 'action')!;
    expect(action.params.CallSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(action.params.AccountSid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(action.params.DialCallSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(action.params.DialCallSid).not.toBe(action.params.CallSid);
  });
  it('dialIndex chooses the <Dial>; a non-<Dial> index is refused', () => {
    const two = doc('<Response><Dial>1</Dial><Dial action="/second">2</Dial></Response>');
    expect(interpret({ document: two, documentUrl: DOC_URL, request: {}, outcome: outcome([busy(1)]), dialIndex: 1 }).requests[0]!.url).toBe('http://example.com/second');
    expect(() => interpret({ document: doc('<Response><Say>x</Say></Response>'), documentUrl: DOC_URL, request: {}, outcome: outcome([]) })).toThrow(/no <Dial>/);
    expect(() => interpret({ document: two, documentUrl: '/relative', request: {}, outcome: outcome([]) })).toThrow(/absolute/);
  });
});

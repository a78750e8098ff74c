/**
 * Issue 11 audit of the interpreter: each case is a defect found by reading the sources against the
 * code, written to fail before its fix. The source of each expectation is named in the test title.
 */
import { describe, expect, it } from 'vitest';
import type { InterpretOptions } from '../../src/model/trace.js';
import { REQUEST, answer, busy, fail, outcome, run } from './helpers.js';

describe('audit: child-leg requests carry the child leg\'s parameters', () => {
  it('the noun url (whisper) request is on the child leg: child CallSid and ParentCallSid (facts §3.5, §2.2; https://www.twilio.com/docs/voice/twiml/number url)', () => {
    const trace = run('<Response><Dial><Number url="/whisper">+14155550100</Number></Dial></Response>', outcome([answer(3)]));
    const whisper = trace.requests.find((request) => request.kind === 'url');
    expect(whisper?.params).toMatchObject({ ParentCallSid: REQUEST.CallSid, Direction: 'outbound-dial', CallStatus: 'in-progress', To: '+14155550100' });
    expect(whisper?.params.CallSid).not.toBe(REQUEST.CallSid);
  });
  it('the <Client> url request carries ParentCallSid too (https://www.twilio.com/docs/voice/twiml/client url)', () => {
    const trace = run('<Response><Dial><Client url="/w">joey</Client></Dial></Response>', outcome([answer(1)]));
    expect(trace.requests.find((request) => request.kind === 'url')?.params).toMatchObject({ ParentCallSid: REQUEST.CallSid, To: 'client:joey' });
  });
  it('the <Queue> url request carries the standard parameters of the dequeued call besides QueueSid, CallSid, QueueTime, DequeingCallSid (https://www.twilio.com/docs/voice/twiml/queue)', () => {
    const trace = run('<Response><Dial><Queue url="/about">support</Queue></Dial></Response>', outcome([{ response: { kind: 'answer', afterSeconds: 1 }, queueWaitSeconds: 12 }]));
    const params = trace.requests.find((request) => request.kind === 'url')?.params;
    expect(params).toMatchObject({ QueueTime: '12', DequeingCallSid: REQUEST.CallSid, CallStatus: 'in-progress' });
    expect(params).toHaveProperty('QueueSid');
  });
});

describe('audit: E.164 on child legs', () => {
  it('an unformatted US number is reported in E.164 as the child leg\'s To (https://www.twilio.com/docs/voice/twiml/number; facts §3.5)', () => {
    const trace = run('<Response><Dial><Number statusCallback="/s" url="/w">(415) 123-4567</Number></Dial></Response>', outcome([answer(2)]));
    for (const request of trace.requests) expect(request.params.To).toBe('+14151234567');
  });
  it('a bare number too, and a callerId written unformatted is the child\'s From in E.164', () => {
    const trace = run('<Response><Dial callerId="858-987-6543"><Number statusCallback="/s">1 415 123 4567</Number></Dial></Response>', outcome([answer(2)]));
    expect(trace.requests[0]?.params).toMatchObject({ To: '+14151234567', From: '+18589876543' });
  });
  it('what cannot be normalised stays as written', () => {
    const trace = run('<Response><Dial><Number statusCallback="/s">12345</Number></Dial></Response>', outcome([answer(2)]));
    expect(trace.requests[0]?.params.To).toBe('12345');
  });
});

describe('audit: <Application copyParentTo>', () => {
  it('copyParentTo="true": the child leg\'s To is the parent\'s To, not the App SID (https://www.twilio.com/docs/voice/twiml/dial/application; facts §2.7)', () => {
    const xml = (copy: string): string => `<Response><Dial><Application copyParentTo="${copy}" statusCallback="/s"><ApplicationSid>AP00000000000000000000000000000001</ApplicationSid></Application></Dial></Response>`;
    expect(run(xml('true'), outcome([answer(1)])).requests[0]?.params.To).toBe(REQUEST.To);
    expect(run(xml('false'), outcome([answer(1)])).requests[0]?.params.To).toBe('AP00000000000000000000000000000001');
  });
});

describe('audit: what the seed promises without saying', () => {
  it('"additional parameters" to the action after a <Queue> are not named anywhere: a not-modelled note, no invented parameter (seed §action)', () => {
    const trace = run('<Response><Dial action="/a"><Queue>support</Queue></Dial></Response>', outcome([answer(1)]));
    expect(trace.assumptions.some((note) => note.startsWith('interp.queue.action-params:'))).toBe(true);
    expect(Object.keys(trace.requests[0]?.params ?? {}).filter((name) => name.startsWith('Queue'))).toEqual([]);
  });
});

describe('audit: record-from-ringing starts when the ringing begins (seed §record)', () => {
  const xml = (legs: string, extra = ''): string => `<Response><Dial record="record-from-ringing" recordingStatusCallback="/r" action="/a"${extra}>${legs}</Dial></Response>`;
  it('nothing rang (a busy signal at once): nothing recorded, no RecordingUrl', () => {
    const trace = run(xml('<Number>+14155550100</Number>'), outcome([{ response: { kind: 'busy', afterSeconds: 2 } }]));
    expect(trace.requests.map((request) => request.kind)).toEqual(['action']);
    expect(trace.requests[0]?.params).not.toHaveProperty('RecordingUrl');
  });
  it('sequential: the first leg fails at once, the second rings from its start: the recording starts there', () => {
    const trace = run(xml('<Number>+14155550100</Number><Number>+14155550101</Number>', ' sequential="true"'), outcome([{ response: { kind: 'fail', afterSeconds: 3 } }, answer(4)]));
    const callback = trace.requests.find((request) => request.kind === 'recordingStatusCallback');
    expect(callback?.params.RecordingStartTime).toBe('Thu, 01 Jan 2026 00:00:03 +0000');
  });
  it('busyLegRang=from-dial: the busy leg rang from its dialing, so the recording runs from t=0 to the busy signal', () => {
    const busyLeg = outcome([{ response: { kind: 'busy', afterSeconds: 2 } }]);
    const trace = run(xml('<Number>+14155550100</Number>'), busyLeg, { busyLegRang: 'from-dial' });
    expect(trace.requests.map((request) => request.kind)).toEqual(['action', 'recordingStatusCallback']);
    expect(trace.requests[0]?.params.DialCallStatus).toBe('busy');
    expect(trace.requests[0]?.params.RecordingUrl).toMatch(/\/Recordings\/RE/);
    expect(trace.requests[1]?.params.RecordingDuration).toBe('2');
    expect(trace.assumptions.some((note) => note.startsWith('interp.busy-leg.rang: leg 0 is refused (busy); option busyLegRang=from-dial'))).toBe(true);
  });
  it('sequential with busyLegRang=from-dial: the failed first leg rang, so the recording starts at t=0', () => {
    const legs = '<Number>+14155550100</Number><Number>+14155550101</Number>';
    const trace = run(xml(legs, ' sequential="true"'), outcome([fail(3), answer(4)]), { busyLegRang: 'from-dial' });
    const callback = trace.requests.find((request) => request.kind === 'recordingStatusCallback');
    expect(callback?.params.RecordingStartTime).toBe('Thu, 01 Jan 2026 00:00:00 +0000');
  });
  it('the option also decides the busy leg\'s ringing status callback; it is noted only where it matters', () => {
    const withRinging = '<Response><Dial><Number statusCallback="/s" statusCallbackEvent="ringing completed">+14155550100</Number></Dial></Response>';
    const statuses = (options: InterpretOptions): (string | undefined)[] => run(withRinging, outcome([busy(2)]), options).requests.filter((request) => request.kind === 'statusCallback').map((request) => request.params.CallStatus);
    expect(statuses({})).toEqual(['busy']);
    expect(statuses({ busyLegRang: 'from-dial' })).toEqual(['ringing', 'busy']);
    const plain = run('<Response><Dial>+14155550100</Dial></Response>', outcome([busy(2)]));
    expect(plain.assumptions.filter((note) => note.startsWith('interp.busy-leg.rang'))).toEqual([]);
  });
});

describe('audit: statusCallbackEvent defaults where the sources contradict (facts §8.6)', () => {
  it('<Client> without statusCallbackEvent: completed by default, nothing with statusCallbackEventDefault=none; <Number> always completed', () => {
    const client = '<Response><Dial><Client statusCallback="/s">joey</Client></Dial></Response>';
    expect(run(client, outcome([answer(1)])).requests.map((request) => request.params.CallStatus)).toEqual(['completed']);
    expect(run(client, outcome([answer(1)]), { statusCallbackEventDefault: 'none' }).requests).toEqual([]);
    const number = '<Response><Dial><Number statusCallback="/s">+14155550100</Number></Dial></Response>';
    expect(run(number, outcome([answer(1)]), { statusCallbackEventDefault: 'none' }).requests).toHaveLength(1);
  });
});

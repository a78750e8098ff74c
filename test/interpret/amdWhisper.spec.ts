/** Answering machine detection on <Number>/<Sip>, and the whisper (noun url TwiML) before the bridge. */
import { describe, expect, it } from 'vitest';
import type { LegOutcome } from '../../src/model/outcome.js';
import { REQUEST, kinds, outcome, run } from './helpers.js';

const answered = (extra: Partial<LegOutcome> = {}): LegOutcome => ({ response: { kind: 'answer', afterSeconds: 4 }, ...extra });
const AMD = '<Response><Dial action="/a"><Number machineDetection="Enable" amdStatusCallback="/amd" url="/w">+14155550100</Number></Dial></Response>';

describe('AMD on <Number> (https://www.twilio.com/docs/voice/twiml/number; https://www.twilio.com/docs/voice/answering-machine-detection)', () => {
  it('async (default): one amdStatusCallback with the child CallSid, AnsweredBy and MachineDetectionDuration in ms; the url request has no AnsweredBy', () => {
    const trace = run(AMD, outcome([answered({ amd: { answeredBy: 'machine_start', afterMs: 2500 } })]));
    const amd = trace.requests.find((request) => request.kind === 'amdStatusCallback');
    expect(amd).toMatchObject({ method: 'POST', url: 'http://example.com/amd', at: 6.5, expectsTwiml: false, nounPath: '/Response/Dial[1]/Number[1]' });
    expect(amd?.params).toEqual({ AccountSid: REQUEST.AccountSid, CallSid: trace.requests.find((request) => request.kind === 'url')?.params.CallSid, AnsweredBy: 'machine_start', MachineDetectionDuration: '2500' });
    expect(trace.requests.find((request) => request.kind === 'url')?.params).not.toHaveProperty('AnsweredBy');
    expect(trace.result.dialCallStatus).toBe('completed');
  });
  it('past machineDetectionTimeout the verdict is unknown, at the timeout', () => {
    const xml = AMD.replace('machineDetection="Enable"', 'machineDetection="DetectMessageEnd" machineDetectionTimeout="5"');
    const amd = run(xml, outcome([answered({ amd: { answeredBy: 'machine_end_beep', afterMs: 9000 } })])).requests.find((request) => request.kind === 'amdStatusCallback');
    expect(amd?.params).toMatchObject({ AnsweredBy: 'unknown', MachineDetectionDuration: '5000' });
    expect(amd?.at).toBe(9);
  });
  it('amdStatusCallbackMethod="GET" puts the parameters in the query', () => {
    const amd = run(AMD.replace('amdStatusCallback="/amd"', 'amdStatusCallback="/amd" amdStatusCallbackMethod="GET"'), outcome([answered({ amd: { answeredBy: 'human', afterMs: 800 } })])).requests.find((request) => request.kind === 'amdStatusCallback');
    expect(amd?.url).toContain('/amd?AccountSid=');
    expect(amd?.url).toContain('AnsweredBy=human');
  });
  it('without amdStatusCallback: warning 21262 noted, no request (https://www.twilio.com/docs/api/errors/21262)', () => {
    const trace = run('<Response><Dial><Number machineDetection="Enable">+14155550100</Number></Dial></Response>', outcome([answered({ amd: { answeredBy: 'human', afterMs: 800 } })]));
    expect(trace.requests).toEqual([]);
    expect(trace.assumptions.some((note) => note.startsWith('interp.amd.no-callback:'))).toBe(true);
  });
  it('no machineDetection: no AMD request even with amdStatusCallback; an unanswered leg has none either', () => {
    expect(kinds(run('<Response><Dial><Number amdStatusCallback="/amd">+14155550100</Number></Dial></Response>', outcome([answered({ amd: { answeredBy: 'human', afterMs: 1 } })])))).toEqual([]);
    expect(kinds(run(AMD, outcome([{ response: { kind: 'busy', afterSeconds: 2 } }])))).toEqual(['action']);
  });
  it('the call ends before the verdict: nothing sent', () => {
    const trace = run(AMD, outcome([answered({ amd: { answeredBy: 'human', afterMs: 20000 } })], { bridge: { talkSeconds: 3, endedBy: 'callee-hangup' } }));
    expect(kinds(trace)).not.toContain('amdStatusCallback');
  });
  it('<Sip> takes machineDetection too', () => {
    const trace = run('<Response><Dial><Sip machineDetection="Enable" amdStatusCallback="/amd">sip:a@example.com</Sip></Dial></Response>', outcome([answered({ amd: { answeredBy: 'fax', afterMs: 1000 } })]));
    expect(trace.requests[0]?.params.AnsweredBy).toBe('fax');
  });
  it('option amdMode=sync: AnsweredBy on the url request, sent after the verdict; the bridge waits for it; no amdStatusCallback', () => {
    const trace = run(AMD, outcome([answered({ amd: { answeredBy: 'human', afterMs: 1500 } })]), { amdMode: 'sync' });
    expect(kinds(trace)).toEqual(['url', 'action']);
    expect(trace.requests[0]).toMatchObject({ at: 6, params: { AnsweredBy: 'human' } });
    expect(trace.requests[1]?.at).toBe(6 + 60);
  });
});

describe('whisper: the noun url TwiML before the bridge (https://www.twilio.com/docs/voice/twiml/number url)', () => {
  const WHISPER = '<Response><Dial action="/a"><Number url="/w" statusCallback="/s">+14155550100</Number></Dial><Say>x</Say></Response>';
  it('the bridge starts after the whisper; talk time and DialCallDuration are the bridged seconds', () => {
    const trace = run(WHISPER, outcome([answered({ whisper: { seconds: 7, hangup: false } })]));
    expect(trace.result).toMatchObject({ bridged: true, talkSeconds: 60, dialCallStatus: 'completed' });
    expect(trace.requests.find((request) => request.kind === 'action')?.at).toBe(4 + 7 + 60);
    expect(trace.requests.find((request) => request.kind === 'statusCallback')?.at).toBe(4 + 7 + 60);
  });
  it('a whisper that hangs up: never bridged, DialCallStatus=no-answer by default, DialBridged=false, the action at the hang-up', () => {
    const trace = run(WHISPER, outcome([answered({ whisper: { seconds: 5, hangup: true } })]));
    const action = trace.requests.find((request) => request.kind === 'action');
    expect(action?.params).toMatchObject({ DialCallStatus: 'no-answer', DialBridged: 'false', DialCallDuration: '0' });
    expect(action?.at).toBe(9);
    expect(trace.result).toMatchObject({ bridged: false, endedBy: 'whisper-hangup', callerOnLine: true });
    expect(trace.next).toMatchObject({ kind: 'action' });
  });
  it('option whisperHangupStatus=completed', () => {
    const trace = run(WHISPER, outcome([answered({ whisper: { seconds: 5, hangup: true } })]), { whisperHangupStatus: 'completed' });
    expect(trace.requests.find((request) => request.kind === 'action')?.params).toMatchObject({ DialCallStatus: 'completed', DialBridged: 'false' });
  });
  it('no url: the whisper outcome is ignored; a <Queue url> announcement cannot hang up', () => {
    expect(run('<Response><Dial action="/a">+14155550100</Dial></Response>', outcome([answered({ whisper: { seconds: 5, hangup: true } })])).result.bridged).toBe(true);
    expect(run('<Response><Dial action="/a"><Queue url="/q">s</Queue></Dial></Response>', outcome([answered({ whisper: { seconds: 5, hangup: true } })])).result.bridged).toBe(true);
  });
});

/** <Conference>'s own callbacks and waitUrl (https://www.twilio.com/docs/voice/twiml/conference). */
import { describe, expect, it } from 'vitest';
import type { ConferenceOutcome, LegOutcome } from '../../src/model/outcome.js';
import { REQUEST, kinds, outcome, run } from './helpers.js';

const joins = (conference?: ConferenceOutcome): LegOutcome => ({ response: { kind: 'answer', afterSeconds: 2 }, ...(conference === undefined ? {} : { conference }) });
const ROOM = (attributes: string): string => `<Response><Dial action="/a"><Conference statusCallback="/conf" ${attributes}>Room 1</Conference></Dial></Response>`;
const events = (xml: string, leg: LegOutcome, talk = 30): string[] =>
  run(xml, outcome([leg], { bridge: { talkSeconds: talk, endedBy: 'caller-hangup' } })).requests.filter((request) => request.kind === 'conferenceStatusCallback').map((request) => `${request.at}:${request.params.StatusCallbackEvent}`);

describe('<Conference statusCallback>', () => {
  it('a conference needs two participants: the first caller alone never starts it; a second joining starts it (page §conference-start)', () => {
    expect(events(ROOM('statusCallbackEvent="start end join leave"'), joins())).toEqual(['2:participant-join', '32:participant-leave']);
    expect(events(ROOM('statusCallbackEvent="start end join leave"'), joins({ startedAfterSeconds: 5 }))).toEqual(['2:participant-join', '7:conference-start', '32:participant-leave', '32:conference-end']);
  });
  it('the caller leaving last ends it: conference-end names its CallSid, label and reason (page §conference-callback-params)', () => {
    const end = (attributes: string, endedBy: 'caller-hangup' | 'callee-hangup' = 'caller-hangup') => run(ROOM(`statusCallbackEvent="end" ${attributes}`), outcome([joins({ startedAfterSeconds: 1 })], { bridge: { talkSeconds: 30, endedBy } }))
      .requests.find((request) => request.params.StatusCallbackEvent === 'conference-end')?.params;
    expect(end('')).toMatchObject({ CallSidEndingConference: REQUEST.CallSid, ReasonConferenceEnded: 'last-participant-left' });
    expect(end('endConferenceOnExit="true" participantLabel="agent"')).toMatchObject({ ReasonConferenceEnded: 'participant-with-end-conference-on-exit-left', ParticipantLabelEndingConference: 'agent' });
    expect(end('', 'callee-hangup')).not.toHaveProperty('CallSidEndingConference');
  });
  it('the first participant sets statusCallback: a caller joining a running conference sends nothing (page §conference-first-participant)', () => {
    const trace = run(ROOM('statusCallbackEvent="join leave"'), outcome([joins({ alreadyStarted: true })]));
    expect(kinds(trace)).toEqual(['action']);
    expect(trace.assumptions.some((note) => note.startsWith('interp.conference.first-participant:'))).toBe(true);
  });
  it('only the selected events; parameters of a participant event', () => {
    const trace = run(ROOM('statusCallbackEvent="join" statusCallbackMethod="GET" endConferenceOnExit="true"'), outcome([joins()]));
    const join = trace.requests.find((request) => request.kind === 'conferenceStatusCallback');
    expect(join?.method).toBe('GET');
    expect(join?.params).toMatchObject({
      FriendlyName: 'Room 1', AccountSid: REQUEST.AccountSid, StatusCallbackEvent: 'participant-join', SequenceNumber: '0', CallSid: REQUEST.CallSid,
      Muted: 'false', Hold: 'false', Coaching: 'false', EndConferenceOnExit: 'true', StartConferenceOnEnter: 'true', Timestamp: 'Thu, 01 Jan 2026 00:00:02 +0000',
    });
    expect(join?.params.ConferenceSid).toMatch(/^CF[0-9a-f]{32}$/);
    expect(join?.params).not.toHaveProperty('ParticipantLabel');
    const coached = run(ROOM('statusCallbackEvent="join" coach="CA00000000000000000000000000000001" participantLabel="customer"'), outcome([joins()])).requests[0]?.params;
    expect(coached).toMatchObject({ Coaching: 'true', ParticipantLabel: 'customer' });
    expect(kinds(trace)).toEqual(['conferenceStatusCallback', 'action']);
  });
  it('others remain when the caller leaves: no conference-end; endConferenceOnExit="true" ends it anyway', () => {
    expect(events(ROOM('statusCallbackEvent="end leave"'), joins({ othersRemain: true, startedAfterSeconds: 0 }))).toEqual(['32:participant-leave']);
    expect(events(ROOM('statusCallbackEvent="end leave" endConferenceOnExit="true"'), joins({ othersRemain: true, startedAfterSeconds: 0 }))).toEqual(['32:participant-leave', '32:conference-end']);
  });
  it('startConferenceOnEnter="false": no start until another participant starts it; a conference already running does not start again', () => {
    expect(events(ROOM('statusCallbackEvent="start" startConferenceOnEnter="false"'), joins())).toEqual([]);
    expect(events(ROOM('statusCallbackEvent="start" startConferenceOnEnter="false"'), joins({ startedAfterSeconds: 10 }))).toEqual(['12:conference-start']);
    expect(events(ROOM('statusCallbackEvent="start"'), joins({ alreadyStarted: true }))).toEqual([]);
  });
  it('mute, hold and speaker events from the outcome, with the participant state after each', () => {
    const xml = ROOM('statusCallbackEvent="mute hold speaker"');
    const leg = joins({ events: [{ afterSeconds: 5, kind: 'mute' }, { afterSeconds: 8, kind: 'hold' }, { afterSeconds: 9, kind: 'unmute' }, { afterSeconds: 100, kind: 'speech-start' }] });
    const trace = run(xml, outcome([leg], { bridge: { talkSeconds: 30, endedBy: 'caller-hangup' } }));
    const callbacks = trace.requests.filter((request) => request.kind === 'conferenceStatusCallback');
    expect(callbacks.map((request) => [request.params.StatusCallbackEvent, request.params.Muted, request.params.Hold])).toEqual([
      ['participant-mute', 'true', 'false'], ['participant-hold', 'true', 'true'], ['participant-unmute', 'false', 'true'],
    ]);
  });
  it('no statusCallbackEvent: nothing sent, a note says no source gives a default', () => {
    const trace = run(ROOM(''), outcome([joins()]));
    expect(kinds(trace)).toEqual(['action']);
    expect(trace.assumptions.some((note) => note.startsWith('interp.conference.events-default:'))).toBe(true);
  });
  it('the action after the conference: DialCallStatus=answered when the conference ends for the caller (seed §DialCallStatus)', () => {
    const trace = run(ROOM('statusCallbackEvent="end"'), outcome([joins({ startedAfterSeconds: 0 })], { bridge: { talkSeconds: 40, endedBy: 'callee-hangup' } }));
    expect(trace.requests.map((request) => `${request.at}:${request.kind}`)).toEqual(['42:conferenceStatusCallback', '42:action']);
    expect(trace.requests[1]?.params.DialCallStatus).toBe('answered');
  });
});

describe('<Conference waitUrl>', () => {
  it('a caller waiting for the start fetches waitUrl with its own standard parameters', () => {
    const trace = run('<Response><Dial><Conference startConferenceOnEnter="false" waitUrl="/hold" waitMethod="GET">Room 1</Conference></Dial></Response>', outcome([joins()]));
    expect(trace.requests).toHaveLength(1);
    expect(trace.requests[0]).toMatchObject({ kind: 'waitUrl', method: 'GET', at: 2, expectsTwiml: true, params: { CallSid: REQUEST.CallSid, CallStatus: 'in-progress', From: REQUEST.From } });
  });
  it('the first caller alone waits too, even with startConferenceOnEnter="true" (page §conference-start)', () => {
    expect(kinds(run('<Response><Dial><Conference waitUrl="/hold">Room 1</Conference></Dial></Response>', outcome([joins()])))).toEqual(['waitUrl']);
  });
  it('no wait when a second participant is there at the join or it already runs; the default hold music asks the app nothing', () => {
    expect(kinds(run('<Response><Dial><Conference waitUrl="/hold">Room 1</Conference></Dial></Response>', outcome([joins({ startedAfterSeconds: 0 })])))).toEqual([]);
    expect(kinds(run('<Response><Dial><Conference startConferenceOnEnter="false" waitUrl="/hold">Room 1</Conference></Dial></Response>', outcome([joins({ alreadyStarted: true })])))).toEqual([]);
    expect(kinds(run('<Response><Dial><Conference startConferenceOnEnter="false">Room 1</Conference></Dial></Response>', outcome([joins()])))).toEqual([]);
  });
});

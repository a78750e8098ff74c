/**
 * examples/mini-emulator played through carrier protocol v1 by a small harness (not the kit's
 * carrier): each case is a seed example or rule, checked on the real HTTP requests it makes.
 */
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverClient, loopbackApp, type DriverClient, type LoopbackApp, type Message, type Recorded } from './carrierHarness.js';

const DRIVER = ['examples/mini-emulator/driver.mjs'];
const PARAMS = {
  CallSid: 'CA00000000000000000000000000000001',
  AccountSid: 'AC00000000000000000000000000000001',
  From: '+14151234567',
  To: '+18589876543',
  CallStatus: 'ringing',
  ApiVersion: '2010-04-01',
  Direction: 'inbound',
};
const TOKEN = 'secret-token';

// One app and one driver process for every case (calls are played one at a time per driver), each
// case its own call cN with its documents under /cN/; results are shown with /c1/ for readability.
let app: LoopbackApp;
let driver: DriverClient;
let calls = 0;
beforeAll(async () => {
  app = await loopbackApp();
  driver = driverClient(process.execPath, DRIVER);
  const ready = await driver.exchange({ type: 'hello', protocol: 'dial-kit-carrier', version: 1 });
  expect(ready).toEqual({ type: 'ready', version: 1, name: 'mini-emulator', signs: true });
});
afterAll(async () => {
  await driver.close();
  await app.close();
});

interface Played {
  readonly requests: Recorded[];
  /** The driver's messages about this call. */
  readonly received: Message[];
  /** The driver's answer to start, then to each event. */
  readonly answers: Message[];
  readonly base: string;
  /** The call's real id, as in its URLs. */
  readonly id: string;
}

type Event = Record<string, unknown>;

/** Serves `voice` at /c1/voice (and `more` at their paths), places one call and plays `events`. */
async function play(voice: string, events: readonly Event[], more: Record<string, string> = {}): Promise<Played> {
  calls += 1;
  const id = `c${calls}`;
  const mine = (text: string): string => text.replaceAll('/c1/', `/${id}/`);
  app.documents.set(`/${id}/voice`, mine(voice));
  for (const [path, xml] of Object.entries(more)) app.documents.set(mine(path), mine(xml));
  const firstRequest = app.requests.length;
  const firstMessage = driver.received.length;
  const answers: Message[] = [];
  answers.push(await driver.exchange({ type: 'start', call: id, url: `${app.base}/${id}/voice`, method: 'POST', params: PARAMS, authToken: TOKEN }));
  let seq = 1;
  for (const event of events) {
    if (driver.received.slice(firstMessage).some((message) => message.type === 'ended')) break;
    answers.push(await driver.exchange({ type: 'event', call: id, seq, event }));
    seq += 1;
  }
  const requests = app.requests.slice(firstRequest).map((request) => ({ ...request, path: request.path.replace(`/${id}/`, '/c1/') }));
  const received = driver.received.slice(firstMessage).map((message) => (message.call === id ? { ...message, call: 'c1' } : message));
  return { requests, received, answers: answers.map((answer) => ({ ...answer, call: 'c1' })), base: app.base, id };
}

function paths(played: Played): string[] {
  return played.requests.map((request) => `${request.method} ${request.path}`);
}

function dialing(played: Played): Message[] {
  return played.received.filter((message) => message.type === 'dialing');
}

function only(played: Played, path: string): Recorded {
  const found = played.requests.filter((request) => request.path === path);
  expect(found).toHaveLength(1);
  return found[0] as Recorded;
}

const advance = (to: number): Event => ({ kind: 'advance', to });

describe('the protocol', () => {
  it('answers hello with ready, start with dialing then an ack at 0, and ends with ended', async () => {
    const played = await play('<Response><Dial>415-123-4567</Dial></Response>', [{ kind: 'busy', leg: '415-123-4567', nth: 0 }]);
    expect(played.received.map((message) => message.type)).toEqual(['dialing', 'ack', 'ended', 'ack']);
    expect(played.answers[0]).toEqual({ type: 'ack', call: 'c1', now: 0 });
    expect(dialing(played)[0]).toMatchObject({ legs: [{ leg: '415-123-4567', nth: 0, callSid: expect.stringMatching(/^CA[0-9a-f]{32}$/) }] });
  });
  it('refuses another protocol version, unknown messages and events for legs that do not exist', async () => {
    const other = driverClient(process.execPath, DRIVER);
    try {
      expect(await other.exchange({ type: 'hello', protocol: 'dial-kit-carrier', version: 2 })).toMatchObject({ type: 'error' });
      expect(await other.exchange({ type: 'nonsense' })).toMatchObject({ type: 'error', message: 'unknown message type "nonsense"' });
    } finally {
      await other.close();
    }
    const played = await play('<Response><Dial>1</Dial></Response>', [{ kind: 'answer', leg: '2', nth: 0 }]);
    expect(played.answers[1]).toMatchObject({ type: 'error', seq: 1, message: 'this <Dial> has no leg "2" #0' });
  });
  it('sends the first request as given and signs it (facts §5.1)', async () => {
    const played = await play('<Response><Hangup/></Response>', []);
    const first = only(played, '/c1/voice');
    expect(first.method).toBe('POST');
    expect(Object.fromEntries(first.form)).toEqual(PARAMS);
    const signed = `${played.base}/${played.id}/voice${Object.keys(PARAMS).sort().map((name) => name + PARAMS[name as keyof typeof PARAMS]).join('')}`;
    expect(first.headers['x-twilio-signature']).toBe(createHmac('sha1', TOKEN).update(signed).digest('base64'));
    expect(played.received.map((message) => message.type)).toEqual(['ended', 'ack']);
  });
  it('refuses a URL on another host: an error, no request', async () => {
    const played = await play('<Response><Dial action="http://192.0.2.1/a">1</Dial></Response>', [{ kind: 'busy', leg: '1', nth: 0 }]);
    expect(paths(played)).toEqual(['POST /c1/voice']);
    expect(played.received.find((message) => message.type === 'error')?.message).toMatch(/refusing to request http:\/\/192\.0\.2\.1\/a/);
  });
});

describe('seed: the Goodbye example and the GET action example', () => {
  const GOODBYE = '<Response><Dial>415-123-4567</Dial><Say>Goodbye</Say><Redirect>/c1/after</Redirect></Response>';
  it('busy → the next verbs run (Say, then the Redirect, POST by default)', async () => {
    const played = await play(GOODBYE, [{ kind: 'busy', leg: '415-123-4567', nth: 0 }]);
    expect(paths(played)).toEqual(['POST /c1/voice', 'POST /c1/after']);
    expect(only(played, '/c1/after').params.CallStatus).toBe('in-progress');
  });
  it('the caller hangs up while bridged → the call ends, no further verb runs', async () => {
    const played = await play(GOODBYE, [advance(5), { kind: 'answer', leg: '415-123-4567', nth: 0 }, advance(25), { kind: 'hangup', party: 'caller' }]);
    expect(paths(played)).toEqual(['POST /c1/voice']);
    expect(played.received.at(-2)).toEqual({ type: 'ended', call: 'c1', now: 25 });
  });
  it('GET action: the parameters in the query, the Say never runs', async () => {
    const xml = '<Response><Dial action="/c1/handleDialCallStatus?x=1" method="GET">415-123-4567</Dial><Say>I am unreachable</Say><Redirect>/c1/after</Redirect></Response>';
    const played = await play(xml, [advance(3), { kind: 'busy', leg: '415-123-4567', nth: 0 }]);
    expect(paths(played)).toEqual(['POST /c1/voice', 'GET /c1/handleDialCallStatus']);
    const action = only(played, '/c1/handleDialCallStatus');
    expect([...action.query.keys()].slice(0, 2)).toEqual(['x', 'CallSid']);
    expect(action.params).toMatchObject({ DialCallStatus: 'busy', DialBridged: 'false', DialCallDuration: '0', CallStatus: 'in-progress' });
    expect(action.params.DialCallSid).toBe((dialing(played)[0]?.legs as { callSid: string }[])[0]?.callSid);
  });
});

describe('seed §action, §DialCallStatus', () => {
  it('answered number: completed, DialCallSid of the announced child, DialCallDuration, DialBridged; the action takes over', async () => {
    const xml = '<Response><Dial action="next"><Number>+1</Number><Number>+2</Number></Dial><Redirect>/c1/after</Redirect></Response>';
    const played = await play(xml, [advance(4), { kind: 'answer', leg: '+2', nth: 0 }, advance(46), { kind: 'hangup', party: 'callee', leg: '+2', nth: 0 }], {
      '/c1/next': '<Response><Redirect method="GET">/c1/from-action</Redirect></Response>',
    });
    expect(paths(played)).toEqual(['POST /c1/voice', 'POST /c1/next', 'GET /c1/from-action']);
    const legs = dialing(played)[0]?.legs as { leg: string; callSid: string }[];
    expect(legs.map((leg) => leg.leg)).toEqual(['+1', '+2']);
    expect(only(played, '/c1/next').params).toMatchObject({ DialCallStatus: 'completed', DialCallSid: legs[1]?.callSid, DialCallDuration: '42', DialBridged: 'true' });
  });
  it('conference: answered, no DialCallSid, no DialCallDuration, no callSid announced', async () => {
    const xml = '<Response><Dial action="/c1/a"><Conference>Room &amp; 1</Conference></Dial></Response>';
    const played = await play(xml, [advance(1), { kind: 'answer', leg: 'Room & 1', nth: 0 }, advance(9), { kind: 'hangup', party: 'callee', leg: 'Room & 1', nth: 0 }]);
    expect(dialing(played)[0]?.legs).toEqual([{ leg: 'Room & 1', nth: 0 }]);
    const params = only(played, '/c1/a').params;
    expect(params).toMatchObject({ DialCallStatus: 'answered', DialBridged: 'true' });
    expect(params).not.toHaveProperty('DialCallSid');
    expect(params).not.toHaveProperty('DialCallDuration');
  });
  it('the caller hangs up while it rings: the action is requested (CallStatus completed, canceled) and its answer not run', async () => {
    const xml = '<Response><Dial action="/c1/a">1</Dial><Say>never</Say></Response>';
    const played = await play(xml, [advance(4), { kind: 'hangup', party: 'caller' }], { '/c1/a': '<Response><Redirect>/c1/never</Redirect></Response>' });
    expect(paths(played)).toEqual(['POST /c1/voice', 'POST /c1/a']);
    expect(only(played, '/c1/a').params).toMatchObject({ CallStatus: 'completed', DialCallStatus: 'canceled', DialBridged: 'false' });
  });
  it('a REST cancel: canceled, and the action takes over', async () => {
    const played = await play('<Response><Dial action="/c1/a">1</Dial></Response>', [advance(2), { kind: 'cancel' }]);
    expect(only(played, '/c1/a').params).toMatchObject({ CallStatus: 'in-progress', DialCallStatus: 'canceled' });
  });
  it('parallel legs that all fail to answer: the status of the last to end', async () => {
    const xml = '<Response><Dial action="/c1/a"><Number>+1</Number><Number>+2</Number></Dial></Response>';
    const played = await play(xml, [advance(1), { kind: 'busy', leg: '+1', nth: 0 }, advance(2), { kind: 'fail', leg: '+2', nth: 0 }]);
    expect(only(played, '/c1/a').params.DialCallStatus).toBe('failed');
  });
  it('<Sip>: DialSipCallId, DialSipResponseCode and DialSipHeader_* from the final response', async () => {
    const played = await play('<Response><Dial action="/c1/a"><Sip>sip:a@example.com</Sip></Dial></Response>', [
      { kind: 'sip-final', leg: 'sip:a@example.com', nth: 0, code: 486, callId: 'abc@host', headers: { 'X-Foo': 'bar' } },
      { kind: 'busy', leg: 'sip:a@example.com', nth: 0 },
    ]);
    expect(only(played, '/c1/a').params).toMatchObject({ DialCallStatus: 'busy', DialSipCallId: 'abc@host', DialSipResponseCode: '486', 'DialSipHeader_X-Foo': 'bar' });
  });
});

describe('seed §timeout, §timeLimit, §hangupOnStar, sequential', () => {
  it('timeout="10" gives up at 15 s: advance stops early there', async () => {
    const played = await play('<Response><Dial timeout="10" action="/c1/a">1</Dial></Response>', [advance(100)]);
    expect(played.answers[1]).toMatchObject({ type: 'ack', now: 15 });
    expect(only(played, '/c1/a').params.DialCallStatus).toBe('no-answer');
  });
  it('timeLimit="120" hangs up on the callee 120 s after the answer', async () => {
    const played = await play('<Response><Dial timeLimit="120" action="/c1/a">1</Dial></Response>', [advance(5), { kind: 'answer', leg: '1', nth: 0 }, advance(1000)]);
    expect(played.answers.at(-1)).toMatchObject({ now: 125 });
    expect(only(played, '/c1/a').params).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: '120' });
  });
  it('hangupOnStar: the caller\'s * ends the bridge and the next verb runs; without it * does nothing', async () => {
    const events = [advance(3), { kind: 'answer', leg: '1', nth: 0 }, advance(13), { kind: 'digits', party: 'caller', digits: '*' }];
    const star = await play('<Response><Dial hangupOnStar="true">1</Dial><Redirect>/c1/after</Redirect></Response>', events);
    expect(paths(star)).toEqual(['POST /c1/voice', 'POST /c1/after']);
    const ignored = await play('<Response><Dial>1</Dial><Redirect>/c1/after</Redirect></Response>', events);
    expect(paths(ignored)).toEqual(['POST /c1/voice']);
    expect(ignored.received.some((message) => message.type === 'ended')).toBe(false);
  });
  it('sequential="true": one dialing message per leg as each is tried', async () => {
    const xml = '<Response><Dial sequential="true" timeout="5"><Number>+1</Number><Number>+2</Number></Dial></Response>';
    const played = await play(xml, [advance(100), { kind: 'answer', leg: '+2', nth: 0 }]);
    expect(dialing(played).map((message) => (message.legs as { leg: string }[]).map((leg) => leg.leg))).toEqual([['+1'], ['+2']]);
    expect(played.answers[1]).toMatchObject({ now: 10 });
  });
});

describe('callbacks: child legs (facts §4.2) and the recording (seed §recordingStatusCallback)', () => {
  it('statusCallbackEvent selects the events; SequenceNumber counts from 0; a leg that lost the race reports canceled', async () => {
    const xml = '<Response><Dial><Number statusCallback="/cb/s" statusCallbackEvent="initiated ringing answered completed">+1</Number>'
      + '<Number statusCallback="/cb/s" statusCallbackMethod="GET">+2</Number></Dial></Response>';
    const played = await play(xml, [advance(5), { kind: 'answer', leg: '+1', nth: 0 }, advance(25), { kind: 'hangup', party: 'callee', leg: '+1', nth: 0 }]);
    const calls = played.requests.filter((request) => request.path === '/cb/s').map((request) => [request.method, request.params.To, request.params.CallStatus, request.params.SequenceNumber]);
    expect(calls).toEqual([
      ['POST', '+1', 'initiated', '0'], ['POST', '+1', 'ringing', '1'], ['POST', '+1', 'in-progress', '2'], ['GET', '+2', 'canceled', '0'], ['POST', '+1', 'completed', '3'],
    ]);
    const completed = played.requests.at(-1) as Recorded;
    expect(completed.params).toMatchObject({ CallDuration: '20', Timestamp: 'Thu, 01 Jan 2026 00:00:25 +0000', ParentCallSid: PARAMS.CallSid, Direction: 'outbound-dial' });
  });
  it('the dual-channel example: recordingStatusCallback="www.myexample.com" is relative; parent CallSid, 2 channels', async () => {
    const xml = '<Response><Dial record="record-from-ringing-dual" recordingStatusCallback="www.myexample.com" action="/c1/a"><Number>+15558675310</Number></Dial></Response>';
    const played = await play(xml, [advance(6), { kind: 'answer', leg: '+15558675310', nth: 0 }, advance(36), { kind: 'hangup', party: 'callee', leg: '+15558675310', nth: 0 }]);
    expect(paths(played)).toEqual(['POST /c1/voice', 'POST /c1/a', 'POST /c1/www.myexample.com']);
    const callback = only(played, '/c1/www.myexample.com').params;
    expect(callback).toMatchObject({ CallSid: PARAMS.CallSid, RecordingStatus: 'completed', RecordingChannels: '2', RecordingDuration: '36', RecordingSource: 'DialVerb' });
    expect(only(played, '/c1/a').params.RecordingUrl).toBe(callback.RecordingUrl);
  });
  it('referUrl: a REFER while bridged requests it with ReferTransferTarget', async () => {
    const xml = '<Response><Dial referUrl="/c1/refer"><Sip>sip:agent@example.com</Sip></Dial></Response>';
    const played = await play(xml, [advance(2), { kind: 'answer', leg: 'sip:agent@example.com', nth: 0 }, advance(12), { kind: 'refer', leg: 'sip:agent@example.com', nth: 0, target: 'sip:b@example.com' }]);
    expect(only(played, '/c1/refer').params).toMatchObject({ ReferTransferTarget: 'sip:b@example.com', CallStatus: 'in-progress', CallSid: PARAMS.CallSid });
  });
});

describe('independence', () => {
  it('the emulator imports nothing from the kit: only its own files, node: modules and fast-xml-parser', () => {
    const folder = 'examples/mini-emulator';
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.mjs'))) {
      const specifiers = [...readFileSync(`${folder}/${file}`, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
      for (const specifier of specifiers) expect(specifier, `${file} imports ${specifier}`).toMatch(/^(\.\/[\w.]+\.mjs|node:\w+|fast-xml-parser)$/);
    }
  });
});

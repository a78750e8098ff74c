import { sidFor } from '../../../reference/interpret/sid.js';
import type { DerivedRequest, DialTrace } from '../../model/trace.js';
import type { CallProblem } from './callProblem.js';
import type { DialPlan, CallPlay, PlayedRequest } from './playCall.js';
import type { ServedDocument, UrlTag } from './servedDocument.js';

export interface CompareSettings {
  /** Seconds a request time or a duration may differ from the reference's. */
  readonly toleranceSeconds: number;
  /** The seed the reference derived its identifiers from (to tell which leg an expected SID names). */
  readonly traceSeed: number;
  /** The start method of the call. */
  readonly method: 'GET' | 'POST';
}

/** Nouns whose statusCallback the reference derives. @see facts §4.2 */
const CALLBACK_NOUNS = new Set(['Number', 'Sip', 'Client', 'Application', 'WhatsApp']);
/** Action parameters whose presence depends on the case: sent when they should not be is a difference. @see seed §action */
const CONTROLLED = ['DialCallSid', 'DialCallDuration', 'RecordingUrl', 'DialSipCallId', 'DialSipResponseCode'];
const DURATIONS = new Set(['DialCallDuration', 'CallDuration', 'RecordingDuration']);
const DATES = new Set(['Timestamp', 'RecordingStartTime']);

/** The property a request to this tag is judged by, or undefined for URLs the reference does not model. */
function propertyOfTag(tag: UrlTag): string | undefined {
  if (tag.element === 'Dial' && tag.attribute === 'action') return 'INTERP-ACTION';
  if (tag.element === 'Dial' && tag.attribute === 'recordingStatusCallback') return 'INTERP-CALLBACKS';
  if (tag.element === 'Dial' && tag.attribute === 'referUrl') return 'INTERP-URL-REQUESTS';
  if (tag.attribute === 'statusCallback' && CALLBACK_NOUNS.has(tag.element)) return 'INTERP-CALLBACKS';
  if (tag.attribute === 'url' && tag.element !== 'Dial' && tag.element !== 'Conference') return 'INTERP-URL-REQUESTS';
  return undefined;
}

function tagOfPath(path: string, call: string): number | undefined {
  const match = new RegExp(`^/${call}/u([0-9]+)/`).exec(path);
  return match === null ? undefined : Number(match[1]);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Pairs requests of one URL by the event they report (CallStatus, RecordingStatus), else by position. */
function eventKey(params: Readonly<Record<string, string>> | ReadonlyMap<string, string>, tag: UrlTag): string {
  const get = (name: string): string | undefined => (params instanceof Map ? params.get(name) : (params as Record<string, string>)[name]);
  if (tag.attribute === 'statusCallback') return get('CallStatus') ?? '';
  if (tag.attribute === 'recordingStatusCallback') return get('RecordingStatus') ?? '';
  return '';
}

/** Request parameters as sent: the form body for POST, the query past the URL's own part for GET. */
function sentParams(request: PlayedRequest, ownQueryPairs: number): Map<string, string> {
  const list = request.method === 'GET' ? request.query.slice(ownQueryPairs) : request.form;
  const map = new Map<string, string>();
  for (const [name, value] of list) if (!map.has(name)) map.set(name, value);
  return map;
}

/**
 * Compares what a driver did in one call with the reference interpreter's trace of the served document
 * and the same outcome: which requests, their method, URL, parameters (presence and values; SIDs by
 * shape and consistency; durations and times within the tolerance), and what ran after the `<Dial>`.
 * Order is compared only where Twilio defines it: the events of one status callback URL.
 */
export function compareCall(play: CallPlay, trace: DialTrace, served: ServedDocument, plan: DialPlan, settings: CompareSettings): CallProblem[] {
  const problems: CallProblem[] = [];
  const add = (problem: CallProblem): void => {
    problems.push(problem);
  };
  if (play.failure !== undefined) {
    return [{ property: 'INTERP-DRIVER', kind: play.failure.kind, summary: play.failure.message }];
  }
  const call = play.call;
  const voicePath = new URL(served.documentUrl).pathname;
  const voice = play.requests.find((request) => request.path === voicePath);
  if (voice === undefined) {
    return [{ property: 'INTERP-REQUEST-SHAPE', kind: 'no-fetch', summary: `the interpreter never fetched the document at ${served.documentUrl}` }];
  }
  if (voice.method !== settings.method) {
    add({ property: 'INTERP-REQUEST-SHAPE', kind: 'voice-method', summary: `the document was fetched with ${voice.method}; the start message said ${settings.method}`, expected: settings.method, actual: voice.method });
  }
  const voiceParams = sentParams(voice, 0);
  for (const [name, value] of Object.entries(play.startParams)) {
    if (voiceParams.get(name) !== value) {
      add({
        property: 'INTERP-REQUEST-SHAPE',
        kind: `voice-param:${voiceParams.has(name) ? 'changed' : 'missing'}`,
        summary: `the document request ${voiceParams.has(name) ? 'changed' : 'left out'} the start parameter ${name}`,
        expected: `${name}=${value}`,
        actual: voiceParams.has(name) ? `${name}=${voiceParams.get(name) ?? ''}` : '(absent)',
      });
      break;
    }
  }
  for (const request of play.requests) {
    if (request.signature !== undefined && request.signature !== 'valid') {
      add({ property: 'INTERP-SIGNATURE', kind: `signature:${request.signature}`, summary: `the request ${request.method} ${request.path} has ${request.signature === 'missing' ? 'no' : 'a wrong'} X-Twilio-Signature`, actual: request.headers['x-twilio-signature'] ?? '(absent)' });
      break;
    }
  }
  const dialStart = play.dialStart;
  if (dialStart === undefined) {
    add({ property: 'INTERP-LEGS', kind: 'no-dialing', summary: 'the interpreter never announced dialing: the <Dial> did not run' });
    return problems;
  }
  for (const announced of play.dialing) {
    if (!plan.legs.some((leg) => leg.dialString === announced.leg && leg.nth === announced.nth)) {
      add({ property: 'INTERP-LEGS', kind: 'unknown-leg', summary: `the driver announced dialing ${JSON.stringify(announced.leg)} #${announced.nth}, which the <Dial> does not dial`, expected: plan.legs.map((leg) => `${leg.dialString} #${leg.nth}`).join(', ') });
      break;
    }
  }
  for (const announced of play.dialing) {
    const leg = plan.legs.find((entry) => entry.dialString === announced.leg && entry.nth === announced.nth);
    if (leg !== undefined && leg.leg.kind !== 'Conference' && leg.leg.kind !== 'Queue' && announced.callSid === undefined) {
      add({ property: 'INTERP-LEGS', kind: 'no-callsid', summary: `the driver announced dialing ${JSON.stringify(announced.leg)} without the child call's CallSid (only <Conference> and <Queue> have none)`, expected: 'callSid: CA…', actual: '(absent)' });
      break;
    }
  }
  const announcedSid = (legIndex: number): string | undefined => {
    const leg = plan.legs[legIndex];
    return leg === undefined ? undefined : play.dialing.find((entry) => entry.leg === leg.dialString && entry.nth === leg.nth)?.callSid;
  };
  const legOfSid = (sid: string): number | undefined => {
    for (let index = 0; index < plan.legs.length; index += 1) if (sidFor('CA', settings.traceSeed, `child:${index}`) === sid) return index;
    return undefined;
  };
  const sipFinal = (legIndex: number | undefined): { code: number; callId?: string } | undefined => {
    const leg = legIndex === undefined ? undefined : plan.legs[legIndex];
    if (leg === undefined) return undefined;
    const event = play.events.find((sent) => sent.event.kind === 'sip-final' && sent.event.leg === leg.dialString && sent.event.nth === leg.nth)?.event;
    return event?.kind === 'sip-final' ? { code: event.code, ...(event.callId === undefined ? {} : { callId: event.callId }) } : undefined;
  };

  // Group expected and recorded requests by the URL they went to.
  const expectedByTag = new Map<number, DerivedRequest[]>();
  for (const request of trace.requests) {
    const tag = tagOfPath(new URL(request.url).pathname, call);
    if (tag !== undefined) expectedByTag.set(tag, [...(expectedByTag.get(tag) ?? []), request]);
  }
  const recordedByTag = new Map<number, PlayedRequest[]>();
  for (const request of play.requests) {
    const tag = tagOfPath(request.path, call);
    if (tag !== undefined) recordedByTag.set(tag, [...(recordedByTag.get(tag) ?? []), request]);
    else if (request.path !== voicePath && !served.probePaths.includes(request.path)) {
      add({ property: 'INTERP-REQUEST-SHAPE', kind: 'stray', summary: `the interpreter requested ${request.method} ${request.url}, a URL the document never named (a relative URL resolved against the wrong base?)`, actual: request.url });
    }
  }
  const endedBy = trace.result.endedBy;
  const timingProperty = (request: DerivedRequest): string => (endedBy === 'timeout' && (request.kind === 'action' || request.at === trace.result.ringSeconds) ? 'INTERP-TIMEOUT-BUFFER' : 'INTERP-TIMING');

  for (const [tagNumber, tag] of served.tags) {
    const property = propertyOfTag(tag);
    if (property === undefined) continue;
    const expected = expectedByTag.get(tagNumber) ?? [];
    const recorded = [...(recordedByTag.get(tagNumber) ?? [])];
    const what = tag.element === 'Dial' ? `<Dial ${tag.attribute}>` : `<${tag.element} ${tag.attribute}> (${tag.nounPath ?? ''})`;
    const ownPairs = (request: DerivedRequest): number => {
      const pairs = [...new URL(request.url).searchParams].length;
      return request.method === 'GET' ? pairs - Object.keys(request.params).length : pairs;
    };
    for (const wanted of expected) {
      const key = eventKey(wanted.params, tag);
      const position = recorded.findIndex((request) => eventKey(sentParams(request, ownPairs(wanted)), tag) === key);
      if (position === -1) {
        const hungUp = wanted.kind === 'action' && !trace.result.callerOnLine;
        add({
          property: hungUp ? 'INTERP-CALLER-HANGUP' : property,
          kind: `${wanted.kind}:missing${key === '' ? '' : `:${key}`}`,
          summary: `no ${wanted.kind} request to ${what}${key === '' ? '' : ` for ${key}`}${hungUp ? ' after the caller hung up' : ''}; Twilio sends ${wanted.method} ${wanted.url.split('?')[0]} at t=${wanted.at}s of the <Dial>`,
          expected: describeRequest(wanted),
          actual: '(no request)',
        });
        continue;
      }
      const [got] = recorded.splice(position, 1) as [PlayedRequest];
      compareRequest(wanted, got, ownPairs(wanted), property, timingProperty(wanted));
    }
    // The protocol has no "ringing" event, so a driver cannot know that a leg which turns out busy or failed never
    // rang: a ringing callback Twilio would not send is not judged (and SequenceNumber is judged by its order).
    for (const extra of recorded.filter((request) => tag.attribute !== 'statusCallback' || sentParams(request, 0).get('CallStatus') !== 'ringing')) {
      add({
        property,
        kind: `${tag.attribute}:extra`,
        summary: `the interpreter requested ${what} (${extra.method} ${extra.path}) where Twilio sends no such request`,
        expected: '(no request)',
        actual: `${extra.method} ${extra.url}`,
      });
    }
  }

  // Each status callback URL numbers its requests 0, 1, 2… in the order they are sent. @see facts §4.2
  for (const [tagNumber, tag] of served.tags) {
    if (tag.attribute !== 'statusCallback' || propertyOfTag(tag) === undefined) continue;
    const numbers = (recordedByTag.get(tagNumber) ?? []).map((request) => sentParams(request, 0).get('SequenceNumber') ?? sentParams(request, request.query.length).get('SequenceNumber'));
    const numbered = numbers.map((value) => value ?? '(absent)');
    if (numbered.some((value, index) => value !== String(index))) {
      add({ property: 'INTERP-CALLBACKS', kind: 'statusCallback:SequenceNumber', summary: `the status callbacks of ${tag.nounPath ?? ''} are numbered ${numbered.join(', ')}; SequenceNumber counts 0, 1, 2… in sending order`, expected: numbers.map((_, index) => index).join(', '), actual: numbered.join(', ') });
    }
  }

  function compareRequest(wanted: DerivedRequest, got: PlayedRequest, ownPairs: number, property: string, timing: string): void {
    const isAction = wanted.kind === 'action';
    if (wanted.method !== got.method) {
      add({ property: isAction ? 'INTERP-ACTION-METHOD' : property, kind: `${wanted.kind}:method`, summary: `the ${wanted.kind} request was sent with ${got.method}; the document asks for ${wanted.method}`, expected: wanted.method, actual: got.method });
    }
    const wantedUrl = new URL(wanted.url);
    const wantedQuery = [...wantedUrl.searchParams].slice(0, ownPairs);
    const gotQuery = got.query.slice(0, ownPairs);
    if (decoded(wantedUrl.pathname) !== decoded(got.path) || JSON.stringify(wantedQuery) !== JSON.stringify(gotQuery)) {
      add({ property: 'INTERP-REQUEST-SHAPE', kind: `${wanted.kind}:url`, summary: `the ${wanted.kind} request went to ${got.url}; the document's URL resolves to ${wanted.url.split('?')[0]}`, expected: wanted.url, actual: got.url });
    }
    if (got.method === 'POST' && !/^application\/x-www-form-urlencoded\b/i.test(got.contentType ?? '')) {
      add({ property: 'INTERP-REQUEST-SHAPE', kind: `${wanted.kind}:encoding`, summary: `the ${wanted.kind} POST is not a form (Content-Type ${got.contentType ?? 'absent'})`, expected: 'application/x-www-form-urlencoded', actual: got.contentType ?? '(absent)' });
    }
    const params = sentParams(got, ownPairs);
    const propertyOf = (name: string): string => (!isAction ? property : name === 'DialCallStatus' ? 'INTERP-DIALCALLSTATUS' : name === 'DialCallSid' ? 'INTERP-DIALCALLSID' : 'INTERP-PARAMS');
    const decisive = wanted.params.DialCallSid === undefined ? undefined : legOfSid(wanted.params.DialCallSid);
    for (const [name, value] of Object.entries(wanted.params)) {
      // The SIP headers of a leg that rang out were never told to the driver (no sip-final event).
      if (name.startsWith('DialSipHeader_') && sipFinal(decisive) === undefined) continue;
      const actual = params.get(name);
      if (actual === undefined) {
        add({ property: propertyOf(name), kind: `${wanted.kind}:${name}:missing`, summary: `the ${wanted.kind} request lacks ${name} (Twilio sends ${name}=${value})`, expected: `${name}=${value}`, actual: '(absent)' });
        continue;
      }
      if (name === 'SequenceNumber') continue;
      const verdict = judgeValue(name, value, actual, wanted);
      if (verdict !== undefined) add({ property: propertyOf(name), kind: `${wanted.kind}:${name}:${verdict.kind}`, summary: `the ${wanted.kind} request has ${name}=${actual}; ${verdict.why}`, expected: verdict.expected, actual: `${name}=${actual}` });
    }
    if (isAction) {
      for (const name of CONTROLLED) {
        if (wanted.params[name] === undefined && params.has(name)) {
          add({ property: propertyOf(name), kind: `action:${name}:extra`, summary: `the action request has ${name}, which Twilio does not send in this case (seed §action)`, expected: '(absent)', actual: `${name}=${params.get(name) ?? ''}` });
        }
      }
    }
    if (got.at !== undefined && Math.abs(got.at - (dialStart as number) - wanted.at) > settings.toleranceSeconds) {
      add({
        property: timing,
        kind: `${wanted.kind}:time`,
        summary: `the ${wanted.kind} request came at t=${got.at - (dialStart as number)}s of the <Dial>; Twilio sends it at t=${wanted.at}s${timing === 'INTERP-TIMEOUT-BUFFER' ? ' (timeout plus the 5-second buffer)' : ''}`,
        expected: `t=${wanted.at}s`,
        actual: `t=${got.at - (dialStart as number)}s`,
      });
    }

    function judgeValue(name: string, value: string, actual: string, request: DerivedRequest): { kind: string; why: string; expected: string } | undefined {
      const exactly = (why = 'Twilio sends ' + `${name}=${value}`): { kind: string; why: string; expected: string } | undefined =>
        actual === value ? undefined : { kind: 'changed', why, expected: `${name}=${value}` };
      if (DURATIONS.has(name)) {
        return Math.abs(Number(actual) - Number(value)) <= settings.toleranceSeconds && /^[0-9]+$/.test(actual)
          ? undefined
          : { kind: 'duration', why: `Twilio sends ${value} (tolerance ${settings.toleranceSeconds} s)`, expected: `${name}=${value}` };
      }
      if (DATES.has(name)) return Number.isNaN(Date.parse(actual)) ? { kind: 'date', why: 'not an RFC 2822 date', expected: `${name}=<RFC 2822 date>` } : undefined;
      if (name === 'DialCallSid' || (name === 'CallSid' && value !== play.startParams.CallSid)) {
        const leg = name === 'DialCallSid' ? decisive : legOfSid(value);
        const announced = leg === undefined ? undefined : announcedSid(leg);
        if (announced !== undefined) return actual === announced ? undefined : { kind: 'not-child', why: `the driver announced the child leg's CallSid as ${announced}`, expected: `${name}=${announced}` };
        return /^CA[0-9a-fA-F]{32}$/.test(actual) ? undefined : { kind: 'shape', why: 'not a call SID (CA and 32 hex digits)', expected: `${name}=CA…` };
      }
      if (name === 'RecordingSid') return /^RE[0-9a-fA-F]{32}$/.test(actual) ? undefined : { kind: 'shape', why: 'not a recording SID', expected: `${name}=RE…` };
      if (name === 'QueueSid') return /^QU[0-9a-fA-F]{32}$/.test(actual) ? undefined : { kind: 'shape', why: 'not a queue SID', expected: `${name}=QU…` };
      if (name === 'QueueTime') return /^[0-9]+$/.test(actual) ? undefined : { kind: 'shape', why: 'not a number of seconds', expected: `${name}=<seconds>` };
      if (name === 'RecordingUrl') return /^https?:\/\/\S+$/.test(actual) ? undefined : { kind: 'shape', why: 'not an absolute URL', expected: `${name}=<URL>` };
      if (name === 'DialSipCallId') {
        const final = sipFinal(decisive);
        if (final?.callId !== undefined) return exactly(`the SIP final response carried Call-ID ${final.callId}`);
        return actual.trim() === '' ? { kind: 'shape', why: 'it is empty', expected: `${name}=<Call-ID>` } : undefined;
      }
      if (name === 'DialSipResponseCode') return sipFinal(decisive) === undefined ? (/^[1-6][0-9][0-9]$/.test(actual) ? undefined : { kind: 'shape', why: 'not a SIP code', expected: `${name}=<code>` }) : exactly();
      void request;
      return exactly();
    }
  }

  // What ran after the <Dial>: the probe redirect is the next verb.
  const probes = play.requests.filter((request) => served.probePaths.includes(request.path));
  const next = trace.next;
  const dialEnd = trace.result.ringSeconds + trace.result.talkSeconds;
  if (next.kind === 'continue') {
    const probe = probes[0];
    if (probe === undefined) {
      add({ property: 'INTERP-NEXT', kind: 'next:missing', summary: `the verb after the <Dial> never ran; without an action Twilio goes on with the next verb (here the kit's <Redirect> probe) when the <Dial> ends at t=${dialEnd}s`, expected: `POST ${served.probePaths[0] ?? ''}`, actual: play.endedAt === undefined ? '(nothing)' : `the call ended at t=${play.endedAt - dialStart}s` });
    } else if (probe.at !== undefined && Math.abs(probe.at - dialStart - dialEnd) > settings.toleranceSeconds) {
      const property = endedBy === 'timeout' ? 'INTERP-TIMEOUT-BUFFER' : 'INTERP-TIMING';
      add({ property, kind: 'next:time', summary: `the <Dial> ended at t=${probe.at - dialStart}s of the <Dial>; Twilio ends it at t=${dialEnd}s${property === 'INTERP-TIMEOUT-BUFFER' ? ' (timeout plus the 5-second buffer)' : ''}`, expected: `t=${dialEnd}s`, actual: `t=${probe.at - dialStart}s` });
    }
  } else if (probes.length > 0) {
    const callerGone = !trace.result.callerOnLine;
    add({
      property: callerGone ? 'INTERP-CALLER-HANGUP' : 'INTERP-AFTER-ACTION',
      kind: callerGone ? 'next:after-hangup' : 'next:after-action',
      summary: callerGone
        ? 'the verb after the <Dial> ran although the caller had hung up'
        : 'the verb after the <Dial> ran although the <Dial> has an action: the action\'s answer takes over and verbs after <Dial> are unreachable',
      expected: next.kind === 'action' ? 'the action answer (<Hangup/>) runs' : 'the call ends',
      actual: `POST ${probes[0]?.path ?? ''}`,
    });
  }
  return problems;
}

/** One request as a line: method, URL without the parameters, and the parameters. */
export function describeRequest(request: { readonly method: string; readonly url: string; readonly params: Readonly<Record<string, string>> }): string {
  const base = request.method === 'GET' ? request.url.split('?')[0] : request.url;
  return `${request.method} ${base ?? request.url} ${Object.entries(request.params).map(([name, value]) => `${name}=${value}`).join('&')}`;
}

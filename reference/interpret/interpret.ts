import type { DialVerb } from '../../src/model/dial.js';
import type { TwimlDocument } from '../../src/model/document.js';
import type { DerivedRequest, DialCallStatus, DialResult, DialTrace, InterpretInput, NextStep } from '../../src/model/trace.js';
import { dialedLegs } from '../legs.js';
import { bridge, type BridgePhase } from './bridge.js';
import { actionRequest } from './actionRequest.js';
import { amdRequest, amdVerdict } from './amd.js';
import { preBridge } from './preBridge.js';
import { conferenceCallbacks, waitUrlRequest } from './conferenceCallbacks.js';
import { resolvedHref } from './derivedRequest.js';
import { legCallbacks, type Timed } from './legCallbacks.js';
import { nounUrl } from './nounUrl.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { recordingCallbacks, recordingOf } from './recording.js';
import { referRequest } from './referRequest.js';
import { ringLegs, type RingPhase } from './ringLegs.js';
import { dialSettings } from './settings.js';
import { e164 } from './e164.js';
import { sidFor } from './sid.js';

/** Index of the `<Dial>` to interpret: the one asked for, else the first. */
function dialAt(document: TwimlDocument, dialIndex: number | undefined): { dial: DialVerb; index: number } {
  const index = dialIndex ?? document.verbs.findIndex((verb) => verb.kind === 'Dial');
  const verb = document.verbs[index];
  if (verb === undefined || verb.kind !== 'Dial') throw new TypeError(dialIndex === undefined ? 'the document has no <Dial>' : `verb ${dialIndex} is not a <Dial>`);
  return { dial: verb, index };
}

/**
 * @see seed §DialCallStatus (completed; answered for a conference; busy; no-answer; failed; canceled) — rule interp.dial-call-status
 */
function dialCallStatus(ring: RingPhase, options: ResolvedOptions): DialCallStatus {
  switch (ring.end) {
    case 'answer':
      return ring.answered?.leg.kind === 'Conference' ? 'answered' : 'completed';
    case 'busy':
      return 'busy';
    case 'failed':
    case 'no-legs':
      return 'failed';
    case 'timeout':
      return 'no-answer';
    case 'canceled':
      return 'canceled';
    case 'caller-hangup-ringing':
      // rule interp.caller-hangup.status: no source names it (option callerHangupRingingStatus)
      return options.callerHangupRingingStatus;
  }
}

/** Which top-level verb runs after the `<Dial>`, if any. */
function nextVerb(document: TwimlDocument, dialIndex: number): NextStep {
  for (let index = dialIndex + 1; index < document.verbs.length; index += 1) {
    const verb = document.verbs[index];
    if (verb === undefined || verb.kind === 'text') continue;
    return { kind: 'continue', verbIndex: index, verbName: verb.kind === 'Dial' ? 'Dial' : verb.name };
  }
  return { kind: 'hangup', reason: 'no verb follows the <Dial>' };
}

/**
 * Derives everything Twilio does for one `<Dial>`: the requests it sends, the `<Dial>` result and
 * what runs next. Pure and deterministic: identifiers come from `seed`, times from a virtual clock.
 */
export function interpret(input: InterpretInput): DialTrace {
  const options = resolveOptions(input.options);
  if (resolvedHref('', input.documentUrl) === undefined) throw new TypeError(`the document URL must be an absolute http(s) URL, not ${JSON.stringify(input.documentUrl)}`);
  const notes: string[] = [];
  const seed = input.seed ?? 0;
  const { dial, index: dialIndex } = dialAt(input.document, input.dialIndex);
  const settings = dialSettings(dial, options, notes);
  const legs = dialedLegs(dial, `/Response/Dial[${1 + input.document.verbs.slice(0, dialIndex).filter((verb) => verb.kind === 'Dial').length}]`);
  const request = input.request;
  const accountSid = request.AccountSid ?? options.accountSid ?? sidFor('AC', seed, 'account');
  const parentCallSid = request.CallSid ?? sidFor('CA', seed, 'parent');
  const childSid = (index: number): string => sidFor('CA', seed, `child:${index}`);
  const apiVersion = request.ApiVersion ?? '2010-04-01';
  const documentUrl = input.documentUrl;

  const ring = ringLegs(legs, input.outcome, settings, options, notes);
  const answered = ring.answered;
  const verdict = answered === undefined ? undefined : amdVerdict(answered, notes);
  const pre = answered?.answeredAt === undefined ? undefined : preBridge(answered, answered.answeredAt, verdict, options, notes);
  const declined = pre?.declinedAt !== undefined;
  const bridged: BridgePhase | undefined = pre === undefined || declined ? undefined : bridge(pre.bridgeAt, input.outcome.bridge, settings, options, notes);
  const endedAt = bridged?.endedAt ?? pre?.declinedAt ?? ring.endedAt;
  const callerOnLine = bridged?.callerOnLine ?? ring.end !== 'caller-hangup-ringing';
  /** @see option whisperHangupStatus — rule interp.whisper.hangup */
  const status = declined ? options.whisperHangupStatus : dialCallStatus(ring, options);
  if (ring.end === 'caller-hangup-ringing') notes.push(`interp.caller-hangup.status: the caller hung up before an answer; option callerHangupRingingStatus=${options.callerHangupRingingStatus} names the DialCallStatus.`);
  if (bridged?.endedBy === 'time-limit') notes.push(`interp.time-limit.from: timeLimit ended the call, counted from ${options.timeLimitFrom === 'answer' ? 'the answer' : 'the start of <Dial>'} (option timeLimitFrom).`);
  const timed: Timed[] = [];

  /** @see seed §answerOnBridge (only when <Dial> is the first verb) — rule interp.answer-on-bridge */
  const firstVerb = input.document.verbs.findIndex((verb) => verb.kind !== 'text') === dialIndex;
  const answerOnBridge = settings.answerOnBridge && firstVerb;
  if (settings.answerOnBridge && !firstVerb) notes.push('interp.answer-on-bridge: answerOnBridge="true" has no effect: the <Dial> is not the first verb (seed §answerOnBridge).');

  const rangFrom = ring.runs.filter((run) => run.rang).map((run) => run.startedAt);
  const ringingFrom = rangFrom.length === 0 ? undefined : Math.min(...rangFrom);
  const recording = recordingOf(settings, { ringingFrom, answeredAt: answered?.answeredAt }, endedAt, { sid: sidFor('RE', seed, 'recording'), accountSid });
  if (recording !== undefined) timed.push(...recordingCallbacks(recording, settings, input.outcome.recording, { documentUrl, epochMs: options.epochMs, parentCallSid, accountSid }));
  if (recording !== undefined && settings.recordingStatusCallback !== undefined && resolvedHref(settings.recordingStatusCallback, documentUrl) === undefined) {
    notes.push(`interp.recording.invalid-url: recordingStatusCallback=${JSON.stringify(settings.recordingStatusCallback)} is not a usable URL: the recording is made, no notification is sent (13256).`);
  }
  if (recording === undefined && settings.record !== 'do-not-record') notes.push('interp.recording.none: record is set but nothing was recorded (record-from-answer and no answer, or record-from-ringing and nothing rang), so no RecordingUrl and no recording callbacks.');

  /** @see seed §callerId (default: the caller's callerId); facts §3.5 (E.164) — rule interp.params.e164 */
  const callerId = dial.attributes.callerId?.trim();
  const from = callerId ? e164(callerId) : request.From ?? '';
  const parentTo = request.To;
  const recordingOnLeg = recording !== undefined && answered !== undefined
    ? { index: answered.leg.index, params: { RecordingUrl: recording.url, RecordingSid: recording.sid, RecordingDuration: String(recording.endedAt - recording.startedAt) } }
    : undefined;
  const legContext = {
    documentUrl, epochMs: options.epochMs, parentCallSid, accountSid, apiVersion, from, parentTo, childSid,
    ...(recordingOnLeg === undefined ? {} : { recording: recordingOnLeg }),
    talkSeconds: bridged?.talkSeconds ?? 0,
    answeredEndsAt: endedAt,
    eventsDefault: options.statusCallbackEventDefault,
  };
  for (const run of ring.runs) timed.push(...legCallbacks(run, legContext));
  if (answered !== undefined && pre !== undefined) {
    const sync = options.amdMode === 'sync' && verdict !== undefined ? { answeredBy: verdict.answeredBy } : {};
    timed.push(...nounUrl(answered, { documentUrl, accountSid, parentCallSid, apiVersion, from, parentTo, childSid, seed }, { urlAt: pre.urlAt, ...sync }, notes));
  }
  if (answered !== undefined && verdict !== undefined) timed.push(...amdRequest(answered, verdict, endedAt, { documentUrl, accountSid, childSid }, options, notes));
  if (bridged !== undefined && answered !== undefined) {
    const room = { documentUrl, epochMs: options.epochMs, parentCallSid, accountSid, request, seed, sequenceStart: options.conferenceSequenceStart };
    timed.push(...waitUrlRequest(answered, bridged, room, notes), ...conferenceCallbacks(answered, bridged, room, notes));
  }
  if (bridged !== undefined && answered !== undefined) timed.push(...referRequest(answered, bridged, settings, input, { accountSid, parentCallSid }, notes));

  let next: NextStep;
  const decisive = ring.decisive;
  /** @see seed §action (requested when the dialed call ends; its TwiML takes over; verbs after <Dial> unreachable) — rule interp.action */
  const wantsAction = settings.action !== undefined && (callerOnLine || options.callerHangupAction === 'request-and-discard');
  if (!callerOnLine && settings.action !== undefined) notes.push(`interp.caller-hangup.action: the caller hung up; option callerHangupAction=${options.callerHangupAction} (facts §3.6).`);
  /**
   * The seed promises "additional parameters" to the action after a <Queue> and names none; the Queue
   * page lists only the url request's. Not modelled: no parameter is invented.
   * @see seed §action ("If you <Dial> a <Queue>, Twilio will pass additional parameters") — rule interp.queue.action-params
   */
  if (wantsAction && legs.some((leg) => leg.kind === 'Queue')) notes.push('interp.queue.action-params: the seed promises additional action parameters after a <Queue> without naming them; not modelled, none is sent.');
  if (wantsAction && settings.action !== undefined) {
    const action = actionRequest({
      target: settings.action, method: settings.method, at: endedAt, documentUrl, request, status, callerOnLine, decisive, bridged, recording,
      childRedirected: input.outcome.bridge.childRedirected === true, ids: { parentCallSid, accountSid, childSid }, seed,
    }, notes);
    if (action !== undefined) timed.push({ request: action, rank: 6 });
  }

  // By virtual time, then rank, then the order they were derived in (positions sorted, not copies of the entries).
  const requests: DerivedRequest[] = timed
    .map((_, order) => order)
    .sort((a, b) => {
      const one = timed[a] as Timed;
      const other = timed[b] as Timed;
      return one.request.at - other.request.at || one.rank - other.rank || a - b;
    })
    .map((order) => (timed[order] as Timed).request);
  const actionIndex = requests.findIndex((entry) => entry.kind === 'action');
  if (!callerOnLine) next = { kind: 'hangup', reason: actionIndex >= 0 ? 'the caller hung up; the action response is not executed' : 'the caller hung up' };
  else if (actionIndex >= 0) next = { kind: 'action', requestIndex: actionIndex };
  /** @see seed §action (without action: next verb, or the call ends) — rule interp.next */
  else next = nextVerb(input.document, dialIndex);

  const result: DialResult = {
    dialCallStatus: status,
    bridged: bridged !== undefined,
    ...(answered === undefined ? {} : { answeredLeg: answered.leg.index }),
    ringSeconds: ring.endedAt,
    talkSeconds: bridged?.talkSeconds ?? 0,
    ...(decisive !== undefined && decisive.leg.kind !== 'Conference' && input.outcome.bridge.childRedirected !== true ? { dialCallDuration: bridged?.talkSeconds ?? 0 } : {}),
    endedBy: bridged?.endedBy ?? (declined ? 'whisper-hangup' : ring.end),
    answerOnBridge,
    callerOnLine,
  };
  return { requests, result, next, assumptions: notes };
}

import type { DialVerb } from '../../src/model/dial.js';
import type { TwimlDocument } from '../../src/model/document.js';
import type { DerivedRequest, DialCallStatus, DialResult, DialTrace, InterpretInput, NextStep } from '../../src/model/trace.js';
import { dialedLegs } from '../legs.js';
import { bridge, type BridgePhase } from './bridge.js';
import { derivedRequest, resolveUrl } from './derivedRequest.js';
import { legCallbacks, type Timed } from './legCallbacks.js';
import { legAddress, legAttributes, methodOf, urlAttribute } from './legInfo.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { recordingCallbacks, recordingOf } from './recording.js';
import { ringLegs, type LegRun, type RingPhase } from './ringLegs.js';
import { dialSettings, type DialSettings } from './settings.js';
import { sidFor } from './sid.js';
import { parentParams } from './voiceParams.js';

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

/** Standard SIP final responses for a leg the outcome gave no SIP details for (RFC 3261 §21). */
function sipCode(run: LegRun): number {
  return run.status === 'completed' ? 200 : run.status === 'busy' ? 486 : run.status === 'failed' ? 404 : 487;
}

/**
 * Derives everything Twilio does for one `<Dial>`: the requests it sends, the `<Dial>` result and
 * what runs next. Pure and deterministic: identifiers come from `seed`, times from a virtual clock.
 */
export function interpret(input: InterpretInput): DialTrace {
  const options = resolveOptions(input.options);
  if (resolveUrl('', input.documentUrl) === undefined) throw new TypeError(`the document URL must be an absolute http(s) URL, not ${JSON.stringify(input.documentUrl)}`);
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
  const bridged: BridgePhase | undefined = answered?.answeredAt === undefined ? undefined : bridge(answered.answeredAt, input.outcome.bridge, settings, options, notes);
  const endedAt = bridged?.endedAt ?? ring.endedAt;
  const callerOnLine = bridged?.callerOnLine ?? ring.end !== 'caller-hangup-ringing';
  const status = dialCallStatus(ring, options);
  const timed: Timed[] = [];

  /** @see seed §answerOnBridge (only when <Dial> is the first verb) — rule interp.answer-on-bridge */
  const firstVerb = input.document.verbs.findIndex((verb) => verb.kind !== 'text') === dialIndex;
  const answerOnBridge = settings.answerOnBridge && firstVerb;
  if (settings.answerOnBridge && !firstVerb) notes.push('interp.answer-on-bridge: answerOnBridge="true" has no effect: the <Dial> is not the first verb (seed §answerOnBridge).');

  const recording = recordingOf(settings, answered?.answeredAt, endedAt, { sid: sidFor('RE', seed, 'recording'), accountSid });
  if (recording !== undefined) timed.push(...recordingCallbacks(recording, settings, input.outcome.recording, { documentUrl, epochMs: options.epochMs, parentCallSid, accountSid }));
  if (recording === undefined && settings.record !== 'do-not-record') notes.push('interp.recording.none: record is set but nothing was recorded (record-from-answer and no answer), so no RecordingUrl and no recording callbacks.');

  const from = dial.attributes.callerId?.trim() || request.From || '';
  const recordingOnLeg = recording !== undefined && answered !== undefined
    ? { index: answered.leg.index, params: { RecordingUrl: recording.url, RecordingSid: recording.sid, RecordingDuration: String(recording.endedAt - recording.startedAt) } }
    : undefined;
  for (const run of ring.runs) {
    timed.push(...legCallbacks(run, {
      documentUrl, epochMs: options.epochMs, parentCallSid, accountSid, apiVersion, from, childSid,
      ...(recordingOnLeg === undefined ? {} : { recording: recordingOnLeg }),
      talkSeconds: bridged?.talkSeconds ?? 0,
    }));
  }
  if (answered !== undefined) timed.push(...whisper(answered, { documentUrl, accountSid, apiVersion, from, childSid, seed }));
  if (bridged !== undefined && answered !== undefined) timed.push(...refer(answered, bridged, settings, input, { accountSid, parentCallSid }, notes));

  let next: NextStep;
  const decisive = ring.decisive;
  /** @see seed §action (requested when the dialed call ends; its TwiML takes over; verbs after <Dial> unreachable) — rule interp.action */
  const wantsAction = settings.action !== undefined && (callerOnLine || options.callerHangupAction === 'request-and-discard');
  if (!callerOnLine && settings.action !== undefined) notes.push(`interp.caller-hangup.action: the caller hung up; option callerHangupAction=${options.callerHangupAction} (facts §3.6).`);
  if (wantsAction && settings.action !== undefined) {
    const params = parentParams(request, { callSid: parentCallSid, accountSid }, callerOnLine ? 'in-progress' : 'completed');
    params.DialCallStatus = status;
    /** @see seed §action parameters (DialCallSid and DialCallDuration not after a conference; DialCallDuration not after a redirected child) — rule interp.params.dial */
    const conference = decisive?.leg.kind === 'Conference';
    if (decisive !== undefined && !conference) params.DialCallSid = childSid(decisive.leg.index);
    if (decisive !== undefined && !conference && input.outcome.bridge.childRedirected !== true) params.DialCallDuration = String(bridged?.talkSeconds ?? 0);
    params.DialBridged = String(bridged !== undefined);
    /** @see seed §action (RecordingUrl only when record is set) — rule interp.params.recording-url */
    if (recording !== undefined) params.RecordingUrl = recording.url;
    /** @see facts §3.1 ([SIP] DialSipCallId, DialSipResponseCode, DialSipHeader_*) — rule interp.params.sip */
    if (decisive !== undefined && decisive.leg.kind === 'Sip') {
      const sip = decisive.outcome.sip;
      if (sip === undefined) notes.push('interp.params.sip: the outcome gives no SIP details; Call-ID from the seed and the standard SIP final code for the leg status.');
      params.DialSipCallId = sip?.callId ?? `${sidFor('', seed, `sip:${decisive.leg.index}`).slice(0, 16)}@sip.twilio.invalid`;
      params.DialSipResponseCode = String(sip?.responseCode ?? sipCode(decisive));
      for (const [name, value] of Object.entries(sip?.headers ?? {})) params[`DialSipHeader_${name}`] = value;
    }
    const action = derivedRequest({ kind: 'action', at: endedAt, method: settings.method, target: settings.action, documentUrl, params });
    if (action === undefined) notes.push(`interp.action.invalid-url: action=${JSON.stringify(settings.action)} cannot be resolved to an http(s) URL; no request (11100).`);
    else timed.push({ request: action, rank: 6 });
  }

  const requests: DerivedRequest[] = timed
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => a.request.at - b.request.at || a.rank - b.rank || a.order - b.order)
    .map((entry) => entry.request);
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
    endedBy: bridged?.endedBy ?? ring.end,
    answerOnBridge,
    callerOnLine,
  };
  return { requests, result, next, assumptions: notes };
}

/**
 * The noun's `url` is fetched on the answered leg before the bridge; for `<Queue>` on the dequeued caller's leg.
 * @see facts §2.2 ([NUMBER] url whisper), §2.6 ([QUEUE] url: QueueSid, CallSid, QueueTime, DequeingCallSid) — rule interp.noun-url
 */
function whisper(run: LegRun, context: { documentUrl: string; accountSid: string; apiVersion: string; from: string; childSid: (index: number) => string; seed: number }): Timed[] {
  const attributes = legAttributes(run.leg);
  const target = urlAttribute(attributes, 'url');
  if (target === undefined || run.answeredAt === undefined || run.leg.kind === 'Conference') return [];
  const params: Record<string, string> = run.leg.kind === 'Queue'
    ? {
        AccountSid: context.accountSid,
        ApiVersion: context.apiVersion,
        QueueSid: sidFor('QU', context.seed, `queue:${run.leg.index}`),
        CallSid: context.childSid(run.leg.index),
        QueueTime: String(run.outcome.queueWaitSeconds ?? 0),
        DequeingCallSid: context.childSid(-1),
      }
    : {
        AccountSid: context.accountSid,
        ApiVersion: context.apiVersion,
        CallSid: context.childSid(run.leg.index),
        CallStatus: 'in-progress',
        Direction: 'outbound-dial',
        From: context.from,
        To: legAddress(run.leg),
      };
  const request = derivedRequest({ kind: 'url', at: run.answeredAt, method: methodOf(attributes.method), target, documentUrl: context.documentUrl, params, nounPath: run.leg.path });
  return request === undefined ? [] : [{ request, rank: 2 }];
}

/**
 * A SIP REFER from the called party while bridged requests `referUrl` with ReferTransferTarget.
 * @see seed §referUrl; facts §2.7 (not supported with <Application>), facts §1.3 13802 — rule interp.refer
 */
function refer(run: LegRun, bridged: BridgePhase, settings: DialSettings, input: InterpretInput, ids: { accountSid: string; parentCallSid: string }, notes: string[]): Timed[] {
  const happening = input.outcome.refer;
  if (happening === undefined) return [];
  const at = bridged.answeredAt + happening.afterSeconds;
  if (at >= bridged.endedAt) return [];
  if (settings.referUrl === undefined) {
    notes.push('interp.refer.no-url: REFER received with no referUrl: error 13802, no request.');
    return [];
  }
  if (run.leg.kind === 'Application') {
    notes.push('interp.refer.application: referUrl is not supported with <Application>; no request.');
    return [];
  }
  const params = parentParams(input.request, { callSid: ids.parentCallSid, accountSid: ids.accountSid }, 'in-progress');
  params.ReferTransferTarget = happening.transferTarget;
  const request = derivedRequest({ kind: 'referUrl', at, method: settings.referMethod, target: settings.referUrl, documentUrl: input.documentUrl, params });
  return request === undefined ? [] : [{ request, rank: 4 }];
}

import type { VoiceRequestParams } from '../../src/model/outcome.js';
import type { DerivedRequest, DialCallStatus } from '../../src/model/trace.js';
import type { BridgePhase } from './bridge.js';
import { derivedRequest } from './derivedRequest.js';
import type { Recording } from './recording.js';
import type { LegRun } from './ringLegs.js';
import { sidFor } from './sid.js';
import { parentParams } from './voiceParams.js';

export interface ActionContext {
  readonly target: string;
  readonly method: 'GET' | 'POST';
  readonly at: number;
  readonly documentUrl: string;
  readonly request: VoiceRequestParams;
  readonly status: DialCallStatus;
  readonly callerOnLine: boolean;
  /** The leg whose end named the status; undefined when nothing was dialed. */
  readonly decisive: LegRun | undefined;
  readonly bridged: BridgePhase | undefined;
  readonly recording: Recording | undefined;
  readonly childRedirected: boolean;
  readonly ids: { readonly parentCallSid: string; readonly accountSid: string; readonly childSid: (index: number) => string };
  readonly seed: number;
}

/** Standard SIP final responses for a leg the outcome gave no SIP details for (RFC 3261 §21). */
function sipCode(run: LegRun): number {
  return run.status === 'completed' ? 200 : run.status === 'busy' ? 486 : run.status === 'failed' ? 404 : 487;
}

/**
 * The request to `action` when the dialed call ends: the standard parameters of the parent call
 * (CallStatus `completed` once the caller has hung up) plus the `<Dial>` parameters.
 * @see seed §action (parameters), §method — rules interp.action.method, interp.params.dial: DialCallStatus and DialBridged always;
 * DialCallSid not after a conference; DialCallDuration not after a conference nor a redirected child
 */
export function actionRequest(context: ActionContext, notes: string[]): DerivedRequest | undefined {
  const { decisive, bridged, recording } = context;
  const params = parentParams(context.request, { callSid: context.ids.parentCallSid, accountSid: context.ids.accountSid }, context.callerOnLine ? 'in-progress' : 'completed');
  params.DialCallStatus = context.status;
  const conference = decisive?.leg.kind === 'Conference';
  if (decisive !== undefined && !conference) params.DialCallSid = context.ids.childSid(decisive.leg.index);
  if (decisive !== undefined && !conference && !context.childRedirected) params.DialCallDuration = String(bridged?.talkSeconds ?? 0);
  params.DialBridged = String(bridged !== undefined);
  /** @see seed §action (RecordingUrl only when record is set) — rule interp.params.recording-url */
  if (recording !== undefined) params.RecordingUrl = recording.url;
  /** @see facts §3.1 ([SIP] DialSipCallId, DialSipResponseCode, DialSipHeader_*) — rule interp.params.sip */
  if (decisive !== undefined && decisive.leg.kind === 'Sip') {
    const sip = decisive.outcome.sip;
    if (sip === undefined) notes.push('interp.params.sip: the outcome gives no SIP details; Call-ID from the seed and the standard SIP final code for the leg status.');
    params.DialSipCallId = sip?.callId ?? `${sidFor('', context.seed, `sip:${decisive.leg.index}`).slice(0, 16)}@sip.twilio.invalid`;
    params.DialSipResponseCode = String(sip?.responseCode ?? sipCode(decisive));
    for (const [name, value] of Object.entries(sip?.headers ?? {})) params[`DialSipHeader_${name}`] = value;
  }
  const action = derivedRequest({ kind: 'action', at: context.at, method: context.method, target: context.target, documentUrl: context.documentUrl, params });
  if (action === undefined) notes.push(`interp.action.invalid-url: action=${JSON.stringify(context.target)} cannot be resolved to an http(s) URL; no request (11100).`);
  return action;
}

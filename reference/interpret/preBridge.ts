import type { AmdVerdict } from './amd.js';
import { legAttributes, urlAttribute } from './legInfo.js';
import type { ResolvedOptions } from './options.js';
import type { LegRun } from './ringLegs.js';

/** What happens on the answered leg between its answer and the bridge. */
export interface PreBridge {
  /** When the noun url request is sent (after a synchronous AMD verdict). */
  readonly urlAt: number;
  /** When the parties are connected. */
  readonly bridgeAt: number;
  /** Set when the url TwiML hung up: the parties are never connected. */
  readonly declinedAt?: number;
}

/**
 * From the answer to the bridge: a synchronous AMD verdict holds the call (whole virtual seconds),
 * then the noun url TwiML runs for the outcome's whisper seconds. A whisper that hangs up ends the
 * called party's call before the bridge. A `<Queue url>` runs on the dequeued caller, whose
 * announcement may not hang up (Play, Say, Pause, Redirect only).
 * @see https://www.twilio.com/docs/voice/twiml/number, https://www.twilio.com/docs/voice/twiml/client (url: runs after
 * the answer, before the parties are connected; <Gather> and <Hangup> let the called party decline);
 * https://www.twilio.com/docs/voice/twiml/queue (allowed verbs) — rule interp.whisper
 */
export function preBridge(run: LegRun, answeredAt: number, verdict: AmdVerdict | undefined, options: ResolvedOptions, notes: string[]): PreBridge {
  const amdWait = options.amdMode === 'sync' && verdict !== undefined ? Math.ceil(verdict.durationMs / 1000) : 0;
  const urlAt = answeredAt + amdWait;
  const hasUrl = run.leg.kind !== 'Conference' && urlAttribute(legAttributes(run.leg), 'url') !== undefined;
  const whisper = hasUrl ? run.outcome.whisper : undefined;
  if (whisper === undefined) return { urlAt, bridgeAt: urlAt };
  const bridgeAt = urlAt + Math.max(0, whisper.seconds);
  if (!whisper.hangup || run.leg.kind === 'Queue') return { urlAt, bridgeAt };
  notes.push(`interp.whisper.hangup: the url TwiML hung up before the bridge; option whisperHangupStatus=${options.whisperHangupStatus} names the DialCallStatus, DialBridged=false.`);
  return { urlAt, bridgeAt, declinedAt: bridgeAt };
}

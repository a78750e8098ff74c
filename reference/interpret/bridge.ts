import type { BridgeOutcome } from '../../src/model/outcome.js';
import type { ResolvedOptions } from './options.js';
import type { DialSettings } from './settings.js';

export type BridgeEnd = 'callee-hangup' | 'caller-hangup' | 'star' | 'time-limit';

export interface BridgePhase {
  readonly answeredAt: number;
  readonly endedAt: number;
  readonly talkSeconds: number;
  readonly endedBy: BridgeEnd;
  /** The original caller is still on the line when the bridge ends. */
  readonly callerOnLine: boolean;
}

/**
 * The bridged call, from the answer to its end.
 * @see seed §timeLimit (hangs up on the called party when reached) — rule interp.time-limit
 * @see seed §hangupOnStar (only the caller's `*`, only with hangupOnStar="true") — rule interp.hangup-on-star
 * @see seed (Goodbye example: a caller hangup ends the session) — rule interp.caller-hangup.bridged
 */
export function bridge(answeredAt: number, outcome: BridgeOutcome, settings: DialSettings, options: ResolvedOptions, notes: string[]): BridgePhase {
  // rule interp.time-limit.from: the seed reads both ways (option timeLimitFrom)
  const limitEnd = options.timeLimitFrom === 'answer' ? answeredAt + settings.timeLimit : Math.max(answeredAt, settings.timeLimit);
  const starIgnored = outcome.endedBy === 'star' && !settings.hangupOnStar;
  if (starIgnored) notes.push('interp.hangup-on-star.ignored: `*` was pressed but hangupOnStar is not "true"; the bridge lasts until timeLimit.');
  const wanted = starIgnored ? Number.POSITIVE_INFINITY : answeredAt + Math.max(0, outcome.talkSeconds);
  const endedAt = Math.min(wanted, limitEnd);
  const endedBy: BridgeEnd = wanted < limitEnd ? outcome.endedBy : 'time-limit';
  return { answeredAt, endedAt, talkSeconds: endedAt - answeredAt, endedBy, callerOnLine: endedBy !== 'caller-hangup' };
}

import type { InterpretInput } from '../../src/model/trace.js';
import type { BridgePhase } from './bridge.js';
import { derivedRequest } from './derivedRequest.js';
import type { Timed } from './legCallbacks.js';
import type { LegRun } from './ringLegs.js';
import type { DialSettings } from './settings.js';
import { parentParams } from './voiceParams.js';

/**
 * A SIP REFER from the called party while bridged requests `referUrl` with ReferTransferTarget.
 * @see seed §referUrl; facts §2.7 (not supported with <Application>), facts §1.3 13802 — rule interp.refer
 */
export function referRequest(run: LegRun, bridged: BridgePhase, settings: DialSettings, input: InterpretInput, ids: { accountSid: string; parentCallSid: string }, notes: string[]): Timed[] {
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

import type { LegRun } from './ringLegs.js';
import type { Timed } from './legCallbacks.js';
import { derivedRequest } from './derivedRequest.js';
import { legAddress, legAttributes, methodOf, urlAttribute } from './legInfo.js';
import { sidFor } from './sid.js';

/**
 * The noun's `url` is fetched on the answered leg before the bridge; for `<Queue>` on the dequeued caller's leg.
 * @see facts §2.2 ([NUMBER] url whisper), §2.6 ([QUEUE] url: QueueSid, CallSid, QueueTime, DequeingCallSid) — rule interp.noun-url
 */
export function nounUrl(run: LegRun, context: { documentUrl: string; accountSid: string; parentCallSid: string; apiVersion: string; from: string; childSid: (index: number) => string; seed: number }): Timed[] {
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
        DequeingCallSid: context.parentCallSid,
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


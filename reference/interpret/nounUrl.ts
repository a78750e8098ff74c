import type { LegRun } from './ringLegs.js';
import type { Timed } from './legCallbacks.js';
import { childParams, type ChildContext } from './childParams.js';
import { derivedRequest } from './derivedRequest.js';
import { legAttributes, methodOf, urlAttribute } from './legInfo.js';
import { sidFor } from './sid.js';

export interface NounUrlContext extends ChildContext {
  readonly documentUrl: string;
  readonly seed: number;
}

/**
 * The standard parameters of the dequeued call, then the `<Queue>` extras. The dequeued call is the
 * enqueued caller's own call: the kit knows only that it is answered (in-progress); its From, To and
 * Direction come from the outcome's `queueCaller` when given, else they are left out.
 * @see https://www.twilio.com/docs/voice/twiml/queue (url request: standard parameters plus QueueSid,
 * CallSid of the dequeued call, QueueTime, DequeingCallSid) — rule interp.queue.url-params
 */
function queueParams(run: LegRun, context: NounUrlContext, notes: string[]): Record<string, string> {
  const caller = run.outcome.queueCaller;
  if (caller === undefined) notes.push('interp.queue.url-params: the outcome does not give the dequeued call\'s From/To/Direction (queueCaller); the <Queue> url request carries only the parameters the kit knows.');
  return {
    AccountSid: context.accountSid,
    ApiVersion: context.apiVersion,
    ...(caller ?? {}),
    CallStatus: 'in-progress',
    QueueSid: sidFor('QU', context.seed, `queue:${run.leg.index}`),
    CallSid: context.childSid(run.leg.index),
    QueueTime: String(run.outcome.queueWaitSeconds ?? 0),
    DequeingCallSid: context.parentCallSid,
  };
}

/**
 * The noun's `url` is fetched on the answered leg before the bridge; for `<Queue>` on the dequeued caller's leg.
 * @see facts §2.2 ([NUMBER] url whisper), §2.6 ([QUEUE] url: QueueSid, CallSid, QueueTime, DequeingCallSid) — rule interp.noun-url
 */
export function nounUrl(run: LegRun, context: NounUrlContext, at: { readonly urlAt: number; readonly answeredBy?: string }, notes: string[]): Timed[] {
  const attributes = legAttributes(run.leg);
  const target = urlAttribute(attributes, 'url');
  if (target === undefined || run.answeredAt === undefined || run.leg.kind === 'Conference') return [];
  const params = run.leg.kind === 'Queue' ? queueParams(run, context, notes) : childParams(run, context, 'in-progress');
  /** @see https://www.twilio.com/docs/voice/answering-machine-detection (synchronous AMD: AnsweredBy on the TwiML request) — rule interp.amd.sync */
  if (at.answeredBy !== undefined) params.AnsweredBy = at.answeredBy;
  const request = derivedRequest({ kind: 'url', at: at.urlAt, method: methodOf(attributes.method), target, documentUrl: context.documentUrl, params, nounPath: run.leg.path });
  return request === undefined ? [] : [{ request, rank: 2 }];
}

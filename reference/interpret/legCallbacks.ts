import type { DerivedRequest } from '../../src/model/trace.js';
import { rfc2822 } from './clock.js';
import { derivedRequest } from './derivedRequest.js';
import { childParams, type ChildContext } from './childParams.js';
import { legAttributes, methodOf, urlAttribute } from './legInfo.js';
import type { LegRun } from './ringLegs.js';

/** Nouns with a statusCallback attribute. @see facts §4.2 */
const CALLBACK_NOUNS: ReadonlySet<string> = new Set(['Number', 'Sip', 'Client', 'Application', 'WhatsApp']);
const CALL_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;

export interface LegContext extends ChildContext {
  readonly documentUrl: string;
  readonly epochMs: number;
  /** Recording parameters for the answered leg's completed event (only with `<Dial record>`). */
  readonly recording?: { readonly index: number; readonly params: Readonly<Record<string, string>> };
  /** Seconds the answered leg was bridged. */
  readonly talkSeconds: number;
  /** When the answered leg ends (its bridge ends, or its url TwiML hangs up). */
  readonly answeredEndsAt: number;
  /** Events sent without statusCallbackEvent by nouns whose table gives no default (option statusCallbackEventDefault). */
  readonly eventsDefault: 'completed' | 'none';
}

export interface Timed {
  readonly request: DerivedRequest;
  /** Orders requests sent at the same virtual second. */
  readonly rank: number;
}

/**
 * A child leg's statusCallback requests, one per selected event that happened.
 * @see facts §4.2 (events, default `completed`, ParentCallSid, CallStatus, SequenceNumber from 0,
 * CallbackSource=call-progress-events, Timestamp RFC 2822, CallDuration on completed) — rule interp.status-callback
 */
export function legCallbacks(run: LegRun, context: LegContext): Timed[] {
  if (!CALLBACK_NOUNS.has(run.leg.kind)) return [];
  const attributes = legAttributes(run.leg);
  const target = urlAttribute(attributes, 'statusCallback');
  if (target === undefined) return [];
  const written = (attributes.statusCallbackEvent ?? '').split(/\s+/).filter((token) => (CALL_EVENTS as readonly string[]).includes(token));
  /**
   * Without events, <Number> sends completed (its table's default); for the other nouns the table says
   * none and the prose completed (facts §8.6): option statusCallbackEventDefault decides.
   * @see facts §2.2, §2.3, §8.6 — rule interp.status-callback.default
   */
  const fallback = run.leg.kind === 'Number' || context.eventsDefault === 'completed' ? ['completed'] : [];
  const selected = new Set(written.length > 0 ? written : fallback);
  const happened: { event: (typeof CALL_EVENTS)[number]; at: number; status: string; rank: number }[] = [
    { event: 'initiated', at: run.startedAt, status: 'initiated', rank: 0 },
  ];
  if (run.rang) happened.push({ event: 'ringing', at: run.startedAt, status: 'ringing', rank: 1 });
  if (run.answeredAt !== undefined) happened.push({ event: 'answered', at: run.answeredAt, status: 'in-progress', rank: 3 });
  const answered = run.answeredAt !== undefined;
  happened.push({ event: 'completed', at: answered ? context.answeredEndsAt : run.endedAt, status: run.status, rank: 5 });
  const out: Timed[] = [];
  let sequence = 0;
  for (const step of happened) {
    if (!selected.has(step.event)) continue;
    const params = childParams(run, context, step.status);
    if (step.event === 'completed') {
      params.CallDuration = String(answered ? context.talkSeconds : 0);
      if (context.recording !== undefined && context.recording.index === run.leg.index) Object.assign(params, context.recording.params);
    }
    params.Timestamp = rfc2822(context.epochMs, step.at);
    params.CallbackSource = 'call-progress-events';
    params.SequenceNumber = String(sequence);
    sequence += 1;
    const request = derivedRequest({
      kind: 'statusCallback', at: step.at, method: methodOf(attributes.statusCallbackMethod), target, documentUrl: context.documentUrl, params, nounPath: run.leg.path,
    });
    if (request !== undefined) out.push({ request, rank: step.rank });
  }
  return out;
}

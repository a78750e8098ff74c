import type { LegRun } from './ringLegs.js';
import { legAddress } from './legInfo.js';

/** What every request about a child leg needs to know of the call. */
export interface ChildContext {
  readonly accountSid: string;
  readonly apiVersion: string;
  readonly parentCallSid: string;
  /** The child leg's From: the `<Dial callerId>`, else the caller's own From. */
  readonly from: string;
  /** The parent call's To, for `<Application copyParentTo="true">`. */
  readonly parentTo: string | undefined;
  readonly childSid: (index: number) => string;
}

/**
 * The standard voice parameters of a request about a child leg (a noun's url, its statusCallback):
 * the child's own CallSid, Direction `outbound-dial`, and ParentCallSid, which only the first leg lacks.
 * @see facts §3.5 (standard parameters; ParentCallSid absent on the first leg only; outbound-dial for
 * <Dial> child legs), §4.2; https://www.twilio.com/docs/voice/twiml/number (url runs on the called
 * party's end) — rule interp.params.child
 */
export function childParams(run: LegRun, context: ChildContext, callStatus: string): Record<string, string> {
  return {
    AccountSid: context.accountSid,
    ApiVersion: context.apiVersion,
    CallSid: context.childSid(run.leg.index),
    CallStatus: callStatus,
    Direction: 'outbound-dial',
    From: context.from,
    To: legAddress(run.leg, context.parentTo),
    ParentCallSid: context.parentCallSid,
  };
}

import { callerIdContextDiagnostics } from '../../../reference/callerIdContext.js';
import { nounTwimlDiagnostics, nounTwimlRole } from '../../../reference/nounTwiml.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { DerivedRequest } from '../../model/trace.js';
import type { AnswerObservation } from './answerObservation.js';

/**
 * The observation with diagnostics that only the call's context can give (what kind of document it
 * is, who is calling) added to its validation. A new object: validations are shared through the cache.
 */
export function withDiagnostics(observation: AnswerObservation, extra: readonly Diagnostic[]): AnswerObservation {
  const validation = observation.validation;
  if (extra.length === 0 || validation?.document === undefined) return observation;
  return { ...observation, validation: { ...validation, diagnostics: [...validation.diagnostics, ...extra] } };
}

/**
 * A noun url (whisper), `<Queue url>` or `<Conference waitUrl>` answer, checked against what that kind
 * of document may hold (no `<Dial>` in a whisper, 13201; Play/Say/Pause/Redirect only in the others).
 * @see reference/nounTwiml.ts
 */
export function withNounTwiml(observation: AnswerObservation, derived: DerivedRequest): AnswerObservation {
  const role = nounTwimlRole(derived.kind, derived.nounPath);
  const document = observation.validation?.document;
  if (role === undefined || document === undefined) return observation;
  return withDiagnostics(observation, nounTwimlDiagnostics(document, role));
}

/** Answers that run on another leg than the caller's: a noun url (whisper) on the callee, a waitUrl on the conference. @see facts §2.2 (url) */
const OTHER_LEG: ReadonlySet<string> = new Set(['url', 'waitUrl']);

/**
 * A TwiML answer checked against who is calling, which only the call's first request tells: a Voice
 * SDK caller (From client:…) dialing a phone number needs a callerId, and an inbound SIP call's
 * callerId may not be its own To or From (13214 warnings). `callParams` are the first request's.
 * Answers that run on another leg (noun url, waitUrl) are left as they are.
 * @see reference/callerIdContext.ts (CALLER_ID_CONTEXT_RULES)
 */
export function withCallerIdContext(observation: AnswerObservation, callParams: Readonly<Record<string, string>>): AnswerObservation {
  const document = observation.validation?.document;
  if (document === undefined || OTHER_LEG.has(observation.role)) return observation;
  return withDiagnostics(observation, callerIdContextDiagnostics(document, callParams));
}

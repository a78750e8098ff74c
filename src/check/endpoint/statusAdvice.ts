import type { AnswerRole } from './answerObservation.js';

/**
 * What EP-STATUS says of a TwiML request answered `status` (not 200). A 401 or 403 to the first
 * request of a call the kit sent unsigned is most likely the app's signature check refusing it, not a
 * fault of the app: the message says so and how to sign.
 *
 * @see facts §1.3 11200 (4xx/5xx is a retrieval failure); facts §8.11 (a non-200 2xx is not documented)
 * @see https://raw.githubusercontent.com/twilio/twilio-node/HEAD/examples/WebhookSignatureValidation.md
 *   (twilio-node's webhook middleware answers 403 to a request whose X-Twilio-Signature does not validate)
 * @see https://rubydoc.info/gems/twilio-ruby/Rack/TwilioWebhookAuthentication (twilio-ruby's answers 403 too)
 */
export function statusAdvice(status: number, role: AnswerRole, signed: boolean): string {
  const answered = `the ${role} request was answered ${status}`;
  if (status < 400) return `${answered}, not 200; the sources do not say Twilio executes it`;
  const failure = `${answered}; Twilio treats 4xx and 5xx as a retrieval failure`;
  if (signed || role !== 'voice' || (status !== 401 && status !== 403)) return failure;
  return `${failure}. The kit sent it without X-Twilio-Signature (no --auth-token was given) and the app probably checks it: ` +
    'pass the app\'s auth token with --auth-token';
}

import fc from 'fast-check';
import { hexSid } from './hexSid.js';
import { plainRecord } from './plainRecord.js';

/** The parameters a Voice SDK call adds to, or changes in, the first request. */
export type ClientCallerParams = Readonly<Record<string, string>>;

/**
 * Who calls from a Voice SDK client, as the first request to the TwiML App shows it: From
 * `client:<identity>` (letters, digits, underscore, at most 121), Caller the same, ApplicationSid
 * (`AP…`), and To as the app sent it: a phone number, another `client:`, or empty when the app sent
 * no `To` (its own parameters, here `recipient`, `app`, `location`, arrive beside the standard ones).
 * Called repeats To.
 * @see page §request-client-from, page §client-identity, page §client-connect-params
 * @remarks An empty To (and Called) with ApplicationSid is what real traffic shows, not what the pages
 * say: https://github.com/twilio/twilio-voice-js-reference-components/issues/39 (the To field is empty
 * when the SDK sends none) and a captured request, https://gist.github.com/jonahglover/5887ef900cc6890abda1.
 */
export function clientCaller(): fc.Arbitrary<ClientCallerParams> {
  const identity = fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/);
  const to = fc.oneof(
    fc.constant(''),
    fc.stringMatching(/^\+[1-9]\d{7,13}$/),
    identity.map((other) => `client:${other}`),
  );
  const custom = fc.uniqueArray(
    fc.tuple(fc.constantFrom('recipient', 'app', 'location'), fc.stringMatching(/^[A-Za-z0-9]{1,12}$/)),
    { maxLength: 2, selector: ([name]) => name },
  );
  return plainRecord({ identity, to, applicationSid: hexSid('AP'), custom }).map(({ identity: name, to: callee, applicationSid, custom: pairs }) => ({
    From: `client:${name}`,
    To: callee,
    Caller: `client:${name}`,
    Called: callee,
    ApplicationSid: applicationSid,
    ...Object.fromEntries(pairs),
  }));
}

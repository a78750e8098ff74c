import fc from 'fast-check';
import { hexSid } from './hexSid.js';
import { plainRecord } from './plainRecord.js';

/** The parameters a SIP Domain call adds to, or changes in, the first request. */
export type SipCallerParams = Readonly<Record<string, string>>;

const HEADER_NAMES = ['X-Customer-Id', 'X-Route', 'X-Ticket'] as const;

/**
 * Who calls through a SIP Domain, as the first request shows it: From the INVITE's From URI and To
 * the INVITE's URI, both on the domain (`sip:alice@acme.sip.twilio.com`,
 * `sip:+14155550100@acme.sip.twilio.com`), the legacy duplicates Caller and Called, then SipDomain,
 * SipDomainSid (`SD…`), SipCallId, SipSourceIp, SipUsername when the domain authenticates by
 * credential list, and a SipHeader_<name> per X- header. Domain names hold letters, digits and `-`
 * and end with `sip.twilio.com`.
 * @see page §sip-request-params, page §sip-domain-resource, facts §3.5 (Called, Caller)
 */
export function sipCaller(): fc.Arbitrary<SipCallerParams> {
  const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}[a-z0-9]$/);
  const user = fc.stringMatching(/^[a-z][a-z0-9._]{0,11}$/);
  const dialed = fc.oneof(user, fc.stringMatching(/^\+1[2-9]\d{9}$/), fc.stringMatching(/^[1-9]\d{2,4}$/));
  const headers = fc.uniqueArray(fc.tuple(fc.constantFrom(...HEADER_NAMES), fc.stringMatching(/^[A-Za-z0-9]{1,12}$/)), {
    maxLength: 2,
    selector: ([name]) => name,
  });
  return plainRecord({
    label,
    caller: user,
    dialed,
    domainSid: hexSid('SD'),
    callId: fc.stringMatching(/^[0-9a-f]{32}$/),
    sourceIp: fc.ipV4(),
    credentialList: fc.boolean(),
    headers,
  }).map(({ label: name, caller, dialed: callee, domainSid, callId, sourceIp, credentialList, headers: pairs }) => {
    const domain = `${name}.sip.twilio.com`;
    const from = `sip:${caller}@${domain}`;
    const to = `sip:${callee}@${domain}`;
    return {
      From: from,
      To: to,
      Caller: from,
      Called: to,
      SipDomain: domain,
      SipDomainSid: domainSid,
      SipCallId: `${callId}@${sourceIp}`,
      SipSourceIp: sourceIp,
      ...(credentialList ? { SipUsername: caller } : {}),
      ...Object.fromEntries(pairs.map(([header, value]) => [`SipHeader_${header}`, value])),
    };
  });
}

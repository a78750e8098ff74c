import type { TraceRow } from './traceRow.js';

const page = (section: string, quotes: readonly string[], rest: Omit<TraceRow, 'kind' | 'section' | 'key' | 'quotes'>): TraceRow => ({
  kind: 'page',
  section,
  key: 'fact',
  quotes,
  ...rest,
});

/** The facts of {@link PAGE_FACTS}, each traced like a sentence of the seed. */
export const PAGE_ROWS: readonly TraceRow[] = [
  page('err-12101', ['Invalid Twilio Markup XML version'], { rules: ['response.version'] }),
  page('response-version', ['a Twilio version identifier'], { rules: ['response.version', 'response.unknown-attribute'] }),
  page('api-versions', ['2008-08-01 and 2010-04-01'], { rules: ['response.version'] }),
  page('response-nesting', ['All verbs must be nested within Response'], { rules: ['response.root', 'response.unknown-verb', 'dial.nested'] }),
  page('err-13320', ['Gather: Invalid nested verb'], { rules: ['gather.child.invalid'] }),
  page('gather-nesting', ['nest Say and Play verbs within a Gather'], { rules: ['gather.child.invalid'] }),
  page('gather-pause', ['say, play and pause'], { rules: ['gather.child.invalid'] }),
  page('err-13252', ['Dial: Invalid header name'], { rules: ['sip.header.name'] }),
  page('err-13253', ['Dial: Header is too long'], { rules: ['sip.headers.length'] }),
  page('err-21227', ['fewer than 1024 characters'], { rules: ['sip.headers.length'] }),
  page('sip-request-params', ['SipDomain, SipDomainSid', 'one SipHeader_<name> per X- header'], {
    properties: ['GEN-REQUEST-001'],
    notModelled: 'first requests only: voiceRequest({ callers }) draws them; the inbound-SIP callerId rule needs the request, so the endpoint check applies it',
  }),
  page('sip-domain-resource', ['must end with sip.twilio.com'], { properties: ['GEN-REQUEST-001'] }),
  page('request-client-from', ['From client:tommy'], {
    properties: ['GEN-REQUEST-001'],
    notModelled: 'who calls changes what callerId must be (13214 for a client caller); the endpoint check applies that rule to the request it sent',
  }),
  page('client-identity', ['at most 121 characters'], { properties: ['GEN-REQUEST-001'] }),
  page('client-connect-params', ['as POST/GET parameters'], {
    notModelled: 'custom parameters are the app\'s own; voiceRequest sends a To among them or none',
  }),
];

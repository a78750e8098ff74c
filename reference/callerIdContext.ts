import type { Diagnostic } from '../src/model/diagnostic.js';
import type { TwimlDocument } from '../src/model/document.js';
import type { VoiceRequestParams } from '../src/model/outcome.js';
import { e164 } from './interpret/e164.js';
import { dialedLegs } from './legs.js';

/**
 * Caller-ID rules that only the first request can decide: who is calling (a Voice SDK client, an
 * inbound SIP call) changes what `callerId` must be. `validate` sees the document alone and cannot
 * apply them; the endpoint check, which knows the call, does. Pure: document and request in, data out.
 */
export interface CallerIdContextRule {
  readonly id: string;
  readonly code: 13214;
  readonly severity: 'warning';
  readonly title: string;
  readonly source: string;
}

export const CALLER_ID_CONTEXT_RULES: readonly CallerIdContextRule[] = [
  {
    id: 'dial.callerId.client-caller',
    code: 13214,
    severity: 'warning',
    title: 'a call from a Voice SDK client (From client:…) that dials a phone number needs a callerId',
    source: 'facts §1.1 (callerId: "Client calling leg: required and must be validated (13214)"); seed §callerId (the Voice SDK example sets callerId)',
  },
  {
    id: 'dial.callerId.sip-inbound',
    code: 13214,
    severity: 'warning',
    title: 'on an inbound SIP call, callerId cannot be the request\'s To or From',
    source: 'seed §callerId ("In the case of an inbound SIP call, callerId cannot be the To or From number")',
  },
];

/**
 * The first request is a SIP call: it carries SipCallId or SipDomain, or its From is a SIP URI.
 * @see facts §3.5 (SIP calls add SipCallId, SipDomain, …), page §sip-request-params
 */
function isSipCall(request: VoiceRequestParams): boolean {
  return request.SipCallId !== undefined || request.SipDomain !== undefined || (request.From ?? '').startsWith('sip:');
}

/**
 * The number a To or From names: the user part of a SIP URI (`sip:+14155550100@acme.sip.twilio.com`
 * names +14155550100), else the value, each normalised like a phone number.
 * @see page §sip-request-params (To is the INVITE's URI, From its From header)
 */
function numberOf(value: string): string {
  const sip = /^sips?:([^@;?]+)@/.exec(value.trim());
  return e164(sip?.[1] ?? value);
}

/**
 * Diagnostics for every `<Dial>` of the document (or the one at `dialIndex`) given the first request.
 * @see facts §1.1, seed §callerId — rules dial.callerId.client-caller, dial.callerId.sip-inbound
 */
export function callerIdContextDiagnostics(document: TwimlDocument, request: VoiceRequestParams, dialIndex?: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  let position = 0;
  document.verbs.forEach((verb, index) => {
    if (verb.kind !== 'Dial') return;
    position += 1;
    if (dialIndex !== undefined && index !== dialIndex) return;
    const path = `/Response/Dial[${position}]`;
    const callerId = verb.attributes.callerId?.trim() ?? '';
    const dialsPhone = dialedLegs(verb, path).some((leg) => leg.kind === 'text' || leg.kind === 'Number');
    if ((request.From ?? '').startsWith('client:') && dialsPhone && callerId === '') {
      out.push({
        ruleId: 'dial.callerId.client-caller', severity: 'warning', code: 13214, path: `${path}/@callerId`,
        message: `the call comes from a Voice SDK client (From ${JSON.stringify(request.From)}) and <Dial> dials a phone number without callerId; one is required`,
      });
    }
    if (callerId !== '' && isSipCall(request)) {
      const same = [request.To, request.From].filter((value): value is string => value !== undefined).some((value) => numberOf(value) === e164(callerId));
      if (same) {
        out.push({
          ruleId: 'dial.callerId.sip-inbound', severity: 'warning', code: 13214, path: `${path}/@callerId`,
          message: `callerId=${JSON.stringify(callerId)} is the To or From of an inbound SIP call; only a Twilio or verified number is allowed there`,
        });
      }
    }
  });
  return out;
}

import { describe, expect, it } from 'vitest';
import { observeAnswer, type AnswerObservation, type AnswerRole } from '../../src/check/endpoint/answerObservation.js';
import { withCallerIdContext } from '../../src/check/endpoint/contextDiagnostics.js';
import { buildWebhookRequest } from '../../src/targets/http/webhookRequest.js';

const FORWARD = '<Response><Dial action="/voice/dial-status"><Number>+15558675310</Number></Dial></Response>';

/** The observation of one answer to a first request, read the way the endpoint check reads it. */
function answered(body: string, status = 200, role: AnswerRole = 'voice'): AnswerObservation {
  const request = buildWebhookRequest({ url: 'http://127.0.0.1:1/voice', method: 'POST', params: [['CallSid', 'CA1']] });
  const exchange = { kind: 'answer' as const, status, headers: { 'content-type': 'text/xml' }, body: Buffer.from(body), truncated: false, elapsedMs: 1 };
  return observeAnswer(1, role, true, { hops: [{ request, exchange }] }, { maxTwimlBytes: 65_536 });
}

const codes = (observation: AnswerObservation): (number | undefined)[] => (observation.validation?.diagnostics ?? []).map((diagnostic) => diagnostic.code);

describe('withCallerIdContext: the caller-ID rules that need the first request', () => {
  it('a Voice SDK caller forwarded to a number without callerId: a 13214 warning, added to a new validation', () => {
    const observation = answered(FORWARD);
    const checked = withCallerIdContext(observation, { From: 'client:alice', To: '' });
    expect(checked.validation?.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity, diagnostic.path])).toEqual([
      ['dial.callerId.client-caller', 'warning', '/Response/Dial[1]/@callerId'],
    ]);
    // The validation may be shared through the cache: it is not changed in place.
    expect(codes(observation)).toEqual([]);
  });

  it('the same document for a phone caller, or with a callerId for the client: the observation unchanged', () => {
    const observation = answered(FORWARD);
    expect(withCallerIdContext(observation, { From: '+14155550100', To: '+15558675309' })).toBe(observation);
    const withCallerId = answered(FORWARD.replace('<Dial ', '<Dial callerId="+15558675309" '));
    expect(withCallerIdContext(withCallerId, { From: 'client:alice', To: '' })).toBe(withCallerId);
  });

  it('an inbound SIP call whose callerId is the number it called: 13214', () => {
    const observation = answered(FORWARD.replace('<Dial ', '<Dial callerId="+15558675309" '));
    const sip = { From: 'sip:alice@acme.sip.twilio.com', To: 'sip:+15558675309@acme.sip.twilio.com', SipDomain: 'acme.sip.twilio.com', SipCallId: 'c1@10.0.0.1' };
    expect(codes(withCallerIdContext(observation, sip))).toEqual([13214]);
    expect(withCallerIdContext(observation, { ...sip, To: 'sip:+15558675300@acme.sip.twilio.com' })).toBe(observation);
  });

  it('an action or redirect answer is checked; a whisper (noun url) runs on the callee and is left as it is', () => {
    expect(codes(withCallerIdContext(answered(FORWARD, 200, 'action'), { From: 'client:alice' }))).toEqual([13214]);
    expect(codes(withCallerIdContext(answered(FORWARD, 200, 'redirect'), { From: 'client:alice' }))).toEqual([13214]);
    const whisper = answered(FORWARD, 200, 'url');
    expect(withCallerIdContext(whisper, { From: 'client:alice' })).toBe(whisper);
  });

  it('an answer that is not a document (a 500) is left as it is', () => {
    const failed = answered('oops', 500);
    expect(withCallerIdContext(failed, { From: 'client:alice' })).toBe(failed);
  });
});

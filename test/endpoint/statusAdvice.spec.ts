import { describe, expect, it } from 'vitest';
import { ENDPOINT_PROPERTIES } from '../../properties/endpoint.js';
import type { AnswerObservation, AnswerRole } from '../../src/check/endpoint/answerObservation.js';
import type { EndpointCheckContext } from '../../src/check/endpoint/endpointProperty.js';
import { statusAdvice } from '../../src/check/endpoint/statusAdvice.js';
import { buildWebhookRequest } from '../../src/targets/http/webhookRequest.js';

const SIGNATURE_HINT = /without X-Twilio-Signature \(no --auth-token was given\) and the app probably checks it: pass the app's auth token with --auth-token/;

function answeredWith(status: number, role: AnswerRole): AnswerObservation {
  const request = buildWebhookRequest({ url: 'http://127.0.0.1:1/voice', method: 'POST', params: [['CallSid', 'CA1']] });
  const exchange = { kind: 'answer', status, headers: {}, body: Buffer.from('Forbidden'), truncated: false, elapsedMs: 1 } as const;
  return { step: 1, role, expectsTwiml: true, hops: [{ request, exchange }], request, exchange };
}

const epStatus = ENDPOINT_PROPERTIES.find((property) => property.id === 'EP-STATUS');

describe('EP-STATUS on a 401 or 403 to an unsigned first request', () => {
  it('says the app probably checks X-Twilio-Signature and to pass --auth-token', () => {
    expect(statusAdvice(403, 'voice', false)).toMatch(SIGNATURE_HINT);
    expect(statusAdvice(401, 'voice', false)).toMatch(/^the voice request was answered 401; Twilio treats 4xx and 5xx as a retrieval failure\. /);
  });

  it('gives no such advice when the request was signed, is not the first, or the status is another', () => {
    expect(statusAdvice(403, 'voice', true)).toBe('the voice request was answered 403; Twilio treats 4xx and 5xx as a retrieval failure');
    expect(statusAdvice(403, 'action', false)).not.toMatch(SIGNATURE_HINT);
    expect(statusAdvice(404, 'voice', false)).not.toMatch(SIGNATURE_HINT);
    expect(statusAdvice(500, 'voice', false)).not.toMatch(SIGNATURE_HINT);
    expect(statusAdvice(204, 'voice', false)).toBe('the voice request was answered 204, not 200; the sources do not say Twilio executes it');
  });

  it('EP-STATUS gives the advice only when the run was not signed', () => {
    const observation = answeredWith(403, 'voice');
    const unsigned: EndpointCheckContext = { timeoutMs: 1000, signed: false, maxSteps: 10 };
    expect(epStatus?.check?.(observation, unsigned)).toEqual([{ key: 'status.4xx', code: 11200, message: expect.stringMatching(SIGNATURE_HINT) as unknown }]);
    const signed: EndpointCheckContext = { timeoutMs: 1000, signed: true, maxSteps: 10 };
    expect(epStatus?.check?.(observation, signed)[0]?.message).toBe('the voice request was answered 403; Twilio treats 4xx and 5xx as a retrieval failure');
  });
});

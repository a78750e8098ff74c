import fc from 'fast-check';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { signedString, signingUrl, tamperedSignature, twilioSignature, type ParamList } from '../../src/targets/http/signature.js';
import { buildWebhookRequest, formEncode, withSignatureMode } from '../../src/targets/http/webhookRequest.js';

const VECTOR_PARAMS = (caller: string): ParamList => [
  ['CallSid', 'CA1234567890ABCDE'],
  ['Caller', caller],
  ['Digits', '1234'],
  ['From', caller],
  ['To', '+18005551212'],
];

describe('twilioSignature: the test vectors of facts §5.1', () => {
  it('vector 1 ([SEC] worked example), including the exact signed string', () => {
    const url = 'https://example.com/myapp.php?foo=1&bar=2';
    expect(signedString(url, VECTOR_PARAMS('+14158675310'))).toBe(
      'https://example.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675310Digits1234From+14158675310To+18005551212',
    );
    expect(twilioSignature('12345', url, VECTOR_PARAMS('+14158675310'))).toBe('L/OH5YylLD5NRKLltdqwSvS0BnU=');
  });

  it('vector 2 (twilio-node spec)', () => {
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', VECTOR_PARAMS('+14158675309'))).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('vector 3 (JSON body: only the URL carrying bodySHA256 is signed)', () => {
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620';
    expect(twilioSignature('12345', url, [])).toBe('a9nBmqA0ju/hNViExpshrM61xv4=');
  });

  it('parameter order does not matter; names sort case-sensitively; repeated names sign each distinct value in order', () => {
    const url = 'http://127.0.0.1:8080/voice';
    const forward: ParamList = [['a', '1'], ['B', '2'], ['a', '0'], ['a', '1']];
    expect(signedString(url, forward)).toBe(`${url}B2a0a1`);
    expect(twilioSignature('t', url, forward)).toBe(twilioSignature('t', url, [...forward].reverse()));
  });

  it('sorts names in UTF-8 byte order, not UTF-16 code unit order (they differ past U+FFFF)', () => {
    // U+FFFD is EF BF BD in UTF-8, before F0 9F 98 80 (U+1F600); in UTF-16 the surrogate D83D sorts first.
    expect(signedString('u', [['x\u{1F600}', '1'], ['x\uFFFD', '2'], ['xa', '3']])).toBe('uxa3x\uFFFD2x\u{1F600}1');
  });

  it('drops the fragment always, and user info and port over HTTPS only', () => {
    expect(signingUrl('https://user:pw@example.com:8443/a?b=1#ct=1000')).toBe('https://example.com/a?b=1');
    expect(signingUrl('http://example.com:8080/a#rt=5')).toBe('http://example.com:8080/a');
  });

  it('a tampered signature differs from the right one but keeps its length', () => {
    const right = twilioSignature('12345', 'https://example.com/', []);
    expect(tamperedSignature(right)).not.toBe(right);
    expect(tamperedSignature(right)).toHaveLength(right.length);
    expect(tamperedSignature('A' + right.slice(1))).not.toBe('A' + right.slice(1));
  });
});

describe('twilioSignature agrees with the twilio package', () => {
  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,12}$/);
  const value = fc.string({ unit: 'binary', maxLength: 24 });
  const params = fc.array(fc.tuple(name, value), { maxLength: 12 });
  const url = fc.constantFrom('http://127.0.0.1:8080/voice', 'https://example.com/voice?x=1&y=%20z', 'http://localhost:3000/a/b?c=');

  function asRecord(list: ParamList): Record<string, string | string[]> {
    const record: Record<string, string | string[]> = {};
    for (const [key, item] of list) {
      const previous = record[key];
      record[key] = previous === undefined ? item : Array.isArray(previous) ? [...previous, item] : [previous, item];
    }
    return record;
  }

  it('validateRequest accepts every POST the kit signs, and rejects a tampered one', () => {
    fc.assert(
      fc.property(url, params, fc.string({ minLength: 1, maxLength: 32 }), (base, list, token) => {
        const request = buildWebhookRequest({ url: base, method: 'POST', params: list, authToken: token });
        const signature = request.headers['x-twilio-signature'] as string;
        expect(twilio.validateRequest(token, signature, request.url, asRecord(list))).toBe(true);
        expect(twilio.validateRequest(token, tamperedSignature(signature), request.url, asRecord(list))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('validateRequest accepts every GET the kit signs (parameters in the signed query)', () => {
    fc.assert(
      fc.property(url, params, fc.string({ minLength: 1, maxLength: 32 }), (base, list, token) => {
        const request = buildWebhookRequest({ url: base, method: 'GET', params: list, authToken: token });
        expect(request.body).toBeUndefined();
        expect(twilio.validateRequest(token, request.headers['x-twilio-signature'] as string, request.url, {})).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a POST whose parameters come already encoded (the interpreter encodes its requests once) is the very request built from the parameters alone', () => {
    fc.assert(
      fc.property(url, params, fc.string({ minLength: 1, maxLength: 32 }), (base, list, token) => {
        const fromParams = buildWebhookRequest({ url: base, method: 'POST', params: list, authToken: token });
        expect(buildWebhookRequest({ url: base, method: 'POST', params: list, encoded: formEncode(list), authToken: token })).toEqual(fromParams);
      }),
      { numRuns: 200 },
    );
  });

  it('no signature header without a token, none in missing mode', () => {
    expect(buildWebhookRequest({ url: 'http://h/', method: 'POST', params: [] }).headers['x-twilio-signature']).toBeUndefined();
    expect(buildWebhookRequest({ url: 'http://h/', method: 'POST', params: [], authToken: 't', signature: 'missing' }).headers['x-twilio-signature']).toBeUndefined();
  });

  it('formEncode writes what URLSearchParams writes, lone surrogates and all', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(" !'()~*-._", '\uD800', 'x\uDC00', '😀 a+b&c=d%'));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 8 }), (list) => {
        expect(formEncode(list)).toBe(new URLSearchParams(list).toString());
      }),
      { numRuns: 500 },
    );
  });

  it('a probe made from a signed request is the request built in that signature mode', () => {
    fc.assert(
      fc.property(url, params, fc.constantFrom('GET', 'POST'), fc.constantFrom('tampered', 'missing'), (base, list, method, mode) => {
        const init = { url: base, method: method as 'GET' | 'POST', params: list, authToken: 'token' };
        expect(withSignatureMode(buildWebhookRequest(init), mode as 'tampered' | 'missing')).toEqual(buildWebhookRequest({ ...init, signature: mode as 'tampered' | 'missing' }));
      }),
      { numRuns: 200 },
    );
  });
});

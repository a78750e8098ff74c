import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedRequest, resolvedHref } from '../../reference/interpret/derivedRequest.js';

/** What the WHATWG URL API gives for a request to `target` from `documentUrl`: the reading the remembered, string-built one must keep. */
function byUrlApi(target: string, documentUrl: string, method: 'GET' | 'POST', params: Record<string, string>): string | undefined {
  let url: URL;
  try {
    url = new URL(target, documentUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  const encoded = new URLSearchParams(Object.entries(params)).toString();
  if (method === 'GET' && encoded !== '') url.search = url.search === '' ? `?${encoded}` : `${url.search}&${encoded}`;
  return url.href;
}

const documents = fc.constantFrom('https://app.example.com/voice', 'http://127.0.0.1:8080/a/b?x=1', 'https://h.example/doc?', 'http://h.example/d#frag', 'https://bücher.example/x?q=a%20b');
const targets = fc.oneof(
  fc.constantFrom('', '?', '#', '/status', 'status?a=1', '../up?', 'https://other.example/cb?x=%zz', '//x.example/p', 'mailto:a@b', 'ftp://f/x', 'http://[::1', ' /sp ace\t', '?a=1#b'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);
const params = fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 6 }), { maxKeys: 3, noNullPrototype: true });

describe('derivedRequest: the request URL', () => {
  it('is what the URL API gives (resolution, fragment dropped, GET query appended), remembered or not, over random targets', () => {
    fc.assert(
      fc.property(targets, documents, fc.constantFrom('GET' as const, 'POST' as const), params, (target, documentUrl, method, list) => {
        const expected = byUrlApi(target, documentUrl, method, list);
        for (let time = 0; time < 2; time += 1) {
          const request = derivedRequest({ kind: 'statusCallback', at: 0, method, target, documentUrl, params: list });
          expect(request?.url).toBe(expected);
          expect(resolvedHref(target, documentUrl)).toBe(byUrlApi(target, documentUrl, 'POST', {}));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps pairs apart whose strings run together (a document URL ending where a target begins)', () => {
    expect(resolvedHref('b/c', 'http://h.example/a')).toBe('http://h.example/b/c');
    expect(resolvedHref('c', 'http://h.example/ab/')).toBe('http://h.example/ab/c');
    expect(resolvedHref('/c', 'http://h.example/ab')).toBe('http://h.example/c');
  });
});

describe('derivedRequest: the request itself', () => {
  it('carries the body (POST) as URLSearchParams writes it, and its fields in report order', () => {
    fc.assert(
      fc.property(fc.constantFrom('GET' as const, 'POST' as const), params, fc.option(fc.constant('/Response/Dial[1]/Number[1]'), { nil: undefined }), (method, list, nounPath) => {
        const request = derivedRequest({ kind: 'action', at: 3, method, target: '/next', documentUrl: 'https://app.example.com/voice', params: list, ...(nounPath === undefined ? {} : { nounPath }) });
        const fields = ['kind', 'at', 'method', 'url', 'params', ...(method === 'POST' ? ['body'] : []), ...(nounPath === undefined ? [] : ['nounPath']), 'expectsTwiml'];
        expect(Object.keys(request ?? {})).toEqual(fields);
        if (method === 'POST') expect(request?.body).toBe(new URLSearchParams(Object.entries(list)).toString());
        expect(request?.expectsTwiml).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

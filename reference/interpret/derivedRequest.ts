import type { DerivedRequest, DerivedRequestKind } from '../../src/model/trace.js';
import { boundedMemo } from '../../src/boundedMemo.js';
import { formEncodeRecord } from '../formEncoding.js';

export interface RequestSpec {
  readonly kind: DerivedRequestKind;
  readonly at: number;
  readonly method: 'GET' | 'POST';
  /** As written in the document: relative or absolute. */
  readonly target: string;
  readonly documentUrl: string;
  readonly params: Readonly<Record<string, string>>;
  readonly nounPath?: string;
}

/** `new URL(target, documentUrl)` without its fragment, or null when it is not an http(s) URL. */
function resolve(target: string, documentUrl: string): string | null {
  try {
    const url = new URL(target, documentUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** Keys hold the document URL's length, then it, then the target: no two pairs share a key. */
const resolutions = boundedMemo(256, (key): string | null => {
  const colon = key.indexOf(':');
  const end = colon + 1 + Number(key.slice(0, colon));
  return resolve(key.slice(end), key.slice(colon + 1, end));
});

/**
 * Resolves `target` against the document URL, the way RFC 3986 §5 does (WHATWG `new URL`), to the
 * href of the URL, or undefined when it cannot be resolved. The fragment is dropped: it is never
 * sent over HTTP, and Twilio reads it as connection overrides (facts §5). Remembered (256 pairs at
 * most): a run resolves the same few targets against the same few document URLs again and again.
 * @see facts §5 (relative URLs: RFC 3986 join against the document URL) — rule interp.request.url
 */
export function resolvedHref(target: string, documentUrl: string): string | undefined {
  return resolutions(`${documentUrl.length}:${documentUrl}${target}`) ?? undefined;
}

/**
 * `href` with `encoded` appended to its query as setting the URL's `search` would: after any query
 * already there, with `?` when there is none (a lone `?` is an empty query). Form encoding leaves no
 * character the query would escape.
 */
function withQuery(href: string, encoded: string): string {
  if (encoded === '') return href;
  const query = href.indexOf('?');
  if (query === -1) return `${href}?${encoded}`;
  return query === href.length - 1 ? `${href}${encoded}` : `${href}&${encoded}`;
}

/**
 * The request as sent: GET parameters appended to the query (after any query already there),
 * POST parameters as an `application/x-www-form-urlencoded` body.
 * @see facts §5 (method & encoding) — rule interp.request.encoding
 */
export function derivedRequest(spec: RequestSpec): DerivedRequest | undefined {
  const href = resolvedHref(spec.target, spec.documentUrl);
  if (href === undefined) return undefined;
  const encoded = formEncodeRecord(spec.params);
  const { kind, at, method, params, nounPath } = spec;
  const url = method === 'GET' ? withQuery(href, encoded) : href;
  const expectsTwiml = kind === 'action' || kind === 'referUrl' || kind === 'url' || kind === 'waitUrl';
  // One literal per shape rather than conditional spreads (a copy each); the fields in this order, as reports list them.
  if (nounPath === undefined) return method === 'POST' ? { kind, at, method, url, params, body: encoded, expectsTwiml } : { kind, at, method, url, params, expectsTwiml };
  return method === 'POST' ? { kind, at, method, url, params, body: encoded, nounPath, expectsTwiml } : { kind, at, method, url, params, nounPath, expectsTwiml };
}

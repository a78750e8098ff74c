import type { DerivedRequest, DerivedRequestKind } from '../../src/model/trace.js';
import { formEncode } from '../formEncoding.js';

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

/**
 * Resolves `target` against the document URL, the way RFC 3986 §5 does (WHATWG `new URL`), or
 * undefined when it cannot be resolved. The fragment is dropped: it is never sent over HTTP, and
 * Twilio reads it as connection overrides (facts §5).
 * @see facts §5 (relative URLs: RFC 3986 join against the document URL) — rule interp.request.url
 */
export function resolveUrl(target: string, documentUrl: string): URL | undefined {
  try {
    const url = new URL(target, documentUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url;
  } catch {
    return undefined;
  }
}

/**
 * The request as sent: GET parameters appended to the query (after any query already there),
 * POST parameters as an `application/x-www-form-urlencoded` body.
 * @see facts §5 (method & encoding) — rule interp.request.encoding
 */
export function derivedRequest(spec: RequestSpec): DerivedRequest | undefined {
  const url = resolveUrl(spec.target, spec.documentUrl);
  if (url === undefined) return undefined;
  const encoded = formEncode(Object.entries(spec.params));
  if (spec.method === 'GET' && encoded !== '') url.search = url.search === '' ? `?${encoded}` : `${url.search}&${encoded}`;
  return {
    kind: spec.kind,
    at: spec.at,
    method: spec.method,
    url: url.href,
    params: spec.params,
    ...(spec.method === 'POST' ? { body: encoded } : {}),
    ...(spec.nounPath === undefined ? {} : { nounPath: spec.nounPath }),
    expectsTwiml: spec.kind === 'action' || spec.kind === 'referUrl' || spec.kind === 'url' || spec.kind === 'waitUrl',
  };
}

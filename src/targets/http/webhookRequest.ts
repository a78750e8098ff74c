import { boundedMemo } from '../../boundedMemo.js';
import { formEncode } from '../../../reference/formEncoding.js';
import { signatureOver, signingUrl, tamperedSignature, type ParamList } from './signature.js';

export { formEncode };

export type HttpMethod = 'GET' | 'POST';

/** How the `X-Twilio-Signature` header is set: correctly, with one character changed, or left out. */
export type SignatureMode = 'valid' | 'tampered' | 'missing';

/** A request exactly as it goes on the wire: what is sent, signed and shown in a curl line is this one value. */
export interface WebhookRequest {
  readonly method: HttpMethod;
  /** Absolute URL without fragment; for GET it already carries the parameters. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Form body of a POST; undefined for GET. */
  readonly body: string | undefined;
  /** The parameters, in sending order (also present in `url` or `body`). */
  readonly params: ParamList;
}

export interface WebhookRequestInit {
  readonly url: string;
  readonly method: HttpMethod;
  readonly params: ParamList;
  /** `params` already form-encoded, exactly as {@link formEncode} writes them (the interpreter's body): not encoded again. */
  readonly encoded?: string | undefined;
  /** Without a token no signature header is sent. */
  readonly authToken?: string | undefined;
  readonly signature?: SignatureMode;
}

/** A URL a request goes to, normalized once: without its fragment, and what a query is appended with. */
interface RequestUrl {
  readonly href: string;
  readonly queryJoin: string;
  /** What Twilio signs for `href` (the signing URL of `href` plus a query is this plus the query). */
  readonly signing: string;
}

/** A run sends to a handful of URLs again and again: each is normalized once (256 remembered at most). */
const requestUrlOf = boundedMemo(256, (url): RequestUrl => {
  const parsed = new URL(url);
  parsed.hash = '';
  const href = parsed.href;
  return { href, queryJoin: parsed.search === '' ? (href.endsWith('?') ? '' : '?') : '&', signing: signingUrl(href) };
});

/**
 * Builds one webhook request the way Twilio sends it: parameters in the POST body, or appended to any
 * query the URL already has for GET; the fragment (connection overrides) is never sent.
 * @see facts §5 (Method & encoding; headers seen), §5.1
 */
export function buildWebhookRequest(init: WebhookRequestInit): WebhookRequest {
  const target = requestUrlOf(init.url);
  let url = target.href;
  let signing = target.signing;
  let body: string | undefined;
  const encoded = init.encoded ?? formEncode(init.params);
  if (init.method === 'GET') {
    if (encoded !== '') {
      url += target.queryJoin + encoded;
      signing += target.queryJoin + encoded;
    }
  } else {
    body = encoded;
  }
  const headers: Record<string, string> = {
    'user-agent': 'TwilioProxy/1.1',
    accept: 'text/xml, application/xml, text/html',
  };
  if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
  const mode = init.signature ?? 'valid';
  if (init.authToken !== undefined && mode !== 'missing') {
    const signature = signatureOver(init.authToken, signing, init.method === 'GET' ? [] : init.params);
    headers['x-twilio-signature'] = mode === 'tampered' ? tamperedSignature(signature) : signature;
  }
  return { method: init.method, url, headers, body, params: init.params };
}

/**
 * The same request with the signature header set another way: what `buildWebhookRequest` gives for
 * the same init with `signature: mode`, without signing again (the signed string is the same).
 */
export function withSignatureMode(request: WebhookRequest, mode: SignatureMode): WebhookRequest {
  const signature = request.headers['x-twilio-signature'];
  if (signature === undefined || mode === 'valid') return request;
  const headers: Record<string, string> = {};
  for (const name in request.headers) {
    if (name !== 'x-twilio-signature') headers[name] = request.headers[name] as string;
    else if (mode === 'tampered') headers[name] = tamperedSignature(signature);
  }
  return { ...request, headers };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A curl command that sends the same bytes (signature included), for a finding's replay line. */
export function curlLine(request: WebhookRequest): string {
  const parts = ['curl', '-sS', '-i', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', shellQuote(request.body));
  return parts.join(' ');
}

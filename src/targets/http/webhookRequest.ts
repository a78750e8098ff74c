import { boundedMemo } from '../../boundedMemo.js';
import { signatureOver, signingUrl, tamperedSignature, type ParamList } from './signature.js';

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
  /** Without a token no signature header is sent. */
  readonly authToken?: string;
  readonly signature?: SignatureMode;
}

/** Where encodeURIComponent differs from the form serializer: it leaves `!'()~` alone and writes a space `%20`. */
const FORM_DIFFERENCES = /[!'()~]|%20/g;
const FORM_SPELLING: Readonly<Record<string, string>> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '~': '%7E', '%20': '+' };
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** How the form serializer writes each ASCII character: '' for one it leaves as it is (letters, digits, `*-._`). */
const ASCII_FORM: readonly string[] = Array.from({ length: 128 }, (_, code) => {
  const character = String.fromCharCode(code);
  if (/[A-Za-z0-9*._-]/.test(character)) return '';
  return character === ' ' ? '+' : `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
});

/** Text with a character beyond ASCII: UTF-8 percent-encoded, a lone surrogate as U+FFFD. */
function formComponentBeyondAscii(text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    encoded = encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  }
  return encoded.replace(FORM_DIFFERENCES, (found) => FORM_SPELLING[found] as string);
}

/** One name or value as the form serializer writes it; most are ASCII and many need no escape at all. */
function formComponent(text: string): string {
  let encoded = '';
  let copied = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 128) return formComponentBeyondAscii(text);
    const spelling = ASCII_FORM[code] as string;
    if (spelling === '') continue;
    encoded += text.slice(copied, index) + spelling;
    copied = index + 1;
  }
  return copied === 0 ? text : encoded + text.slice(copied);
}

/**
 * Form encoding (`application/x-www-form-urlencoded`, spaces as `+`), the form both bodies and GET
 * queries use: the very string `new URLSearchParams(params).toString()` gives, written directly.
 */
export function formEncode(params: ParamList): string {
  let encoded = '';
  for (let index = 0; index < params.length; index += 1) {
    const [name, value] = params[index] as readonly [string, string];
    encoded += `${index === 0 ? '' : '&'}${formComponent(name)}=${formComponent(value)}`;
  }
  return encoded;
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
  const encoded = formEncode(init.params);
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

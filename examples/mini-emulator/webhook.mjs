// One webhook request, the way Twilio sends it: parameters in the query for GET (after any query
// already there) or as a form body for POST, signed with X-Twilio-Signature, bounded in time and size.
import { createHmac } from 'node:crypto';
import { MAX_TWIML_BYTES } from './twiml.mjs';

/** Twilio waits at most 15 s for a whole answer (facts §5, errors 11205 and [OVR]). */
const TIMEOUT_MS = 15_000;

/**
 * `target` resolved against `base` as RFC 3986 says; undefined when it is not an http(s) URL.
 * The fragment is never sent: Twilio reads it as connection overrides (facts §5).
 */
export function resolveUrl(target, base) {
  try {
    const url = new URL(target, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url;
  } catch {
    return undefined;
  }
}

/**
 * HMAC-SHA1 of the URL, then (for a form body) each parameter name and value in name order,
 * keyed with the Auth Token, in Base64. @see facts §5.1 (https://www.twilio.com/docs/usage/security)
 */
export function signature(authToken, url, formParams) {
  const names = Object.keys(formParams).sort();
  const data = url + names.map((name) => name + formParams[name]).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

async function readCapped(response) {
  const chunks = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > MAX_TWIML_BYTES) throw new Error('the answer is over 64 kB (11750)');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends one request and returns `{ status, body }`. `origin` is the only origin the emulator talks
 * to: a URL elsewhere is refused, never requested. Redirects are not followed (the kit's app sends none).
 */
export async function sendWebhook({ url, method, params, authToken, origin }) {
  if (url.origin !== origin) throw new Error(`refusing to request ${url.href}: it is not on ${origin}`);
  const encoded = new URLSearchParams(Object.entries(params)).toString();
  const target = new URL(url.href);
  if (method === 'GET' && encoded !== '') target.search = target.search === '' ? `?${encoded}` : `${target.search}&${encoded}`;
  const headers = { 'user-agent': 'mini-emulator/1' };
  if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
  if (authToken !== undefined) headers['x-twilio-signature'] = signature(authToken, target.href, method === 'POST' ? params : {});
  const response = await fetch(target, {
    method,
    headers,
    ...(method === 'POST' ? { body: encoded } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  return { status: response.status, body: await readCapped(response) };
}

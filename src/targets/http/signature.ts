import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** Request parameters in sending order. A name may repeat (a form body may carry `a=1&a=2`). */
export type ParamList = readonly (readonly [name: string, value: string])[];

/**
 * The URL string Twilio signs for a request to `url`: scheme through query, never the `#…` fragment
 * (connection overrides are not signed); over HTTPS user info and port are dropped, over HTTP the
 * port is kept.
 * @see facts §5.1 (step 1), [SEC], [OVR]
 */
export function signingUrl(url: string): string {
  const hash = url.indexOf('#');
  const withoutFragment = hash === -1 ? url : url.slice(0, hash);
  const match = /^(https:\/\/)([^/?#]*)/i.exec(withoutFragment);
  if (match === null) return withoutFragment;
  const authority = match[2] as string;
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  const host = portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart);
  return `${match[1] as string}${host}${withoutFragment.slice(match[0].length)}`;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * UTF-8 byte order, which is code point order. Without surrogates it is also UTF-16 code unit order,
 * the fast `<`; only strings with characters beyond U+FFFF need the byte comparison.
 */
function byteOrder(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The string that is HMAC'd: the signing URL, then for each parameter name in byte order each of its
 * distinct values in byte order as `name + value`, with no separators. For GET the parameters are
 * already in the URL's query and `params` is empty.
 * @see facts §5.1 (step 2; repeated names as twilio-node's `toFormUrlEncodedParam` reads them)
 */
export function signedString(url: string, params: ParamList): string {
  const byName = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const values = byName.get(name) ?? new Set<string>();
    values.add(value);
    byName.set(name, values);
  }
  let data = signingUrl(url);
  for (const name of [...byName.keys()].sort(byteOrder)) {
    for (const value of [...(byName.get(name) as Set<string>)].sort(byteOrder)) data += name + value;
  }
  return data;
}

/**
 * `X-Twilio-Signature` for a request: HMAC-SHA1 keyed with the auth token over the UTF-8 bytes of
 * the signed string, standard Base64 with padding.
 * @see facts §5.1 (step 3)
 */
export function twilioSignature(authToken: string, url: string, params: ParamList): string {
  return createHmac('sha1', hmacKey(authToken)).update(signedString(url, params), 'utf8').digest('base64');
}

/** The last token's key, made once: a run signs every request with the same token. */
let lastKey: { readonly token: string; readonly key: KeyObject } | undefined;

function hmacKey(authToken: string): KeyObject {
  if (lastKey?.token !== authToken) lastKey = { token: authToken, key: createSecretKey(Buffer.from(authToken, 'utf8')) };
  return lastKey.key;
}

/**
 * A signature that is wrong but looks right: same length and alphabet, one character changed. An app
 * that only checks the header is present, or compares lengths, still accepts nothing it should not.
 */
export function tamperedSignature(signature: string): string {
  const first = signature.charAt(0);
  return (first === 'A' ? 'B' : 'A') + signature.slice(1);
}

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

/** UTF-8 byte order, which is code point order: only strings with characters beyond U+FFFF need more than `<`. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** UTF-16 code unit order: the same as byte order when no string has a surrogate. */
function unitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The parameters as they are signed: each distinct (name, value) pair once, by name and then by
 * value in byte order, written `name + value` with no separators.
 */
function signedParams(params: ParamList): string {
  if (params.length === 0) return '';
  let surrogates = false;
  for (const [name, value] of params) {
    if (SURROGATE.test(name) || SURROGATE.test(value)) {
      surrogates = true;
      break;
    }
  }
  const order = surrogates ? byteOrder : unitOrder;
  const sorted = [...params].sort(([nameA, valueA], [nameB, valueB]) => order(nameA, nameB) || order(valueA, valueB));
  let data = '';
  let previous: readonly [string, string] | undefined;
  for (const pair of sorted) {
    if (previous === undefined || previous[0] !== pair[0] || previous[1] !== pair[1]) data += pair[0] + pair[1];
    previous = pair;
  }
  return data;
}

/**
 * The string that is HMAC'd: the signing URL, then for each parameter name in byte order each of its
 * distinct values in byte order as `name + value`, with no separators. For GET the parameters are
 * already in the URL's query and `params` is empty.
 * @see facts §5.1 (step 2; repeated names as twilio-node's `toFormUrlEncodedParam` reads them)
 */
export function signedString(url: string, params: ParamList): string {
  return signingUrl(url) + signedParams(params);
}

/**
 * `X-Twilio-Signature` for a request: HMAC-SHA1 keyed with the auth token over the UTF-8 bytes of
 * the signed string, standard Base64 with padding.
 * @see facts §5.1 (step 3)
 */
export function twilioSignature(authToken: string, url: string, params: ParamList): string {
  return signatureOver(authToken, signingUrl(url), params);
}

/** `twilioSignature` for a URL already reduced to its signing form (`signingUrl`). */
export function signatureOver(authToken: string, signing: string, params: ParamList): string {
  return createHmac('sha1', hmacKey(authToken)).update(signing + signedParams(params), 'utf8').digest('base64');
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

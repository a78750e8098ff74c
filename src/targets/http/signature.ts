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

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

/**
 * UTF-8 byte order, which is code point order (a lone surrogate is written as U+FFFD). Where the two
 * strings first differ, or where the shorter ends, a character below U+D800 or from U+E000 up is
 * ordered by its UTF-16 unit; only a surrogate there needs the bytes themselves.
 */
function byteOrder(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let index = 0;
  while (index < length && a.charCodeAt(index) === b.charCodeAt(index)) index += 1;
  const unitA = a.charCodeAt(index);
  const unitB = b.charCodeAt(index);
  if (isSurrogate(unitA) || isSurrogate(unitB) || (index > 0 && isSurrogate(a.charCodeAt(index - 1)))) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  }
  return index < length ? unitA - unitB : a.length - b.length;
}

/**
 * The parameters as they are signed: for each name in byte order each of its distinct values in byte
 * order, written `name + value` with no separators. Webhook parameters rarely repeat a name, so they
 * are sorted as pairs; only a repeated name (or two names with the same bytes) needs the grouping.
 */
function signedParams(params: ParamList): string {
  if (params.length === 0) return '';
  const sorted = [...params].sort(([nameA], [nameB]) => byteOrder(nameA, nameB));
  let data = '';
  for (let index = 0; index < sorted.length; index += 1) {
    const [name, value] = sorted[index] as readonly [string, string];
    if (index > 0 && byteOrder((sorted[index - 1] as readonly [string, string])[0], name) === 0) return groupedParams(params);
    data += name + value;
  }
  return data;
}

function groupedParams(params: ParamList): string {
  const byName = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const values = byName.get(name) ?? new Set<string>();
    values.add(value);
    byName.set(name, values);
  }
  let data = '';
  for (const name of [...byName.keys()].sort(byteOrder)) {
    for (const value of [...(byName.get(name) as Set<string>)].sort(byteOrder)) data += name + value;
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

import type { NounName } from '../src/model/dial.js';
import { MAX_CLIENT_IDENTITY, MAX_PHONE_DIGITS, MAX_QUEUE_NAME, MAX_SIP_HEADERS, MAX_SIP_URI, SIP_HEADERS_WITHOUT_PREFIX, type ContentKind } from './spec/elements.js';
import type { ValueKind, ValueProblem } from './spec/valueKinds.js';

/** Characters a phone number may be written with besides its digits (seed: `415-123-4567`; [NUMBER]: `(415) 555-1212`). */
const PHONE_FORMATTING = /[\s\-().]/g;

const PHONE_DIGITS = new RegExp(`^\\+?[0-9]{1,${MAX_PHONE_DIGITS}}$`);

/** @see seed §Nouns ("a string representing a valid phone number"); facts §1.3 13223 (E.164, at most 15 digits). */
export function isPhoneNumber(value: string): boolean {
  return PHONE_DIGITS.test(value.replace(PHONE_FORMATTING, ''));
}

/** RFC 2396 delimiters and "unwise" characters, which a client identity may not contain ([CLIENT]). */
const IDENTITY_FORBIDDEN = /[\u0000-\u0020\u007f<>#%"{}|\\^[\]`]/;

/** @see facts §2.3 [CLIENT]: up to 256 characters, no control, space, delimiter or unwise characters. */
export function isClientIdentity(value: string): boolean {
  return value.length > 0 && [...value].length <= MAX_CLIENT_IDENTITY && !IDENTITY_FORBIDDEN.test(value);
}

/** A host name (labels of letters, digits and inner hyphens), an IPv4 address, or a bracketed IPv6 address. */
const SIP_HOST = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])`;
/** RFC 3261 §19.1.1 in outline: `sip:` or `sips:`, an optional `user@`, a host, an optional port, then `;params` and `?headers`. */
const SIP_URI = new RegExp(String.raw`^sips?:(?:[^\s@]+@)?${SIP_HOST}(?::[0-9]{1,5})?(?:[;?]\S*)?$`, 'i');

/**
 * @see facts §2.1, §2.4 [SIP]: a `sip:` URI (`sips:` for TLS) under 255 characters, with custom headers as
 * its query; the headers have their own limit ({@link sipHeaderProblem}), so they are not counted here.
 * The host is required and at most one `@` separates it from the user part.
 */
export function isSipUri(value: string): boolean {
  const uri = value.trim();
  const query = uri.indexOf('?');
  return (query < 0 ? uri : uri.slice(0, query)).length <= MAX_SIP_URI && SIP_URI.test(uri);
}

/** RFC 3261 §25.1 `token`: the characters a SIP header name may have. */
const SIP_TOKEN = /^[A-Za-z0-9.!%*_+`'~-]+$/;

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * What is wrong with the headers of a SIP URI (its query), if anything: a header name that is neither
 * `x-` prefixed nor one of the four named headers, or not a SIP token once percent-decoded (13252); or
 * headers of 1024 characters or more (13253, with the figure of 21227).
 * @see page §err-13252; page §err-13253; page §err-21227; facts §2.4
 */
export function sipHeaderProblem(value: string): 'name' | 'length' | undefined {
  const uri = value.trim();
  const query = uri.indexOf('?');
  if (query < 0) return undefined;
  const headers = uri.slice(query + 1);
  if (headers.length > MAX_SIP_HEADERS) return 'length';
  for (const header of headers === '' ? [] : headers.split('&')) {
    const name = percentDecoded(header.split('=')[0] as string);
    const lower = name.toLowerCase();
    const known = SIP_HEADERS_WITHOUT_PREFIX.includes(lower) || (lower.startsWith('x-') && lower.length > 2);
    if (!known || !SIP_TOKEN.test(name)) return 'name';
  }
  return undefined;
}

/** @see seed §callerId: dialing `<Sip>`, any alphanumeric string with `+ - _ .`, no whitespace. */
export function isSipCallerId(value: string): boolean {
  return /^[A-Za-z0-9+\-_.]+$/.test(value);
}

/**
 * @see seed attribute table ("Relative or absolute URL"). Relative URLs are almost anything, so only what
 * cannot be a URL is refused: white space and control characters, a scheme other than http or https,
 * an absolute URL without a host.
 */
export function isTwilioUrl(value: string): boolean {
  if (/[\u0000-\u0020\u007f-\u009f]/.test(value)) return false;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1];
  if (scheme === undefined) return !startsWithTwoSlashes(value) || parsedUrl(value, 'https://relative.invalid/base/doc.xml') !== undefined;
  if (!/^https?$/i.test(scheme)) return false;
  // WHATWG URL parsing repairs `http:///x` and `http:example.com`; an absolute URL (RFC 3986 §3) names its host after `//`.
  if (!/^https?:\/\/[^/?#]/i.test(value)) return false;
  const url = parsedUrl(value);
  return url !== undefined && url.hostname !== '';
}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;

/**
 * Whether a reference with no scheme names a host (`//host/x`; against an http(s) base a backslash
 * counts as a slash). Only then can resolving it fail: WHATWG URL's relative state reads anything else as a path,
 * a query or a fragment, and those steps have no failure (https://url.spec.whatwg.org/#relative-state).
 * Reading it here spares a `new URL` for most relative URLs (test/reference/values.spec.ts holds the
 * shortcut to `new URL`).
 */
function startsWithTwoSlashes(value: string): boolean {
  const first = value.charCodeAt(0);
  const second = value.charCodeAt(1);
  return (first === SLASH || first === BACKSLASH) && (second === SLASH || second === BACKSLASH);
}

/**
 * `new URL` in a try, never `URL.canParse`: on Node 20.20 `URL.canParse` starts refusing valid IDN hosts
 * (`http://bücher.example/`) after a few thousand calls in one process, which would make verdicts depend
 * on what ran before. `new URL` does not.
 */
function parsedUrl(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/** An absolute URL whose host holds `_`. @see facts §2.2 (statusCallback: underscores not allowed in the host), §2.3 */
export function hostHasUnderscore(value: string): boolean {
  return /^https?:\/\/(?:[^/?#@]*@)?[^/?#:]*_/i.test(value);
}

/** Code points, not UTF-16 units: "Maximum 50 characters" counts what a person sees as characters. */
export function characterCount(value: string): number {
  return [...value].length;
}

/** What the callerId must look like for each kind of noun dialed. @see seed §callerId; facts §2.8 [WA]. */
export function isCallerIdFor(value: string, noun: NounName | 'text'): boolean {
  switch (noun) {
    case 'Client':
      return isPhoneNumber(value) || (value.startsWith('client:') && isClientIdentity(value.slice('client:'.length)));
    case 'Sip':
      return isSipCallerId(value);
    case 'WhatsApp':
      return /^whatsapp:\+[0-9]{1,15}$/.test(value);
    case 'Application':
      return isPhoneNumber(value) || (value.startsWith('client:') && isClientIdentity(value.slice('client:'.length)));
    default:
      return isPhoneNumber(value);
  }
}

export interface ValueContext {
  /** Nouns the `<Dial>` dials, for `callerId`. */
  readonly nouns: readonly (NounName | 'text')[];
  /** Accept a timeLimit up to 24 hours. */
  readonly allow24HourCalls: boolean;
  /**
   * With nouns of different kinds, a callerId must suit every one of them (true, the default) or at least
   * one (false). The sources give each noun's forms but never say what one callerId does to mixed nouns.
   */
  readonly callerIdForEveryNoun?: boolean;
}

/** The first way `value` breaks `kind`, or undefined when it is valid. */
export function valueProblem(kind: ValueKind, value: string, context: ValueContext): ValueProblem | undefined {
  switch (kind.kind) {
    case 'enum':
      return kind.values.includes(value) || (kind.aliases !== undefined && Object.hasOwn(kind.aliases, value)) ? undefined : 'enum';
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : 'boolean';
    case 'integer': {
      if (!/^[0-9]+$/.test(value)) return 'integer';
      const max = context.allow24HourCalls && kind.maxWhen24h !== undefined ? kind.maxWhen24h : kind.max;
      const number = Number(value);
      return number < kind.min || number > max ? 'range' : undefined;
    }
    case 'url':
      return isTwilioUrl(value) && !(kind.hostWithoutUnderscore === true && hostHasUnderscore(value)) ? undefined : 'url';
    case 'eventList':
      return value.split(' ').every((token) => kind.values.includes(token)) ? undefined : 'event';
    case 'callerId': {
      const nouns = context.nouns.length === 0 ? (['text'] as const) : context.nouns;
      const suits = (noun: NounName | 'text'): boolean => isCallerIdFor(value, noun);
      return (context.callerIdForEveryNoun === false ? nouns.some(suits) : nouns.every(suits)) ? undefined : 'format';
    }
    case 'digits':
      return value.length > 0 && [...value].every((char) => kind.alphabet.includes(char)) ? undefined : 'chars';
    case 'text':
      return kind.maxLength !== undefined && characterCount(value) > kind.maxLength ? 'length' : undefined;
  }
}

/** The problems a kind of value can have: one rule each. */
export function problemsOf(kind: ValueKind): readonly ValueProblem[] {
  switch (kind.kind) {
    case 'enum':
      return ['enum'];
    case 'boolean':
      return ['boolean'];
    case 'integer':
      return ['integer', 'range'];
    case 'url':
      return ['url'];
    case 'eventList':
      return ['event'];
    case 'callerId':
      return ['format'];
    case 'digits':
      return ['chars'];
    case 'text':
      return kind.maxLength === undefined ? [] : ['length'];
  }
}

export type ContentProblem = 'format' | 'short' | 'long' | 'missing';

/** Checks the text content of a noun (or the bare number). `maxQueueName` defaults to the 14213 reading (63). */
export function contentProblem(kind: ContentKind, raw: string, maxQueueName: number = MAX_QUEUE_NAME): ContentProblem | undefined {
  const value = raw.trim();
  switch (kind) {
    case 'phone':
    case 'whatsappNumber':
      return isPhoneNumber(value) ? undefined : 'format';
    case 'clientIdentity':
      return isClientIdentity(value) ? undefined : 'format';
    case 'sipUri':
      return isSipUri(value) ? undefined : 'format';
    case 'conferenceName':
      return value === '' ? 'format' : undefined;
    case 'queueName':
      if (value === '') return 'short';
      return characterCount(value) > maxQueueName ? 'long' : undefined;
    case 'simSid':
      return /^DE[0-9a-fA-F]{32}$/.test(value) ? undefined : 'format';
  }
}

/**
 * The answers the kit's own HTTP reader takes (see leanConnections.ts): a head so plain that undici's
 * parser (llhttp) can only read it one way, and the way this reads it. Anything else is left to undici.
 *
 * Taken: `HTTP/1.1`, a status from 200 to 599 other than 304, CR LF line ends, fields `name: value`
 * (or `name:value`) with a token name and a printable ASCII value that neither starts nor ends with white
 * space, and Connection absent or exactly `close` or `keep-alive`. The body is framed by exactly one
 * Content-Length of digits, or by exactly one `Transfer-Encoding: chunked`, never both; a 204 has neither
 * and no body. A name `Object.prototype` holds (`constructor`, `__proto__`) is left to undici too, which
 * writes such names in its own way.
 */
export interface StrictHead {
  readonly status: number;
  /** Names lower-case; a repeated name's values joined with ", " in order, as the kit's client reads undici's arrays. */
  readonly headers: Record<string, string>;
  /** How the body ends: after `length` bytes (0 for a 204), or with the last chunk. */
  readonly framing: { readonly kind: 'length'; readonly length: number } | { readonly kind: 'chunked' };
  /** The connection may carry another request (llhttp's `shouldKeepAlive`). */
  readonly keepAlive: boolean;
  /** What `Keep-Alive` headers say, their values written one after the other as undici reads them ('' when none). */
  readonly keepAliveHint: string;
}

const STATUS_LINE = /^HTTP\/1\.1 ([2-5][0-9][0-9]) [\x20-\x7e]*$/;
const DIGITS = /^[0-9]{1,15}$/;
/** Token characters (RFC 9110 §5.6.2), by code. */
const TOKEN = new Uint8Array(128);
for (const char of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") TOKEN[char.charCodeAt(0)] = 1;
/** Names a plain object already answers to (`constructor`, `__proto__`): undici writes such a header its own way. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
const SPACE = 0x20;
const TILDE = 0x7e;

/** Whether `text` from `start` to `end` is a token (RFC 9110 §5.6.2): a header name. */
export function isToken(text: string, start = 0, end = text.length): boolean {
  if (end <= start) return false;
  for (let at = start; at < end; at += 1) {
    const code = text.charCodeAt(at);
    if (code >= 128 || TOKEN[code] === 0) return false;
  }
  return true;
}

/** Whether `text` from `start` to `end` is a plain header value: printable ASCII, neither starting nor ending with a space. */
export function isPlainValue(text: string, start = 0, end = text.length): boolean {
  if (end <= start || text.charCodeAt(start) === SPACE || text.charCodeAt(end - 1) === SPACE) return false;
  for (let at = start; at < end; at += 1) {
    const code = text.charCodeAt(at);
    if (code < SPACE || code > TILDE) return false;
  }
  return true;
}

/**
 * The field `name: value` (or `name:value`) on `head` from `start` to `end`. Loops, not a regular
 * expression: a run reads some six fields per answer, tens of thousands of times.
 */
function fieldAt(head: string, start: number, end: number): readonly [name: string, value: string] | undefined {
  const colon = head.indexOf(':', start);
  if (colon >= end || !isToken(head, start, colon)) return undefined;
  const valueStart = head.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
  if (!isPlainValue(head, valueStart, end)) return undefined;
  return [head.slice(start, colon).toLowerCase(), head.slice(valueStart, end)];
}

/** Reads `head` (the bytes before the blank line, as latin1); undefined when it is not plain enough. */
export function strictHead(head: string): StrictHead | undefined {
  let lineEnd = head.indexOf('\r\n');
  if (lineEnd === -1) lineEnd = head.length;
  const statusMatch = STATUS_LINE.exec(head.slice(0, lineEnd));
  if (statusMatch === null) return undefined;
  const status = Number(statusMatch[1]);
  if (status === 304) return undefined;
  const headers: Record<string, string> = {};
  let contentLength: string | undefined;
  let transferEncoding: string | undefined;
  let connection: string | undefined;
  let keepAliveHint = '';
  while (lineEnd < head.length) {
    const start = lineEnd + 2;
    lineEnd = head.indexOf('\r\n', start);
    if (lineEnd === -1) lineEnd = head.length;
    const field = fieldAt(head, start, lineEnd);
    if (field === undefined) return undefined;
    const [name, value] = field;
    if (PROTOTYPE_NAMES.has(name)) return undefined;
    if (name === 'transfer-encoding') {
      if (transferEncoding !== undefined || value.toLowerCase() !== 'chunked') return undefined;
      transferEncoding = value;
    } else if (name === 'content-length') {
      if (contentLength !== undefined || !DIGITS.test(value)) return undefined;
      contentLength = value;
    } else if (name === 'connection') {
      if (connection !== undefined) return undefined;
      connection = value.toLowerCase();
      if (connection !== 'close' && connection !== 'keep-alive') return undefined;
    } else if (name === 'keep-alive') keepAliveHint += value;
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  const keepAlive = connection !== 'close';
  if (status === 204) return contentLength === undefined && transferEncoding === undefined ? { status, headers, framing: { kind: 'length', length: 0 }, keepAlive, keepAliveHint } : undefined;
  if ((contentLength === undefined) === (transferEncoding === undefined)) return undefined;
  const framing = contentLength === undefined ? { kind: 'chunked' as const } : { kind: 'length' as const, length: Number(contentLength) };
  return { status, headers, framing, keepAlive, keepAliveHint };
}

const STATUS_START = 'HTTP/1.1 ';
const STATUS_PREFIX = /^HTTP\/1\.1 (?:[2-5](?:[0-9](?:[0-9](?: [\x20-\x7e]*)?)?)?)?$/;
const FIELD_PREFIX = /^[!#$%&'*+.^_`|~0-9A-Za-z-]*$|^[!#$%&'*+.^_`|~0-9A-Za-z-]+: ?(?:[\x21-\x7e][\x20-\x7e]*)?$/;

/**
 * Whether the start of an answer whose blank line has not come yet may still turn out a plain head.
 * While it may, llhttp has found nothing wrong in it either, so waiting for more bytes is what undici
 * would do; once it may not, the answer is undici's to read at once. `text` is read from the start of a
 * line (the status line when `statusLine`) to what has come; lines already found plain need not be read
 * again. Returns where its last line, still being written, starts, or -1 once the head cannot be plain.
 */
export function plainSoFar(text: string, statusLine: boolean): number {
  let start = 0;
  for (let end = text.indexOf('\r\n'); end !== -1; end = text.indexOf('\r\n', start)) {
    const plain = start === 0 && statusLine ? STATUS_LINE.test(text.slice(0, end)) : fieldAt(text, start, end) !== undefined;
    if (!plain) return -1;
    start = end + 2;
  }
  // The last line may end in the CR of its CR LF.
  const last = text.endsWith('\r') ? text.slice(start, -1) : text.slice(start);
  const mayBe = start === 0 && statusLine ? STATUS_START.startsWith(last) || STATUS_PREFIX.test(last) : FIELD_PREFIX.test(last);
  return mayBe ? start : -1;
}

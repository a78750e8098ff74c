import { isXmlText } from './chars.js';

/**
 * Decodes the references XML 1.0 defines without a DTD: the five predefined entities and numeric
 * character references. Anything else is not well-formed here, because the kit never reads a DTD
 * and so never expands a declared entity (no billion-laughs, no external entities).
 */
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export class EntityError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function decodeReferences(raw: string): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  let last = 0;
  for (const match of raw.matchAll(REFERENCE)) {
    const at = match.index;
    const stray = raw.indexOf('&', last);
    if (stray !== -1 && stray < at) throw strayAmpersand(raw, stray);
    out += raw.slice(last, at);
    const [whole, name, decimal, hex] = match;
    if (name !== undefined) {
      out += PREDEFINED[name];
    } else {
      const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
      const char = codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
      if (char === '' || !isXmlText(char)) {
        throw new EntityError(`character reference ${whole} names a character XML 1.0 does not allow`, at);
      }
      out += char;
    }
    last = at + whole.length;
  }
  const stray = raw.indexOf('&', last);
  if (stray !== -1) throw strayAmpersand(raw, stray);
  return out + raw.slice(last);
}

function strayAmpersand(raw: string, at: number): EntityError {
  const reference = /^&[^;\s<&]{0,40};?/.exec(raw.slice(at))?.[0] ?? '&';
  return reference.endsWith(';') && reference.length > 2
    ? new EntityError(`undefined entity ${reference} (entities are never expanded; only &amp; &lt; &gt; &quot; &apos; and character references are allowed)`, at)
    : new EntityError('a bare "&" must be written &amp;', at);
}

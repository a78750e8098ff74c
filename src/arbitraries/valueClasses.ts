import type { AttributeSpec } from '../../reference/spec/attributes.js';
import { isCallerIdFor } from '../../reference/values.js';

const HOSTILE = /[&<>"']/;
const NON_BMP = /[\u{10000}-\u{10FFFF}]/u;
const NON_ASCII = /[^\x00-\x7f]/;
const DIGITS = /^[0-9]+$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;
const E164 = /^\+[0-9]+$/;

/** Code points, counted without building an array: the validator's `characterCount`. */
function codePointCount(value: string): number {
  let count = 0;
  for (let at = 0; at < value.length; at += 1) {
    const unit = value.charCodeAt(at);
    // A high surrogate followed by a low one is one code point; a lone surrogate counts alone, as `[...value]` does.
    if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < value.length) {
      const next = value.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) at += 1;
    }
    count += 1;
  }
  return count;
}

/** Whether the events of a list are out of table order (a stable sort by table position would move one). */
function reordered(events: readonly string[], values: readonly string[]): boolean {
  let previous = -Infinity;
  for (const event of events) {
    const position = values.indexOf(event);
    if (position < previous) return true;
    previous = position;
  }
  return false;
}

/**
 * Calls `visit` with each class `value` falls in, in the order {@link valueClasses} lists them; the
 * coverage counters use it to count without building an array per attribute.
 */
export function eachValueClass(spec: AttributeSpec, value: string, visit: (valueClass: string) => void): void {
  const kind = spec.value;
  switch (kind.kind) {
    case 'enum':
      visit(kind.values.includes(value) ? `enum:${value}` : kind.aliases !== undefined && Object.hasOwn(kind.aliases, value) ? `alias:${value}` : 'invalid');
      return;
    case 'boolean':
      visit(value === 'true' || value === 'false' ? value : 'invalid');
      return;
    case 'integer': {
      if (!DIGITS.test(value)) return visit('invalid');
      const number = Number(value);
      if (number === kind.min) return visit('min');
      if (number === kind.max) return visit('max');
      if (number === kind.min + 1) return visit('min+1');
      if (number === kind.max - 1) return visit('max-1');
      return visit(number > kind.min && number < kind.max ? 'inside' : 'outside');
    }
    case 'url':
      visit(SCHEME.test(value) ? 'absolute' : 'relative');
      if (value.includes('?')) visit('query');
      if (value.includes('&')) visit('ampersand');
      if (PERCENT_ESCAPE.test(value)) visit('percent-escape');
      if (NON_ASCII.test(value)) visit('non-ascii');
      return;
    case 'eventList': {
      const events = value.split(' ');
      visit(events.length === 1 ? 'one-event' : 'several-events');
      if (reordered(events, kind.values)) visit('reordered');
      return;
    }
    case 'callerId':
      if (value.startsWith('client:')) return visit('client');
      if (value.startsWith('whatsapp:')) return visit('whatsapp');
      if (E164.test(value)) return visit('e164');
      if (isCallerIdFor(value, 'Number')) return visit('national');
      return visit(isCallerIdFor(value, 'Sip') ? 'sip-alphanumeric' : 'invalid');
    case 'digits':
      return visit('digits');
    case 'text': {
      if (value === '') return visit('empty');
      const hostile = HOSTILE.test(value);
      const padded = value.trim() !== value;
      const nonBmp = NON_BMP.test(value);
      const count = kind.maxLength === undefined ? 0 : codePointCount(value);
      const atLimit = kind.maxLength !== undefined && count === kind.maxLength;
      const pastLimit = kind.maxLength !== undefined && count > kind.maxLength;
      if (hostile) visit('hostile');
      if (padded) visit('edge-whitespace');
      if (nonBmp) visit('non-bmp');
      if (atLimit) visit('at-limit');
      if (pastLimit) visit('past-limit');
      if (!(hostile || padded || nonBmp || atLimit || pastLimit)) visit('plain');
      return;
    }
  }
}

/**
 * The classes a value of an attribute falls in, for coverage: which enum value or alias, which
 * boolean, which integer bound, which URL form, how many events and in which order, which callerId
 * form, and for text whether it is empty, hostile, padded, non-BMP or at its limit.
 */
export function valueClasses(spec: AttributeSpec, value: string): string[] {
  const classes: string[] = [];
  eachValueClass(spec, value, (valueClass) => classes.push(valueClass));
  return classes;
}

import fc from 'fast-check';
import { builtOnce } from './builtOnce.js';
import { deletingShrink } from './deletingShrink.js';

export interface HostileTextConstraints {
  /** Most characters (code points) the text may have; the documented limit when there is one. Default 40. */
  readonly maxLength?: number;
  /** Allow the empty string. Default false. */
  readonly allowEmpty?: boolean;
  /** The text must not be blank once trimmed (a name, an identity). Default false. */
  readonly nonBlank?: boolean;
  /** Leave out white space entirely (values whose form forbids it). Default false. */
  readonly noWhitespace?: boolean;
}

/**
 * Pieces that break naive XML writers and readers. Every one is a sequence of XML 1.0 `Char`s, so a
 * document holding them is still valid; characters XML cannot carry belong to invalid cases only.
 * U+FDD0 is the serializer's own escape marker, so it must survive a round trip too.
 */
const HOSTILE_PIECES = [
  '&', '<', '>', '"', "'", '&amp;', '&#38;', ']]>', '<!--', '-->', '<![CDATA[', '\uFDD0', '\uFFFD', '\uE000',
  'é', 'ß', '中文', 'עברית', '\u00A0', '😀', '𝄞', '👩‍👩‍👧', '\u{10FFFD}',
] as const;
const WHITESPACE_PIECES = [' ', '  ', '\t', '\n', '\r', '\r\n'] as const;

/** Characters for text at a documented limit: one code point each, some outside the BMP. */
const LIMIT_CHARS = ['a', 'Z', '&', '<', '"', 'é', '中', '😀', '𝄞'] as const;

/**
 * The first `count` code points of `value` (a UTF-16 length within `count` has no more code points than
 * that), counted as `[...value]` counts them: a surrogate pair is one, a lone surrogate one too.
 */
function firstCodePoints(value: string, count: number): string {
  if (value.length <= count) return value;
  let end = 0;
  for (let taken = 0; taken < count && end < value.length; taken += 1) {
    const pair = isHighSurrogate(value.charCodeAt(end)) && isLowSurrogate(value.charCodeAt(end + 1));
    end += pair ? 2 : 1;
  }
  return value.slice(0, end);
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Built once per constraints: every text attribute of every element asks for one. */
const BUILT = new Map<string, fc.Arbitrary<string>>();

/**
 * Free text as Twilio would receive it from a hostile or careless app: markup characters, white space
 * at the edges, non-BMP characters, and strings exactly at the limit. Length is counted in code points,
 * the way the validator counts "characters".
 * @see seed attribute table (callReason: maximum 50 characters); facts §2.3, §2.5 (limits of names)
 */
export function hostileText(constraints: HostileTextConstraints = {}): fc.Arbitrary<string> {
  const key = JSON.stringify([constraints.maxLength ?? 40, constraints.allowEmpty === true, constraints.nonBlank === true, constraints.noWhitespace === true]);
  return builtOnce(BUILT, key, () => buildHostileText(constraints));
}

function buildHostileText(constraints: HostileTextConstraints): fc.Arbitrary<string> {
  const maxLength = constraints.maxLength ?? 40;
  const pieces: fc.Arbitrary<string>[] = [
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
    fc.constantFrom(...HOSTILE_PIECES),
  ];
  if (constraints.noWhitespace !== true) pieces.push(fc.constantFrom(...WHITESPACE_PIECES));
  const short = fc.array(fc.oneof(...pieces), { minLength: constraints.allowEmpty === true ? 0 : 1, maxLength: 6 }).map((parts) => parts.join(''));
  const atLimit = fc
    .array(fc.constantFrom(...LIMIT_CHARS), { minLength: maxLength, maxLength })
    .map((chars) => chars.join(''));
  const hostile = hostileOf(short, atLimit, maxLength, constraints);
  const keep = (value: string): boolean =>
    (constraints.allowEmpty === true || value !== '') && (constraints.nonBlank !== true || value.trim() !== '') && (constraints.noWhitespace !== true || !/\s/.test(value));
  // Shrinks on past its pieces, one character at a time: a failure caused by "\r" shrinks to "\r" alone.
  return deletingShrink(hostile, keep);
}

function hostileOf(short: fc.Arbitrary<string>, atLimit: fc.Arbitrary<string>, maxLength: number, constraints: HostileTextConstraints): fc.Arbitrary<string> {
  return fc
    .oneof({ arbitrary: short, weight: 6 }, { arbitrary: atLimit, weight: 1 })
    .map((text) => {
      let value = firstCodePoints(text, maxLength);
      if (constraints.noWhitespace === true) value = value.replace(/\s/g, '_');
      if (value === '' && constraints.allowEmpty !== true) value = 'x';
      if (constraints.nonBlank === true && value.trim() === '') value = `${firstCodePoints(value, maxLength - 1)}x`;
      return value;
    });
}

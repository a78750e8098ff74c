import type { Difference } from '../../reference/compare.js';
import { attributeSpec, type ElementName } from '../../reference/spec/attributes.js';
import { describeCodePoint } from '../xml/chars.js';

/**
 * The root cause of one difference, in words, with the concrete value left out so that every
 * counterexample of one defect agrees: what differs, where, and in which value class.
 * - A change that is the same whatever the attribute (booleans written `True`, lists joined with commas,
 *   an unset option written as `null`, a number formatted otherwise) names the class, not the attribute:
 *   one fingerprint for the defect, however many attributes show it.
 * - A change that is the same transformation of the value (`&` escaped twice, CR read back as LF, edge
 *   whitespace removed, one small character edit) names only the transformation: the same escaping bug
 *   in an attribute, a noun's text or a `<Say>` is one root cause, not one per place.
 * - Anything else (an attribute dropped, renamed, clamped; nouns reordered) names the attribute or
 *   structure involved (`rule` of the comparison).
 */
export function differenceCause(difference: Difference): string {
  const { expected, actual, rule } = difference;
  const attribute = attributeOf(difference.path);
  const kind = attribute === undefined ? undefined : attributeSpec(attribute.element as ElementName, attribute.name)?.value.kind;
  const place = attribute === undefined ? 'text' : 'attribute';
  if (actual === undefined) return `${rule}: missing`;
  if (expected === undefined) {
    if (attribute !== undefined && UNSET_SPELLINGS.has(actual)) return `an unset option written as ${JSON.stringify(actual)}`;
    return `${rule}: extra`;
  }
  // XML end-of-line handling reads a raw CR, or CR LF, as one LF (XML 1.0 §2.11): however many, one cause.
  if (expected.includes('\r') && actual === expected.replace(/\r\n?/g, '\n')) return CR_RAW;
  if (actual.toLowerCase() === expected.toLowerCase()) return `${place} value: letter case changed`;
  const separator = /^[^\s,;|]+([,;|])[^\s,;|]/.exec(actual)?.[1];
  if (separator !== undefined && expected.includes(' ') && expected.split(' ').join(separator) === actual) return `list joined with ${JSON.stringify(separator)}`;
  if (actual === expected.trim() || actual === expected.trimStart() || actual === expected.trimEnd()) return 'edge whitespace removed';
  if (expected.includes('&') && actual === expected.replaceAll('&', '&amp;')) return '"&" escaped twice';
  if (kind === 'integer' || kind === 'boolean' || kind === 'eventList') return `${kind} value written differently`;
  const edit = characterEdit(expected, actual);
  if (edit !== undefined) return edit;
  return `${rule}: changed`;
}

/** XML end-of-line handling reads a raw CR, or CR LF, as one LF (XML 1.0 §2.11): one cause, wherever it shows. */
const CR_RAW = 'U+000D written raw (read back as a line feed)';

/** What builders write for a value that was never set (facts §6: twilio 2.x wrote `action="null"`). */
const UNSET_SPELLINGS = new Set(['null', 'undefined', 'None', 'nil', 'NaN', '']);

function attributeOf(path: string): { element: string; name: string } | undefined {
  const match = /\/([^/[]+)(?:\[\d+\])?\/@([^/]+)$/.exec(path);
  return match === null ? undefined : { element: match[1] as string, name: match[2] as string };
}

/**
 * A small edit at one place, after the common start and end are set aside: `U+000D became U+000A`,
 * `"&" became "&amp;"`. Undefined when the edit is not small (then the attribute is what is named).
 */
function characterEdit(expected: string, actual: string): string | undefined {
  let start = 0;
  while (start < expected.length && start < actual.length && expected[start] === actual[start]) start += 1;
  let end = 0;
  while (end < expected.length - start && end < actual.length - start && expected[expected.length - 1 - end] === actual[actual.length - 1 - end]) end += 1;
  const removed = expected.slice(start, expected.length - end);
  const added = actual.slice(start, actual.length - end);
  if (removed.length > 2 || added.length > 6 || (removed === '' && added === '')) return undefined;
  // XML end-of-line handling reads a raw CR, or CR LF, as one LF (XML 1.0 §2.11): one cause, two spellings.
  if (removed.includes('\r') && (added === '' || added === '\n')) return CR_RAW;
  // Include the character before an insertion, so `&` → `&amp;` reads as what it is.
  const context = removed === '' && start > 0 ? expected.slice(start - 1, start) : '';
  return `${spell(context + removed)} became ${spell(context + added)}`;
}

function spell(text: string): string {
  if (text === '') return 'nothing';
  if (/^[\x20-\x7e]+$/.test(text)) return JSON.stringify(text);
  return [...text].map((char) => describeCodePoint(char, 0)).join(' ');
}

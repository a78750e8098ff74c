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
  const inParameter = parameterDifference(difference);
  if (inParameter !== undefined) return differenceCause(inParameter);
  const { expected, actual, rule } = difference;
  const attribute = attributeOf(difference.path);
  const kind = attribute === undefined ? undefined : attributeSpec(attribute.element as ElementName, attribute.name)?.value.kind;
  const place = attribute === undefined ? 'text' : 'attribute';
  if (actual === undefined) return `${rule}: missing`;
  if (expected === undefined) {
    if (attribute !== undefined && UNSET_SPELLINGS.has(actual)) return `an unset option written as ${JSON.stringify(actual)}`;
    return `${rule}: extra`;
  }
  // XML end-of-line handling and attribute-value normalisation (XML 1.0 §2.11, §3.3.3): however many, one cause.
  if (readsRawWhitespace(expected, actual, place)) return WHITESPACE_RAW;
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

/**
 * White space an XML reader changes when it is written raw: a CR (or CR LF) in text is read as LF (XML 1.0
 * §2.11); TAB, LF and CR in an attribute value are each read as a space (§3.3.3). One escaper that leaves
 * them raw, one cause, wherever and in whatever mix they show.
 */
const WHITESPACE_RAW = 'TAB, LF or CR written raw (read back as a space in an attribute, CR as a line feed in text)';

function readsRawWhitespace(expected: string, actual: string, place: 'text' | 'attribute'): boolean {
  if (expected === actual) return false;
  // Whether expected[i…] reads back as actual[j…]; a CR LF may be one raw pair or a CR before an escaped LF, so both are tried.
  const memo = new Map<number, boolean>();
  const reads = (i: number, j: number): boolean => {
    if (i === expected.length) return j === actual.length;
    const key = i * (actual.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const e = expected[i];
    const a = actual[j];
    const normalised = (place === 'attribute' && (e === '\t' || e === '\n' || e === '\r') && a === ' ') || (e === '\r' && a === '\n');
    const result =
      (e === a && reads(i + 1, j + 1)) ||
      (normalised && reads(i + 1, j + 1)) ||
      (normalised && e === '\r' && expected[i + 1] === '\n' && reads(i + 2, j + 1));
    memo.set(key, result);
    return result;
  };
  return reads(0, 0);
}

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
  if (/^[\t\n\r]+$/.test(removed) && /^[ \n]*$/.test(added) && (removed.includes('\r') || !added.includes('\n'))) return WHITESPACE_RAW;
  // Include the character before an insertion, so `&` → `&amp;` reads as what it is.
  const context = removed === '' && start > 0 ? expected.slice(start - 1, start) : '';
  return `${spell(context + removed)} became ${spell(context + added)}`;
}

function spell(text: string): string {
  if (text === '') return 'nothing';
  if (/^[\x20-\x7e]+$/.test(text)) return JSON.stringify(text);
  return [...text].map((char) => describeCodePoint(char, 0)).join(' ');
}

type Pairs = [string, string][][];

/** The `<Parameter>` attribute pairs of one side of a parameter difference (compare.ts writes them as JSON joined by spaces). */
function parameterPairs(text: string): Pairs | undefined {
  try {
    const parsed: unknown = JSON.parse(`[${text.replace(/\]\] \[\[/g, ']],[[')}]`);
    return Array.isArray(parsed) ? (parsed as Pairs) : undefined;
  } catch {
    return undefined;
  }
}

/** The parameters of `from` that `other` does not have (as many times as they are missing). */
function missingFrom(from: Pairs, other: Pairs): Pairs {
  const left = other.map((pairs) => JSON.stringify(pairs));
  return from.filter((pairs) => {
    const at = left.indexOf(JSON.stringify(pairs));
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

/** The values that differ between two `<Parameter>`s with the same attribute names, as attribute differences. */
function valueChanges(difference: Difference, expected: [string, string][], actual: [string, string][]): Difference[] | undefined {
  if (expected.length !== actual.length) return undefined;
  const changes: Difference[] = [];
  for (const [at, [name, value]] of expected.entries()) {
    const [otherName, otherValue] = actual[at] ?? [];
    if (otherName !== name) return undefined;
    if (otherValue !== value) changes.push({ ...difference, path: `${difference.path}/@${name}`, rule: `${difference.rule}.${name}`, expected: value, actual: otherValue });
  }
  return changes;
}

/**
 * A parameter difference where `<Parameter>` values came out changed, each the same way: the first such
 * value, as an attribute difference, so that a value changed inside `<Parameter>` has the cause it has
 * anywhere else. Undefined when parameters were lost or added, or changed in different ways. The
 * parameters are compared as a set, so a changed one can sort elsewhere: each lost one is paired with a
 * found one changed the same way.
 */
function parameterDifference(difference: Difference): Difference | undefined {
  if (!difference.rule.endsWith('.parameter') || difference.expected === undefined || difference.actual === undefined) return undefined;
  const expected = parameterPairs(difference.expected);
  const actual = parameterPairs(difference.actual);
  if (expected === undefined || actual === undefined) return undefined;
  const lost = missingFrom(expected, actual);
  const found = missingFrom(actual, expected);
  if (lost.length === 0 || lost.length !== found.length) return undefined;
  const sameWay = (changes: Difference[] | undefined, cause: string): boolean => changes !== undefined && changes.length > 0 && changes.every((change) => differenceCause(change) === cause);
  for (const start of found) {
    const first = valueChanges(difference, lost[0] ?? [], start)?.[0];
    if (first === undefined) continue;
    const cause = differenceCause(first);
    // Only a change with a name of its own (not just "changed") says two parameters were changed the same way.
    if (cause === `${first.rule}: changed`) continue;
    const unused = found.filter((other) => other !== start);
    const paired = lost.slice(1).every((pairs) => {
      const at = unused.findIndex((other) => sameWay(valueChanges(difference, pairs, other), cause));
      if (at === -1) return false;
      unused.splice(at, 1);
      return true;
    });
    if (paired && sameWay(valueChanges(difference, lost[0] ?? [], start), cause)) return first;
  }
  return undefined;
}

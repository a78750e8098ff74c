import { compare, type Difference } from '../../reference/compare.js';
import type { TwimlDocument } from '../model/document.js';
import type { BuildOutcome } from '../targets/builder/builderTarget.js';
import { describeCodePoint, firstNonXmlChar } from '../xml/chars.js';
import { parseTwiml } from '../xml/parse.js';
import type { InvalidPolicy } from './builderProperty.js';
import { fastCanonical, matchesCanonical } from './fastCanonical.js';
import { differenceCause } from './rootCause.js';

/** Builder output is compared whatever its size: the 64 kB limit is Twilio's, not a builder's. */
const NO_SIZE_LIMIT = Number.MAX_SAFE_INTEGER;

export type BuildProblem = 'refused-valid' | 'not-refused' | 'refused-by-policy' | 'broken' | 'malformed' | 'raw-character' | 'different';

/** The verdict on one build: conforming, skipped (the API cannot express the document), or a problem. */
export type BuildVerdict =
  | { readonly ok: true; readonly skipped?: string }
  | {
      readonly ok: false;
      readonly problem: BuildProblem;
      /** The root cause in words, with no concrete value in it: the same defect gives the same text (rootCause.ts). */
      readonly cause: string;
      readonly summary: string;
      readonly expected: string | undefined;
      readonly actual: string | undefined;
      readonly differences: readonly Difference[];
    };

export interface JudgeOptions {
  /** `unwritable`: documents holding a character XML 1.0 cannot carry, which only a refusal conforms to. */
  readonly documents: 'valid' | 'invalid' | 'unwritable';
  readonly strict?: boolean;
  readonly invalidPolicy?: InvalidPolicy;
}

/** The reference canonical XML, or undefined when XML 1.0 cannot carry the document at all. */
export function canonicalOf(document: TwimlDocument): string | undefined {
  return fastCanonical(document);
}

/**
 * Byte equality once `>` and `'` are spelled one way. In attribute values and text a literal `>` or `'`
 * is the same character as `&gt;` or `&apos;` (XML 1.0 §2.4), except the sequence `]]>` in text, which
 * is not well-formed; so when the output holds `]]>` its text is scanned for it. This keeps builders
 * that leave `>` unescaped in attributes (the twilio package, facts §6) on the fast path.
 */
export function sameXmlText(expected: string, actual: string): boolean {
  if (actual === expected) return true;
  if (!sameUpToSpelling(expected, actual)) return false;
  return !actual.includes(']]>') || !hasCdataEndInText(actual);
}

const AMP = 0x26;
const GT = 0x3e;
const APOS = 0x27;

/**
 * `expected` with `&gt;` read as `>` equals `actual` with `&gt;` read as `>` and `&apos;` as `'`: the
 * same answer as comparing the strings after those replacements, in one pass without building them
 * (half the twilio package's outputs differ from the canonical form only in this way).
 */
function sameUpToSpelling(expected: string, actual: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    if (i === expected.length) return j === actual.length;
    if (j === actual.length) return false;
    let want = expected.charCodeAt(i);
    let got = actual.charCodeAt(j);
    if (want === got && want !== AMP) {
      i += 1;
      j += 1;
      continue;
    }
    let wantLength = 1;
    let gotLength = 1;
    if (want === AMP && expected.startsWith('gt;', i + 1)) {
      want = GT;
      wantLength = 4;
    }
    if (got === AMP) {
      if (actual.startsWith('gt;', j + 1)) {
        got = GT;
        gotLength = 4;
      } else if (actual.startsWith('apos;', j + 1)) {
        got = APOS;
        gotLength = 6;
      }
    }
    if (want !== got) return false;
    i += wantLength;
    j += gotLength;
  }
}

/** Whether `]]>` occurs in character data, i.e. outside tags (markup equals the canonical form's here). */
function hasCdataEndInText(xml: string): boolean {
  let inTag = false;
  let quote = 0;
  for (let i = 0; i < xml.length; i++) {
    const char = xml.charCodeAt(i);
    if (quote !== 0) {
      if (char === quote) quote = 0;
    } else if (inTag) {
      if (char === 0x22 || char === APOS) quote = char;
      else if (char === GT) inTag = false;
    } else if (char === 0x3c) {
      inTag = true;
    } else if (char === GT && xml.charCodeAt(i - 1) === 0x5d && xml.charCodeAt(i - 2) === 0x5d) {
      return true;
    }
  }
  return false;
}

const CONFORMING: BuildVerdict = Object.freeze({ ok: true });

/**
 * Judges what a builder made of a document against the reference canonical form: byte equality first,
 * then the behavioural comparison, where only differences Twilio acts on count (facts §1.2: Twilio reads
 * the XML; a builder's spelling of equivalent XML is its own business).
 */
export function judgeBuild(document: TwimlDocument, outcome: BuildOutcome, options: JudgeOptions): BuildVerdict {
  if (outcome.kind === 'unexpressible') return { ok: true, skipped: outcome.reason };
  if (options.documents === 'unwritable' && outcome.kind !== 'broken') return judgeUnwritable(outcome, unwritableProblem);
  const policy = options.invalidPolicy ?? 'refuse-or-faithful';
  const invalid = options.documents === 'invalid';
  // The common case first: the output is the canonical form, found without building it (matchesCanonical
  // is sound: true implies sameXmlText(canonicalOf(document), xml)); then the canonical form and a closer look.
  const fastPath = outcome.kind === 'xml' && !(invalid && policy === 'refuse');
  if (fastPath && matchesCanonical(document, outcome.xml)) return CONFORMING;
  const expected = canonicalOf(document);
  if (fastPath && expected !== undefined && sameXmlText(expected, outcome.xml)) return CONFORMING;
  const problem = (kind: BuildProblem, summary: string, actual?: string, differences: readonly Difference[] = [], cause: string = kind): BuildVerdict => ({
    ok: false,
    problem: kind,
    cause,
    summary,
    expected,
    actual,
    differences,
  });
  if (outcome.kind === 'broken') {
    const hang = outcome.message.startsWith('the builder hung') || outcome.message.startsWith('the builder did not answer');
    return problem('broken', `the builder failed: ${outcome.message}`, undefined, [], hang ? 'broken: the builder hung' : 'broken');
  }
  if (outcome.kind === 'refused') {
    if (!invalid) return problem('refused-valid', `the builder refused a valid document: ${outcome.message}`);
    if (policy === 'faithful') return problem('refused-by-policy', `the builder refused an invalid document, and the policy "faithful" asks it to write it as given: ${outcome.message}`);
    return { ok: true };
  }
  const actual = outcome.xml;
  if (invalid && policy === 'refuse') return problem('not-refused', 'the builder wrote a document that breaks a rule, and the policy "refuse" asks it to refuse', actual);
  const parsed = parseTwiml(actual, { maxBytes: NO_SIZE_LIMIT });
  if (!parsed.ok) {
    const where = parsed.error.line === undefined ? '' : ` (line ${parsed.error.line}, column ${parsed.error.column})`;
    return problem('malformed', `the builder wrote XML that is not well-formed, which Twilio rejects with 12100 (facts §1.2): ${parsed.error.message}${where}`, actual);
  }
  if (expected === undefined) {
    return problem('different', 'the document holds characters XML 1.0 cannot carry, yet the builder wrote well-formed XML instead of refusing, so it changed the document', actual);
  }
  const comparison = compare(document, parsed.document, { strict: options.strict === true });
  if (comparison.equivalent) return { ok: true };
  const first = comparison.differences[0] as Difference;
  const more = comparison.differences.length > 1 ? ` (and ${comparison.differences.length - 1} more)` : '';
  const what = invalid ? 'silently changed a document that breaks a rule' : 'wrote XML that makes Twilio behave differently';
  // The first difference in document order names the cause: one defect often shows as several (nouns in
  // another order differ in every attribute), but where it starts is what the defect is about.
  const cause = reordered(document, parsed.document) ? 'dial.children: nouns in another order' : differenceCause(first);
  return problem('different', `the builder ${what}: at ${first.path} expected ${show(first.expected)}, got ${show(first.actual)}${more}`, actual, comparison.differences, cause);
}

type Problem = (kind: BuildProblem, summary: string, actual?: string, differences?: readonly Difference[], cause?: string) => BuildVerdict;

const unwritableProblem: Problem = (kind, summary, actual, differences = [], cause = kind) => ({ ok: false, problem: kind, cause, summary, expected: undefined, actual, differences });

/**
 * A document holding a character XML 1.0 cannot carry (§2.2) has no XML form, so refusing it is the only
 * conforming answer. Writing the character raw gives XML that is not well-formed (Twilio: 12100, facts
 * §1.2); a character reference to it (`&#1;`) is not well-formed either (§4.1, Legal Character); and
 * well-formed output means the builder silently changed the document.
 */
function judgeUnwritable(outcome: Exclude<BuildOutcome, { kind: 'unexpressible' | 'broken' }>, problem: Problem): BuildVerdict {
  if (outcome.kind === 'refused') return CONFORMING;
  const xml = outcome.xml;
  const at = firstNonXmlChar(xml);
  if (at !== -1) {
    const name = describeCodePoint(xml, at);
    const place = insideTag(xml, at) ? 'attribute' : 'text';
    const where = place === 'attribute' ? 'an attribute value' : 'text';
    return problem(
      'raw-character',
      `the builder wrote ${name} raw in ${where}: XML 1.0 cannot carry it, so the document is not well-formed and Twilio rejects it with 12100 (facts §1.2); it should refuse the document`,
      xml,
      [],
      // One cause whichever character shows it: a writer that does not check for them misses them all.
      `${place}: a character XML cannot carry written raw`,
    );
  }
  const reference = /&#(x[0-9a-fA-F]+|[0-9]+);/g;
  for (let match = reference.exec(xml); match !== null; match = reference.exec(xml)) {
    const digits = match[1] as string;
    const codePoint = digits.startsWith('x') ? Number.parseInt(digits.slice(1), 16) : Number(digits);
    if (codePoint <= 0x10ffff && firstNonXmlChar(String.fromCodePoint(codePoint)) !== -1) {
      const name = describeCodePoint(String.fromCodePoint(codePoint), 0);
      return problem('malformed', `the builder wrote ${name} as the character reference ${match[0]}, which XML 1.0 forbids (Legal Character), so Twilio rejects it with 12100 (facts §1.2)`, xml, [], 'a character XML cannot carry written as a character reference');
    }
  }
  const parsed = parseTwiml(xml, { maxBytes: NO_SIZE_LIMIT });
  if (!parsed.ok) return problem('malformed', `the builder wrote XML that is not well-formed, which Twilio rejects with 12100 (facts §1.2): ${parsed.error.message}`, xml);
  return problem('different', 'the document holds a character XML 1.0 cannot carry, yet the builder wrote well-formed XML instead of refusing, so it changed the document', xml, [], 'unwritable character changed instead of refused');
}

/** Whether index `at` of well-formed-looking XML falls inside a tag (so in an attribute value) rather than in text. */
function insideTag(xml: string, at: number): boolean {
  let inTag = false;
  let quote = 0;
  for (let i = 0; i < at; i++) {
    const char = xml.charCodeAt(i);
    if (quote !== 0) {
      if (char === quote) quote = 0;
    } else if (inTag) {
      if (char === 0x22 || char === APOS) quote = char;
      else if (char === GT) inTag = false;
    } else if (char === 0x3c) {
      inTag = true;
    }
  }
  return inTag;
}

/** The same nouns in every `<Dial>`, in another order: pairwise, every attribute differs, but that is one defect. */
function reordered(expected: TwimlDocument, actual: TwimlDocument): boolean {
  const dials = (document: TwimlDocument): string[][] => document.verbs.filter((verb) => verb.kind === 'Dial').map((dial) => dial.children.map((child) => JSON.stringify(child)));
  const left = dials(expected);
  const right = dials(actual);
  if (left.length !== right.length) return false;
  let moved = false;
  for (let i = 0; i < left.length; i++) {
    const a = left[i] as string[];
    const b = right[i] as string[];
    if (a.length !== b.length || [...a].sort().join('\n') !== [...b].sort().join('\n')) return false;
    if (a.join('\n') !== b.join('\n')) moved = true;
  }
  return moved;
}

function show(value: string | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

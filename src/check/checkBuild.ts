import { compare, type Difference } from '../../reference/compare.js';
import type { TwimlDocument } from '../model/document.js';
import type { BuildOutcome } from '../targets/builder/builderTarget.js';
import { parseTwiml } from '../xml/parse.js';
import type { InvalidPolicy } from './builderProperty.js';
import { fastCanonical } from './fastCanonical.js';

/** Builder output is compared whatever its size: the 64 kB limit is Twilio's, not a builder's. */
const NO_SIZE_LIMIT = Number.MAX_SAFE_INTEGER;

export type BuildProblem = 'refused-valid' | 'not-refused' | 'refused-by-policy' | 'broken' | 'malformed' | 'different';

/** The verdict on one build: conforming, skipped (the API cannot express the document), or a problem. */
export type BuildVerdict =
  | { readonly ok: true; readonly skipped?: string }
  | {
      readonly ok: false;
      readonly problem: BuildProblem;
      readonly summary: string;
      readonly expected: string | undefined;
      readonly actual: string | undefined;
      readonly differences: readonly Difference[];
    };

export interface JudgeOptions {
  readonly documents: 'valid' | 'invalid';
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
function sameXmlText(expected: string, actual: string): boolean {
  if (actual === expected) return true;
  if (expected.replaceAll('&gt;', '>') !== actual.replaceAll('&gt;', '>').replaceAll('&apos;', "'")) return false;
  return !actual.includes(']]>') || !hasCdataEndInText(actual);
}

/** Whether `]]>` occurs in character data, i.e. outside tags (markup equals the canonical form's here). */
function hasCdataEndInText(xml: string): boolean {
  let inTag = false;
  let quote = '';
  for (let i = 0; i < xml.length; i++) {
    const char = xml[i];
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (inTag) {
      if (char === '"' || char === "'") quote = char;
      else if (char === '>') inTag = false;
    } else if (char === '<') {
      inTag = true;
    } else if (char === '>' && xml[i - 1] === ']' && xml[i - 2] === ']') {
      return true;
    }
  }
  return false;
}

/**
 * Judges what a builder made of a document against the reference canonical form: byte equality first,
 * then the behavioural comparison, where only differences Twilio acts on count (facts §1.2: Twilio reads
 * the XML; a builder's spelling of equivalent XML is its own business).
 */
export function judgeBuild(document: TwimlDocument, outcome: BuildOutcome, options: JudgeOptions): BuildVerdict {
  if (outcome.kind === 'unexpressible') return { ok: true, skipped: outcome.reason };
  const policy = options.invalidPolicy ?? 'refuse-or-faithful';
  const invalid = options.documents === 'invalid';
  const expected = canonicalOf(document);
  const problem = (kind: BuildProblem, summary: string, actual?: string, differences: readonly Difference[] = []): BuildVerdict => ({ ok: false, problem: kind, summary, expected, actual, differences });
  if (outcome.kind === 'broken') return problem('broken', `the builder failed: ${outcome.message}`);
  if (outcome.kind === 'refused') {
    if (!invalid) return problem('refused-valid', `the builder refused a valid document: ${outcome.message}`);
    if (policy === 'faithful') return problem('refused-by-policy', `the builder refused an invalid document, and the policy "faithful" asks it to write it as given: ${outcome.message}`);
    return { ok: true };
  }
  const actual = outcome.xml;
  if (invalid && policy === 'refuse') return problem('not-refused', 'the builder wrote a document that breaks a rule, and the policy "refuse" asks it to refuse', actual);
  if (expected !== undefined && sameXmlText(expected, actual)) return { ok: true };
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
  return problem('different', `the builder ${what}: at ${first.path} expected ${show(first.expected)}, got ${show(first.actual)}${more}`, actual, comparison.differences);
}

function show(value: string | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

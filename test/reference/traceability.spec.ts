import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { ENDPOINT_PROPERTIES } from '../../properties/endpoint.js';
import { GENERATOR_PROPERTIES } from '../../properties/generators.js';
import { INTERPRETER_PROPERTIES } from '../../properties/interpreter.js';
import { INTERPRET_RULES } from '../../reference/interpret/interpretRules.js';
import { OPTION_DOCS } from '../../reference/interpret/options.js';
import { RULES } from '../../reference/rules.js';
import { ALL_ATTRIBUTES } from '../../reference/spec/attributes.js';
import { NOUNS } from '../../reference/spec/elements.js';
import { citationsOf, resolves } from '../../reference/trace/citations.js';
import { FACTS_PARAGRAPHS } from '../../reference/trace/factsParagraphs.js';
import { PAGE_FACTS } from '../../reference/trace/pageFacts.js';
import { matchesRuleId } from '../../reference/trace/rulePattern.js';
import { SEED_SECTIONS } from '../../reference/trace/seedSections.js';
import { rowId, type TraceRow } from '../../reference/trace/traceRow.js';
import { TRACE_TABLE } from '../../reference/trace/traceTable.js';
import { VALIDATE_OPTION_DOCS } from '../../reference/validateOptionDocs.js';
import { VERB_PLAY_OPTIONS } from '../../src/check/endpoint/verbPlayOptions.js';
import { factsUnits, normalise, seedSentences, sharedSources, SHARED_PATH, type SourceUnit } from './traceSources.js';

const RULE_IDS = RULES.map((rule) => rule.id);
const INTERPRET_IDS = new Set(INTERPRET_RULES.map((rule) => rule.id));
const OPTIONS = new Set([...VALIDATE_OPTION_DOCS.map((doc) => `validate.${doc.name}`), ...OPTION_DOCS.map((doc) => `interpret.${doc.name}`)]);
const PROPERTIES = new Set([
  ...GENERATOR_PROPERTIES.map((property) => property.id),
  ...INTERPRETER_PROPERTIES.map((property) => property.id),
  ...ENDPOINT_PROPERTIES.map((property) => property.id),
  ...builderProperties().map((property) => property.id),
  ...ALL_ATTRIBUTES.map((spec) => `attribute:${spec.element}.${spec.name}`),
]);
/** The endpoint walk's verb plays and the options they take where the pages are silent. */
const PLAYS = new Set(['playGather', 'playRecord', ...Object.keys(VERB_PLAY_OPTIONS).map((name) => `VERB_PLAY_OPTIONS.${name}`)]);
const SECTIONS = {
  seed: new Set(SEED_SECTIONS.map((section) => section.key)),
  facts: new Set(FACTS_PARAGRAPHS.map((paragraph) => paragraph.id)),
  page: new Set(PAGE_FACTS.map((fact) => fact.id)),
};

/** Every citation the reference makes: rule and table sources, option reasons, and every line of its files that cites (`@see` and the rest). */
function referenceCitations(): { readonly where: string; readonly text: string }[] {
  const sources = [
    ...RULES.map((rule) => ({ where: `rule ${rule.id}`, text: rule.source })),
    ...INTERPRET_RULES.map((rule) => ({ where: `interpret rule ${rule.id}`, text: rule.source })),
    ...ALL_ATTRIBUTES.map((spec) => ({ where: `attribute ${spec.element}.${spec.name}`, text: spec.source })),
    ...NOUNS.map((noun) => ({ where: `noun ${noun.name}`, text: noun.source })),
    ...OPTION_DOCS.map((doc) => ({ where: `interpret option ${doc.name}`, text: doc.why })),
    ...VALIDATE_OPTION_DOCS.map((doc) => ({ where: `validate option ${doc.name}`, text: doc.why })),
  ];
  const root = resolve(import.meta.dirname, '../../reference');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  for (const file of files) {
    for (const [index, line] of readFileSync(join(root, file), 'utf8').split('\n').entries()) {
      if (/\b(seed|facts|page) §|seed attribute table/.test(line)) sources.push({ where: `reference/${file}:${index + 1}`, text: line });
    }
  }
  return sources;
}

describe('traceability table (committed data)', () => {
  it('names only sections, paragraphs and page facts that exist, each row once', () => {
    const unknown = TRACE_TABLE.filter((row) => !SECTIONS[row.kind].has(row.section)).map(rowId);
    expect(unknown).toEqual([]);
    const ids = TRACE_TABLE.map(rowId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('gives every row something: rules, interpreter rules, properties, options, or a reason it is not modelled', () => {
    const empty = TRACE_TABLE.filter((row) => [row.rules, row.interpret, row.properties, row.options, row.plays].every((list) => list === undefined || list.length === 0) && row.notModelled === undefined);
    expect(empty.map(rowId)).toEqual([]);
    expect(TRACE_TABLE.filter((row) => row.quotes.length === 0 || row.quotes.some((quote) => quote.length > 120)).map(rowId)).toEqual([]);
  });

  it('names only rules, interpreter rules, options and properties that exist', () => {
    const problems: string[] = [];
    for (const row of TRACE_TABLE) {
      for (const name of row.rules ?? []) if (!RULE_IDS.some((id) => matchesRuleId(name, id))) problems.push(`${rowId(row)}: rule ${name}`);
      for (const name of row.interpret ?? []) if (!INTERPRET_IDS.has(name)) problems.push(`${rowId(row)}: interpreter rule ${name}`);
      for (const name of row.options ?? []) if (!OPTIONS.has(name)) problems.push(`${rowId(row)}: option ${name}`);
      for (const name of row.properties ?? []) if (!PROPERTIES.has(name)) problems.push(`${rowId(row)}: property ${name}`);
      for (const name of row.plays ?? []) if (!PLAYS.has(name)) problems.push(`${rowId(row)}: play ${name}`);
    }
    expect(problems).toEqual([]);
  });

  it('puts every validator rule, interpreter rule and option in a row', () => {
    const named = (pick: (row: TraceRow) => readonly string[] | undefined): string[] => TRACE_TABLE.flatMap((row) => pick(row) ?? []);
    const rulePatterns = named((row) => row.rules);
    expect(RULE_IDS.filter((id) => !rulePatterns.some((pattern) => matchesRuleId(pattern, id)))).toEqual([]);
    const interpret = new Set(named((row) => row.interpret));
    expect([...INTERPRET_IDS].filter((id) => !interpret.has(id))).toEqual([]);
    const options = new Set(named((row) => row.options));
    expect([...OPTIONS].filter((option) => !options.has(option))).toEqual([]);
    const plays = new Set(named((row) => row.plays));
    expect([...PLAYS].filter((play) => !plays.has(play))).toEqual([]);
  });

  it('has a row for every seed section, every leaf paragraph of the fact sheet and every page fact', () => {
    const covered = new Set(TRACE_TABLE.map((row) => `${row.kind} ${row.section}`));
    const leaves = FACTS_PARAGRAPHS.filter((paragraph) => !FACTS_PARAGRAPHS.some((other) => other.id.startsWith(`${paragraph.id}.`)));
    const missing = [
      ...SEED_SECTIONS.map((section) => `seed ${section.key}`),
      ...leaves.map((paragraph) => `facts ${paragraph.id}`),
      ...PAGE_FACTS.map((fact) => `page ${fact.id}`),
    ].filter((entry) => !covered.has(entry));
    expect(missing).toEqual([]);
  });

  it('page facts carry their page and the date they were read', () => {
    const bad = PAGE_FACTS.filter((fact) => !/^https?:\/\/[^/]*twilio\.com\//.test(fact.url) && !fact.url.startsWith('https://www.rubydoc.info/gems/twilio-ruby/'));
    expect(bad.map((fact) => fact.id)).toEqual([]);
    expect(PAGE_FACTS.filter((fact) => !/^\d{4}-\d{2}-\d{2}$/.test(fact.retrieved)).map((fact) => fact.id)).toEqual([]);
    const quoted = PAGE_FACTS.flatMap((fact) => TRACE_TABLE.filter((row) => row.kind === 'page' && row.section === fact.id).flatMap((row) => row.quotes.filter((quote) => !fact.fact.includes(quote))));
    expect(quoted).toEqual([]);
  });
});

describe('citations', () => {
  it('every source, @see and other citation in the reference resolves to a known seed section, fact-sheet paragraph or page fact', () => {
    const broken = referenceCitations().flatMap(({ where, text }) => citationsOf(text).filter((citation) => !resolves(citation)).map((citation) => `${where}: ${citation.kind} §${citation.section}`));
    expect(broken).toEqual([]);
  });

  it('every validator rule and every sourced interpreter rule cites at least one source', () => {
    const uncited = [
      ...RULES.filter((rule) => citationsOf(rule.source).length === 0).map((rule) => rule.id),
      ...INTERPRET_RULES.filter((rule) => rule.kind === 'sourced' && citationsOf(rule.source).length === 0).map((rule) => rule.id),
    ];
    expect(uncited).toEqual([]);
  });

  it('reads the forms the reference uses', () => {
    expect(citationsOf('seed §record, §recordingTrack')).toEqual([
      { kind: 'seed', section: 'record' },
      { kind: 'seed', section: 'recordingTrack' },
    ]);
    expect(citationsOf('facts §1.1, §1.3 13256; page §err-12101.')).toEqual([
      { kind: 'facts', section: '1.1' },
      { kind: 'facts', section: '1.3' },
      { kind: 'page', section: 'err-12101' },
    ]);
    expect(citationsOf('seed attribute table')).toEqual([{ kind: 'seed', section: 'Attributes' }]);
    expect(resolves({ kind: 'seed', section: 'sequential' })).toBe(false);
  });
});

const shared = sharedSources();

describe.skipIf(shared === undefined)(`traceability against the sources in ${SHARED_PATH}`, () => {
  if (shared === undefined) {
    it.skip(`the seed and the fact sheet are not at ${SHARED_PATH}; the table is checked against them only where they exist`, () => undefined);
    return;
  }
  const sentences = seedSentences(shared.seed);
  const paragraphs = factsUnits(shared.facts);

  const quotesOf = (kind: TraceRow['kind'], section: string): string[] =>
    TRACE_TABLE.filter((row) => row.kind === kind && row.section === section).flatMap((row) => row.quotes.map(normalise));

  it('finds every seed section, in page order', () => {
    const text = normalise(shared.seed);
    const positions = SEED_SECTIONS.map((section) => text.indexOf(section.marker));
    expect(SEED_SECTIONS.filter((_, index) => (positions[index] as number) < 0).map((section) => section.key)).toEqual([]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('knows every heading of the fact sheet as a paragraph', () => {
    const found = new Set(paragraphs.map((unit) => unit.section));
    expect([...found].filter((section) => !SECTIONS.facts.has(section))).toEqual([]);
  });

  it('quotes words that are in the source, in the section the row names', () => {
    const units: Record<'seed' | 'facts', readonly SourceUnit[]> = { seed: sentences, facts: paragraphs };
    const missing = TRACE_TABLE.filter((row) => row.kind !== 'page').flatMap((row) =>
      row.quotes.filter((quote) => !units[row.kind as 'seed' | 'facts'].some((unit) => unit.section === row.section && unit.text.includes(normalise(quote)))).map((quote) => `${rowId(row)}: ${quote}`),
    );
    expect(missing).toEqual([]);
  });

  it('has a row for every sentence of the seed', () => {
    const untraced = sentences.filter((unit) => !quotesOf('seed', unit.section).some((quote) => unit.text.includes(quote)));
    expect(untraced.map((unit) => `seed §${unit.section}: ${unit.text.slice(0, 80)}`)).toEqual([]);
    expect(sentences.length).toBeGreaterThan(150);
  });

  it('has a row for every paragraph, table row and list item of the fact sheet', () => {
    const untraced = paragraphs.filter((unit) => !quotesOf('facts', unit.section).some((quote) => unit.text.includes(quote)));
    expect(untraced.map((unit) => `facts §${unit.section}: ${unit.text.slice(0, 80)}`)).toEqual([]);
    expect(paragraphs.length).toBeGreaterThan(200);
  });
});

import { FACTS_PARAGRAPHS } from './factsParagraphs.js';
import { PAGE_FACTS } from './pageFacts.js';
import { SEED_SECTION_PHRASES, SEED_SECTIONS } from './seedSections.js';

/** Where a citation points: a seed section, a fact-sheet paragraph, or a fact taken from a Twilio page. */
export type SourceKind = 'seed' | 'facts' | 'page';

export interface Citation {
  readonly kind: SourceKind;
  readonly section: string;
}

const CITATION = /\b(seed|facts|page) §([\w.-]+)((?:\s*(?:,|;|and)\s*§[\w.-]+)*)/g;
const MORE = /§([\w.-]+)/g;

/** Every citation in a `source` string or a TSDoc `@see` line: `seed §timeout`, `facts §3.3, §4.2`, `page §err-12101`. */
export function citationsOf(text: string): Citation[] {
  const found: Citation[] = [];
  for (const match of text.matchAll(CITATION)) {
    const kind = match[1] as SourceKind;
    const sections = [match[2] as string, ...[...(match[3] ?? '').matchAll(MORE)].map((more) => more[1] as string)];
    for (const section of sections) found.push({ kind, section: section.replace(/\.+$/, '') });
  }
  for (const [phrase, section] of Object.entries(SEED_SECTION_PHRASES)) {
    if (text.includes(phrase)) found.push({ kind: 'seed', section });
  }
  return found;
}

const KNOWN: Readonly<Record<SourceKind, ReadonlySet<string>>> = {
  seed: new Set(SEED_SECTIONS.map((section) => section.key)),
  facts: new Set(FACTS_PARAGRAPHS.map((paragraph) => paragraph.id)),
  page: new Set(PAGE_FACTS.map((fact) => fact.id)),
};

/** Whether a citation names a section, paragraph or page fact the kit knows. */
export function resolves(citation: Citation): boolean {
  return KNOWN[citation.kind].has(citation.section);
}

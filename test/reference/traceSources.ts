import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_SECTIONS } from '../../reference/trace/seedSections.js';

/** `../shared/` beside the project: there in CI beside the clone, and at /work/wt/shared for worktrees. */
const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
const SEED_FILE = join(SHARED, 'seeds/000_025eb714e33a3380.txt');
const FACTS_FILE = join(SHARED, 'dial-facts.md');

export const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function sharedSources(): { readonly seed: string; readonly facts: string } | undefined {
  if (!existsSync(SEED_FILE) || !existsSync(FACTS_FILE)) return undefined;
  return { seed: readFileSync(SEED_FILE, 'utf8'), facts: readFileSync(FACTS_FILE, 'utf8') };
}

export const SHARED_PATH = SHARED;

/** A sentence (or a table row) of a source, and the section or paragraph it belongs to. */
export interface SourceUnit {
  readonly section: string;
  readonly text: string;
}

/**
 * The seed's sentences. The scrape breaks lines around inline code, so lines are joined back into
 * paragraphs; code samples (lines starting `1const`, `1<?xml`, …) are dropped; each table row is one unit.
 */
export function seedSentences(seed: string): SourceUnit[] {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length > 0) paragraphs.push(lines.join(' '));
    lines = [];
  };
  for (const raw of seed.split('\n')) {
    const line = raw.trim();
    if (/^1(const |<\?xml|<Response|<!--)/.test(line)) flush();
    else if (line === '' || /^-+\|/.test(line)) continue;
    else if (line.includes(' | ') && line.endsWith('|')) {
      flush();
      paragraphs.push(`\u0000${line}`);
    } else lines.push(line);
  }
  flush();
  const sentences = paragraphs.flatMap((paragraph) =>
    paragraph.startsWith('\u0000') ? [paragraph.slice(1)] : normalise(paragraph).split(/(?<=[.!?])\s+(?=[A-Z<"'(])/),
  );
  let at = 0;
  return sentences.map((sentence) => {
    const text = normalise(sentence);
    while (at + 1 < SEED_SECTIONS.length && text.includes((SEED_SECTIONS[at + 1] as (typeof SEED_SECTIONS)[number]).marker)) at += 1;
    return { section: (SEED_SECTIONS[at] as (typeof SEED_SECTIONS)[number]).key, text };
  });
}

/**
 * The fact sheet's units: every table row but the header, every list item and every paragraph, under
 * its heading (`1.3`), outside code blocks; items of §8 are paragraphs of their own (`8.9`). The title and
 * preamble before the first section are left out; `How to read the sources` is `sources`, the summary `summary`.
 */
export function factsUnits(facts: string): SourceUnit[] {
  const units: SourceUnit[] = [];
  let section = '';
  let inCode = false;
  let lines: string[] = [];
  let tableRow = 0;
  const flush = (): void => {
    if (lines.length > 0 && section !== '') units.push({ section: sectionOf(section, lines[0] as string), text: normalise(lines.join(' ')) });
    lines = [];
  };
  for (const raw of facts.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('```')) {
      flush();
      inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    const heading = /^#{2,3} (?:(\d+(?:\.\d+)?)\.? )?(.*)$/.exec(line);
    if (heading !== null) {
      flush();
      section = heading[1] ?? (heading[2]?.startsWith('How to read') === true ? 'sources' : 'summary');
      continue;
    }
    if (line === '' || line === '---') {
      flush();
      tableRow = 0;
      continue;
    }
    if (line.startsWith('|')) {
      flush();
      tableRow += 1;
      if (tableRow > 1 && !/^\|[\s|:-]+\|$/.test(line) && section !== '') units.push({ section, text: normalise(line) });
      continue;
    }
    if (/^(\*|-|\d+\.) /.test(line)) flush();
    lines.push(line);
  }
  flush();
  return units;
}

function sectionOf(section: string, firstLine: string): string {
  const item = /^(\d+)\. /.exec(firstLine);
  return section === '8' && item !== null ? `8.${item[1]}` : section;
}

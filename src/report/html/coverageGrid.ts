import { attributesOf, type ElementName } from '../../../reference/spec/attributes.js';
import type { Coverage } from '../../check/findings.js';
import { escapeHtml } from './escapeHtml.js';

const ELEMENTS: readonly ElementName[] = ['Dial', 'Number', 'Client', 'Sip', 'Conference', 'Queue', 'Application', 'WhatsApp', 'Sim'];

/** Cell shade by order of magnitude (1–9, 10–99, 100–999, 1,000 and more), so 0 stands out and shades mean the same in every report. */
function level(count: number): number {
  return count === 0 ? 0 : 1 + Math.min(3, Math.floor(Math.log10(count)));
}

function classesOf(coverage: Coverage, key: string): string[] {
  return Object.entries(coverage.valueClasses ?? {})
    .filter(([name]) => name.startsWith(`${key}:`))
    .map(([name, count]) => `${name.slice(key.length + 1)} ${count}`);
}

/** How the `<Dial>`s holding `key` ended, `completed 12, busy 3` (endpoint runs): the third axis of the grid. */
function outcomesOf(coverage: Coverage, key: string): string[] {
  return Object.entries(coverage.byOutcome ?? {})
    .filter(([, counts]) => (counts[key] ?? 0) > 0)
    .map(([status, counts]) => `${status} ${counts[key] ?? 0}`);
}

function cell(coverage: Coverage, key: string, name: string): string {
  const count = coverage.attributes[key] ?? 0;
  const classes = classesOf(coverage, key);
  const outcomes = outcomesOf(coverage, key);
  const title = count === 0 ? `${key}: never produced` : `${key}: ${count}${classes.length === 0 ? '' : `; values: ${classes.join(', ')}`}${outcomes.length === 0 ? '' : `; <Dial> ended: ${outcomes.join(', ')}`}`;
  return `<td class="c${level(count)}" title="${escapeHtml(title)}"><span class="attr">${escapeHtml(name)}</span><span class="count">${count}</span></td>`;
}

/**
 * What the run exercised, as attribute × noun: one row per element of the spec table (the nouns with how
 * often each was dialed), one cell per attribute the spec names, shaded by how often it was produced and
 * empty-red when never; the kinds of value seen, and (endpoint runs) the DialCallStatus of the `<Dial>`s that
 * held it, are in each cell's tooltip: attribute × noun × outcome. Then the outcomes the calls
 * ended in and the validator rules the documents broke.
 */
export function coverageGrid(coverage: Coverage): string {
  const known = new Set<string>();
  const rows = ELEMENTS.map((element) => {
    const names = [...attributesOf(element).keys()];
    for (const name of names) known.add(`${element}.${name}`);
    const nounOutcomes = outcomesOf(coverage, element);
    const nounTitle = nounOutcomes.length === 0 ? '' : ` title="${escapeHtml(`<Dial> with ${element} ended: ${nounOutcomes.join(', ')}`)}"`;
    const nounCount = element === 'Dial' ? '' : `<span class="count"${nounTitle}>${coverage.nouns[element] ?? 0}×</span>`;
    const cells = names.map((name) => cell(coverage, `${element}.${name}`, name)).join('');
    return `<tr><th>${escapeHtml(element)} ${nounCount}</th><td class="cells"><table class="attrs"><tr>${cells}</tr></table></td></tr>`;
  });
  const others = Object.keys(coverage.attributes).filter((key) => !known.has(key));
  if (others.length > 0) {
    const cells = others.map((key) => cell(coverage, key, key)).join('');
    rows.push(`<tr><th>not in the spec table</th><td class="cells"><table class="attrs"><tr>${cells}</tr></table></td></tr>`);
  }
  const otherNouns = Object.entries(coverage.nouns).filter(([name]) => !ELEMENTS.includes(name as ElementName));
  const parts = [`<table class="grid">${rows.join('')}</table>`];
  if (otherNouns.length > 0) parts.push(counts('Other elements', Object.fromEntries(otherNouns)));
  parts.push(counts('Outcomes (how the calls ended)', coverage.outcomes));
  parts.push(counts('Validator rules the documents broke', coverage.rules));
  return parts.join('');
}

function counts(title: string, record: Readonly<Record<string, number>>): string {
  const entries = Object.entries(record);
  if (entries.length === 0) return `<h3>${escapeHtml(title)}</h3><p class="muted">none counted</p>`;
  const max = Math.max(1, ...entries.map(([, count]) => count));
  const bars = entries
    .map(([name, count]) => `<div class="bar"><span class="name">${escapeHtml(name)}</span><span class="fill" style="width:${Math.max(1, Math.round((count / max) * 100))}%"></span><span class="count">${count}</span></div>`)
    .join('');
  return `<h3>${escapeHtml(title)} <span class="muted">(${entries.length})</span></h3><div class="bars">${bars}</div>`;
}

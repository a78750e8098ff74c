import { FACTS_PARAGRAPHS } from '../../reference/trace/factsParagraphs.js';
import { PAGE_FACTS } from '../../reference/trace/pageFacts.js';
import { SEED_SECTIONS } from '../../reference/trace/seedSections.js';
import { traceCounts } from '../../reference/trace/traceCounts.js';
import { rowId, type TraceRow } from '../../reference/trace/traceRow.js';

/** What implements a row, on one line: `rules dial.timeout.*; interpret interp.timeout; option interpret.outOfRange`. */
function implementedBy(row: TraceRow): string {
  const parts = [
    row.rules === undefined ? '' : `rules ${row.rules.join(' ')}`,
    row.interpret === undefined ? '' : `interpret ${row.interpret.join(' ')}`,
    row.properties === undefined ? '' : `properties ${row.properties.join(' ')}`,
    row.options === undefined ? '' : `options ${row.options.join(' ')}`,
    row.plays === undefined ? '' : `plays ${row.plays.join(' ')}`,
    row.notModelled === undefined ? '' : `not modelled: ${row.notModelled}`,
  ];
  return parts.filter((part) => part !== '').join('; ');
}

/** The traceability table as text: the sources, then one block per row, then the counts. */
export function traceTableText(table: readonly TraceRow[]): string[] {
  const lines = ['Sources:', '  seed: Twilio\'s <Dial> page, sections ' + SEED_SECTIONS.map((section) => section.key).join(', ')];
  lines.push('  facts: the fact sheet, paragraphs ' + FACTS_PARAGRAPHS.map((paragraph) => paragraph.id).join(', '));
  for (const fact of PAGE_FACTS) lines.push(`  page §${fact.id}: ${fact.url} (read ${fact.retrieved})`);
  lines.push('');
  for (const row of table) {
    lines.push(`${rowId(row)}  "${row.quotes[0] ?? ''}"${row.quotes.length > 1 ? ` (+${row.quotes.length - 1})` : ''}`);
    lines.push(`    ${implementedBy(row)}`);
  }
  const counts = traceCounts(table);
  lines.push('');
  lines.push(
    `${counts.rows} rows (seed ${counts.seedRows}, facts ${counts.factsRows}, pages ${counts.pageRows}) quoting ${counts.quotes} fragments; ` +
      `${counts.modelled} modelled, ${counts.withOptions} with options, ${counts.notModelled} with a not-modelled reason (${counts.onlyNotModelled} only that)`,
  );
  return lines;
}

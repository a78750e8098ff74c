import { RULES } from '../../../reference/rules.js';
import { FACTS_PARAGRAPHS } from '../../../reference/trace/factsParagraphs.js';
import { PAGE_FACTS } from '../../../reference/trace/pageFacts.js';
import { SEED_SECTIONS } from '../../../reference/trace/seedSections.js';
import { traceCounts } from '../../../reference/trace/traceCounts.js';
import { TRACE_TABLE } from '../../../reference/trace/traceTable.js';
import { parseCommandArgs } from '../args.js';
import { write, type CommandRunner } from '../io.js';
import { traceTableText } from '../traceTableText.js';

export const rulesCommand: CommandRunner = {
  async run(args, io) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' }, sources: { type: 'boolean' } }, 0);
    if (values.sources === true) {
      if (values.json === true) {
        const sources = { seed: SEED_SECTIONS, facts: FACTS_PARAGRAPHS, pages: PAGE_FACTS };
        write(io.stdout, JSON.stringify({ sources, rows: TRACE_TABLE, counts: traceCounts(TRACE_TABLE) }, null, 2));
      } else {
        for (const line of traceTableText(TRACE_TABLE)) write(io.stdout, line);
      }
      return 0;
    }
    if (values.json === true) {
      write(io.stdout, JSON.stringify(RULES, null, 2));
      return 0;
    }
    const width = Math.max(...RULES.map((rule) => rule.id.length));
    for (const rule of RULES) {
      const gate = rule.gate === 'always' ? '' : ` [only with --combinations conservative]`;
      write(io.stdout, `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.code}  ${rule.title} (${rule.source})${gate}`);
    }
    write(io.stdout, `${RULES.length} rules`);
    return 0;
  },
};

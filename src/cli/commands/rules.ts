import { RULES } from '../../../reference/rules.js';
import { parseCommandArgs } from '../args.js';
import { write, type Command } from '../io.js';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list every validator rule with its severity, Twilio code and source',
  usage: 'dial-kit rules [--json]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } }, 0);
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

import { validateXml } from '../../../reference/validate.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { parseCommandArgs } from '../args.js';
import { write, type CommandRunner } from '../io.js';
import { readInput } from '../readInput.js';
import { VALIDATE_FLAGS, validateOptionsFrom } from '../validateOptions.js';

export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.severity} ${diagnostic.code} ${diagnostic.ruleId} ${diagnostic.path}: ${diagnostic.message}`;
}

export const validateCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { strict: { type: 'boolean' }, json: { type: 'boolean' }, ...VALIDATE_FLAGS }, 1);
    const options = validateOptionsFrom(values);
    const xml = await readInput(positionals[0], io.stdin, undefined, (notice) => write(io.stderr, `dial-kit validate: ${notice}`));
    const { diagnostics } = validateXml(xml, options);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const failed = errors > 0 || (values.strict === true && warnings > 0);
    if (values.json === true) {
      write(io.stdout, JSON.stringify({ valid: !failed, errors, warnings, diagnostics }, null, 2));
    } else {
      for (const diagnostic of diagnostics) write(io.stdout, formatDiagnostic(diagnostic));
      write(io.stdout, `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${failed ? '' : ' — valid'}`);
    }
    return failed ? 1 : 0;
  },
};

import { parseTwiml } from '../../xml/parse.js';
import { serializeTwiml } from '../../xml/serialize.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { write, type Command } from '../io.js';
import { readInput } from '../readInput.js';

export const canonicalCommand: Command = {
  name: 'canonical',
  summary: 'print the canonical XML form of a TwiML document',
  usage: 'dial-kit canonical [FILE|-] [--max-bytes N]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { 'max-bytes': { type: 'string' } }, 1);
    const maxBytes = integerOption('max-bytes', values['max-bytes'], 64 * 1024, 1);
    const parsed = parseTwiml(await readInput(positionals[0], io.stdin), { maxBytes });
    if (!parsed.ok) {
      const where = parsed.error.line === undefined ? '' : ` (line ${parsed.error.line}, column ${parsed.error.column ?? 1})`;
      write(io.stderr, `dial-kit: the input is not a TwiML document: ${parsed.error.message}${where}`);
      return 1;
    }
    write(io.stdout, serializeTwiml(parsed.document));
    return 0;
  },
};

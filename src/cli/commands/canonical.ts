import { DEFAULT_MAX_BYTES, parseTwiml } from '../../xml/parse.js';
import { DialKitError } from '../../errors.js';
import { SerializeError, serializeTwiml } from '../../xml/serialize.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { write, type CommandRunner } from '../io.js';
import { readInput } from '../readInput.js';

export const canonicalCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { 'max-bytes': { type: 'string' } }, 1);
    const maxBytes = integerOption('max-bytes', values['max-bytes'], DEFAULT_MAX_BYTES, 1);
    const parsed = parseTwiml(await readInput(positionals[0], io.stdin, undefined, (notice) => write(io.stderr, `dial-kit canonical: ${notice}`)), { maxBytes });
    if (!parsed.ok) {
      // There is nothing to print: bad input is a one-sentence error with exit 2, like an unreadable file.
      const where = parsed.error.line === undefined ? '' : ` at line ${parsed.error.line}, column ${parsed.error.column ?? 1}`;
      throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the input is not well-formed TwiML: ${parsed.error.message}${where}`);
    }
    try {
      write(io.stdout, serializeTwiml(parsed.document));
    } catch (error) {
      if (!(error instanceof SerializeError)) throw error;
      throw new DialKitError('DIALKIT_ERR_SERIALIZE', `the document cannot be written as XML 1.0: ${error.message}`);
    }
    return 0;
  },
};

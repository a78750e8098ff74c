import type { Command } from '../io.js';
import { write } from '../io.js';

// Being built (see the open issue for `dial-kit generator`); replaced by the real command.
export const generatorCommand: Command = {
  name: 'generator',
  summary: '(not built yet)',
  usage: 'dial-kit generator',
  async run(_args, io) {
    write(io.stderr, 'dial-kit: the generator command is not built yet');
    return 2;
  },
};

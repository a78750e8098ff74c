import type { Command } from '../io.js';
import { write } from '../io.js';

// Being built (see the open issue for `dial-kit sample`); replaced by the real command.
export const sampleCommand: Command = {
  name: 'sample',
  summary: '(not built yet)',
  usage: 'dial-kit sample',
  async run(_args, io) {
    write(io.stderr, 'dial-kit: the sample command is not built yet');
    return 2;
  },
};

import type { Command } from '../io.js';
import { write } from '../io.js';

// Being built (see the open issue for `dial-kit demo`); replaced by the real command.
export const demoCommand: Command = {
  name: 'demo',
  summary: '(not built yet)',
  usage: 'dial-kit demo',
  async run(_args, io) {
    write(io.stderr, 'dial-kit: the demo command is not built yet');
    return 2;
  },
};

import type { Command } from '../io.js';
import { write } from '../io.js';

// Being built (see the open issue for `dial-kit interpret`); replaced by the real command.
export const interpretCommand: Command = {
  name: 'interpret',
  summary: '(not built yet)',
  usage: 'dial-kit interpret',
  async run(_args, io) {
    write(io.stderr, 'dial-kit: the interpret command is not built yet');
    return 2;
  },
};

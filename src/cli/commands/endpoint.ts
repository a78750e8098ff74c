import type { Command } from '../io.js';
import { write } from '../io.js';

// Being built (see the open issue for `dial-kit endpoint`); replaced by the real command.
export const endpointCommand: Command = {
  name: 'endpoint',
  summary: '(not built yet)',
  usage: 'dial-kit endpoint',
  async run(_args, io) {
    write(io.stderr, 'dial-kit: the endpoint command is not built yet');
    return 2;
  },
};

import { kitVersion } from '../check/kitVersion.js';
import { isDialKitError } from '../errors.js';
import { COMMANDS } from './commands/index.js';
import { quietOnClosedPipe, write, type CliIo } from './io.js';
import { printable } from './printable.js';

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'dial-kit: conformance checks for Twilio TwiML <Dial>',
    '',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'dial-kit COMMAND --help shows the usage of one command; dial-kit --version prints the version.',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code. Never throws: every failure becomes one sentence. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  quietOnClosedPipe(io.stdout);
  quietOnClosedPipe(io.stderr);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    write(name === undefined ? io.stderr : io.stdout, help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    write(io.stdout, `twiml-dial-kit ${kitVersion()}`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    write(io.stderr, printable(`dial-kit: unknown command ${JSON.stringify(name)}; run dial-kit --help for the list`));
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    write(io.stdout, `usage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isDialKitError(error)) {
      write(io.stderr, printable(`dial-kit ${command.name}: ${error.message}`));
      if (error.code === 'DIALKIT_ERR_USAGE') write(io.stderr, `usage: ${command.usage}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    write(io.stderr, printable(`dial-kit ${command.name}: internal error: ${message} (please report it with the command line that caused it)`));
    return 2;
  }
}

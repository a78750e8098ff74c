import { DialKitError } from '../errors.js';

/**
 * `--replay PATH` checked before anything runs: fast-check's path is run indices separated by colons,
 * and a typo in it must be a usage error, not an error from inside fast-check.
 */
export function replayPathOption(value: string | undefined): string | undefined {
  if (value === undefined || /^\d+(:\d+)*$/.test(value)) return value;
  throw new DialKitError('DIALKIT_ERR_USAGE', `--replay takes the path printed in a finding's replay line (numbers separated by colons), not ${JSON.stringify(value)}`);
}

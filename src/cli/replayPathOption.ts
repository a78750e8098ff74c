import { expandPath } from '../check/replayToken.js';
import { DialKitError } from '../errors.js';

/**
 * `--replay PATH` checked before anything runs and expanded to the path fast-check reads: run indices
 * separated by colons, where a replay line writes a run of one index short (`0*5`). A typo in it must
 * be a usage error, not an error from inside fast-check.
 */
export function replayPathOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return expandPath(value);
  } catch {
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    throw new DialKitError(
      'DIALKIT_ERR_USAGE',
      `--replay takes the path printed in a finding's replay line (numbers separated by colons, 0*5 for a run), not ${JSON.stringify(shown)}`,
    );
  }
}

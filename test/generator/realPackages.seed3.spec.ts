import { describe, expect, it } from 'vitest';
import { problemsAt, realPackages, RUNS } from './realPackages.js';

describe('twilio and @signalwire/compatibility-api against the reference, seed 3', () => {
  // Counts bound the work; the long limit only keeps a loaded machine from failing it (no test depends on speed).
  it(`have no finding in ${RUNS} valid and ${RUNS} invalid documents, in both call styles`, async () => {
    expect(await problemsAt(3, await realPackages())).toEqual([]);
  }, 600_000);
});

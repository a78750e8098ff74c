import { describe, expect, it } from 'vitest';
import { problemsAt, realPackages, RUNS } from './realPackages.js';

describe('twilio and @signalwire/compatibility-api against the reference, seed 2', () => {
  it(`have no finding in ${RUNS} valid and ${RUNS} invalid documents`, async () => {
    expect(await problemsAt(2, await realPackages())).toEqual([]);
  });
});

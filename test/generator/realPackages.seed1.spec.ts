import { describe, expect, it } from 'vitest';
import { voiceResponseTarget } from '../../src/targets/builder/moduleTarget.js';
import { problemsAt, realPackages, RUNS } from './realPackages.js';
import { BROKEN, plant } from './zoo.js';

describe('twilio and @signalwire/compatibility-api against the reference, seed 1', () => {
  // Counts bound the work; the long limit only keeps a loaded machine from failing it (no test depends on speed).
  it(`have no finding in ${RUNS} valid and ${RUNS} invalid documents, in both call styles`, async () => {
    expect(await problemsAt(1, await realPackages())).toEqual([]);
  }, 600_000);

  it('and the same loop reports a broken builder', async () => {
    const broken = voiceResponseTarget(plant(BROKEN[0] as (typeof BROKEN)[number]), 'broken');
    expect(await problemsAt(1, [broken], 200)).toEqual(expect.arrayContaining([expect.stringMatching(/^broken GEN-BUILD-001 \(\w+ calls\): the builder wrote XML that makes Twilio behave differently/)]));
  });
});

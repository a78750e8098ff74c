import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTwilioUrl } from '../../reference/values.js';
import { twilioUrl } from '../../src/arbitraries/twilioUrl.js';

// twilioUrl builds its URLs from pieces instead of filtering them through the reference (`new URL` per draw):
// this holds every form to what the reference accepts, shrunk values included.
describe('twilioUrl is valid by construction', () => {
  for (const forms of [undefined, ['relative'], ['absolute']] as const) {
    it(`every URL of ${forms === undefined ? 'both forms' : forms.join(', ')} is one the reference accepts`, () => {
      const arbitrary = twilioUrl(forms === undefined ? {} : { forms });
      const refused = fc.sample(arbitrary, { seed: 20261124, numRuns: 20_000 }).filter((url) => !isTwilioUrl(url));
      expect(refused).toEqual([]);
      // Every candidate of a shrink too: properties failing on long URLs see them all.
      const seen: string[] = [];
      for (let seed = 1; seed <= 100; seed += 1) fc.check(fc.property(arbitrary, (url) => (seen.push(url), url.length < 30)), { seed });
      expect(seen.length).toBeGreaterThan(500);
      expect(seen.filter((url) => !isTwilioUrl(url))).toEqual([]);
    });
  }
});

import type { KnownFailure } from '../src/check/findings.js';

/**
 * What the kit knows the bundled twilio package (6.2.0) gets wrong, so that the default run
 * (`dial-kit generator`, `checkGenerator()`, `npm start`) reports it as expected rather than failing
 * on a library the kit does not own. A new version that fixes it is reported as fixed.
 */
export const BUNDLED_TWILIO_KNOWN: readonly KnownFailure[] = [
  {
    fingerprint: '3bdc2ab42ff18474',
    property: 'GEN-BUILD-003',
    cause: 'attribute: a character XML cannot carry written raw',
    reason:
      'twilio 6.2 checks text for characters XML cannot carry (it throws) but not attribute values, which it writes raw: ' +
      'dial({ callReason: "\\u0001" }) gives XML Twilio rejects with 12100 (facts §6; README "What the kit found in real libraries")',
  },
];

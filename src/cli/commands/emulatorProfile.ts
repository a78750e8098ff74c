import type { Profile } from '../../profile/profile.js';
import { twilioProfile } from '../../profile/twilioProfile.js';

/**
 * The example emulator's profile in the demo: everything Twilio's profile holds, and the one choice the
 * sources leave open where the emulator differs from the reference's default. Whether a leg that ends
 * busy or failed rang first (seed §record: record-from-ringing starts "when the ringing begins") is
 * option busyLegRang; the emulator has no ringing signal from its carrier (carrier protocol v1), so a
 * leg rings from the moment it is dialed: `from-dial`. No known divergence is left.
 */
export function emulatorProfile(): Profile {
  return {
    ...twilioProfile(),
    name: 'examples/mini-emulator',
    interpret: { busyLegRang: 'from-dial' },
    divergences: [],
  };
}

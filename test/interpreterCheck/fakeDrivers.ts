import { fileURLToPath } from 'node:url';
import { loadProfile } from '../../src/profile/parseProfile.js';
import type { Profile } from '../../src/profile/profile.js';

export const FAKE_DRIVER = fileURLToPath(new URL('./fixtures/fakeDriver.mjs', import.meta.url));
export const HOSTILE_DRIVER = fileURLToPath(new URL('./fixtures/hostileDriver.mjs', import.meta.url));
export const FAKE_PROFILE_PATH = fileURLToPath(new URL('./fixtures/fake-profile.json', import.meta.url));

/** What the fake driver implements (bare numbers and <Number>, a few attributes). */
export function fakeProfile(): Profile {
  return loadProfile(FAKE_PROFILE_PATH);
}

/** One planted divergence of the fake driver and the property that must catch it. */
export const DEFECTS: readonly { readonly defect: string; readonly property: string; readonly what: string }[] = [
  { defect: 'answered-status', property: 'INTERP-DIALCALLSTATUS', what: 'DialCallStatus answered for an answered number (seed: completed)' },
  { defect: 'no-buffer', property: 'INTERP-TIMEOUT-BUFFER', what: 'no 5-second buffer after timeout' },
  { defect: 'after-action', property: 'INTERP-AFTER-ACTION', what: 'verbs after <Dial action> still run' },
  { defect: 'action-post', property: 'INTERP-ACTION-METHOD', what: 'a method="GET" action sent as POST' },
  { defect: 'dialcallsid', property: 'INTERP-DIALCALLSID', what: 'DialCallSid that is not the child leg\'s CallSid' },
  { defect: 'no-action-on-hangup', property: 'INTERP-CALLER-HANGUP', what: 'no action request when the caller hangs up' },
  { defect: 'no-callbacks', property: 'INTERP-CALLBACKS', what: 'no <Number statusCallback> requests' },
  { defect: 'no-callsid', property: 'INTERP-LEGS', what: 'dialing announced without the child CallSid' },
];

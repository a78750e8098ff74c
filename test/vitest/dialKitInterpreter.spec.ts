import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { emulatorProfile } from '../../src/cli/commands/emulatorProfile.js';
import { dialKit, it } from '../../src/vitest/index.js';

// The interpreter check as a team's regression test: the example emulator through its driver, and a
// broken copy of it (test/interpreterCheck/zoo) whose divergence is tracked as expected.

const EMULATOR = fileURLToPath(new URL('../../examples/mini-emulator/driver.mjs', import.meta.url));
const POSTS_EVERY_ACTION = fileURLToPath(new URL('../interpreterCheck/zoo/get-action-as-post.mjs', import.meta.url));

// Every property, with the emulator's profile: it answers the one question the sources leave open
// (does a leg that ends busy ring, for record-from-ringing?) with interpret option busyLegRang=from-dial.
dialKit.interpreter('the example mini-emulator', { command: process.execPath, args: [EMULATOR], profile: emulatorProfile(), runs: 20, seed: 3 });

dialKit.interpreter('an emulator that POSTs every action, as expected', {
  command: process.execPath,
  args: [POSTS_EVERY_ACTION],
  properties: ['INTERP-ACTION-METHOD'],
  runs: 40,
  seed: 1,
  maxShrinks: 0,
  expect: { 'INTERP-ACTION-METHOD': 'fail' },
});

describe('dialKit.interpreter misuse is found when the tests are registered', () => {
  it('a property the check does not have', () => {
    expect(() => dialKit.interpreter('typo', { command: 'node', properties: ['INTERP-ACTON'] })).toThrow(/--property "INTERP-ACTON" is not a property of this check .*did you mean INTERP-ACTION\?/);
    expect(() => dialKit.interpreter('typo', { command: 'node', properties: ['INTERP-ACTION'], expect: { 'INTERP-NEXT': 'fail' } })).toThrow(/expect names "INTERP-NEXT", which is not a property of this check \(INTERP-ACTION\)/);
  });
});

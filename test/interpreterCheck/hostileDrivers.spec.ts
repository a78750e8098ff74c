import { describe, expect, it } from 'vitest';
import { checkInterpreter } from '../../properties/interpreterCheck.js';
import { DialKitError } from '../../src/errors.js';
import { HOSTILE_DRIVER } from './fakeDrivers.js';

/**
 * Drivers that break the carrier protocol each end in a named finding or a one-sentence DialKitError,
 * within a bounded time (every wait has the --timeout-ms limit; counted, never measured here).
 */
async function run(mode: string, timeoutMs = 1500, maxShrinks = 3): Promise<{ failed: string[]; summary?: string; error?: DialKitError }> {
  try {
    const report = await checkInterpreter({ command: process.execPath, args: [HOSTILE_DRIVER, mode], runs: 5, seed: 1, timeoutMs, maxShrinks });
    const failed = report.properties.filter((property) => property.status === 'failed');
    return { failed: failed.map((property) => property.id), ...(failed[0]?.findings[0] === undefined ? {} : { summary: failed[0].findings[0].summary }) };
  } catch (error) {
    if (!(error instanceof DialKitError)) throw error;
    return { failed: [], error };
  }
}

describe('hostile drivers', () => {
  it.each([
    ['exit-at-once', 'DIALKIT_ERR_TARGET_START', /the driver exited \(code 3\)/],
    ['silent-hello', 'DIALKIT_ERR_TARGET_START', /did not answer the hello within 4500 ms/],
    ['garbage-hello', 'DIALKIT_ERR_TARGET_PROTOCOL', /answered the hello with a line that is not JSON/],
    ['version-2', 'DIALKIT_ERR_TARGET_PROTOCOL', /speaks carrier protocol version 2/],
  ])('%s: refused at the handshake with one sentence', async (mode, code, message) => {
    const { error } = await run(mode);
    expect(error?.code).toBe(code);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
  }, 60_000);

  it.each([
    ['hang', /did not acknowledge the start of call cN within 1500 ms \(a hang\)/],
    ['garbage', /wrote a line that is not JSON/],
    ['oversize', /wrote a line longer than 1048576 bytes/],
    ['crash', /the driver exited \(code 7\)/],
    ['unknown-type', /message of unknown type "hooray"/],
  ])('%s: an INTERP-DRIVER finding', async (mode, summary) => {
    const result = await run(mode);
    expect(result.failed).toEqual(['INTERP-DRIVER']);
    expect(result.summary).toMatch(summary);
  }, 60_000);

  it('flood: more than 200 requests in a call is named', async () => {
    const result = await run('flood', 30_000, 0);
    expect(result.failed).toEqual(['INTERP-DRIVER']);
    expect(result.summary).toMatch(/made 2[0-9][0-9] requests in one call \(more than 200\)/);
  }, 120_000);

  it('a driver that never fetches the document, or requests a URL the document never named', async () => {
    expect(await run('no-fetch')).toMatchObject({ failed: expect.arrayContaining(['INTERP-REQUEST-SHAPE']), summary: expect.stringMatching(/never fetched the document/) });
    const stray = await run('stray');
    expect(stray.failed).toContain('INTERP-REQUEST-SHAPE');
    expect(stray.summary).toMatch(/requested GET http:\/\/127\.0\.0\.1:PORT\/elsewhere/);
  }, 60_000);
});

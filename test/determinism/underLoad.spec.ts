import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEndpoint } from '../../properties/endpoint.js';
import { checkGenerator } from '../../properties/checkGenerator.js';
import type { RunReport } from '../../src/check/findings.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { serializeTwiml } from '../../src/xml/serialize.js';
import { CORRECT, DIAL_DOCUMENT, fakeApps, type FakeAppOptions } from '../endpoint/fakeApp.js';
import { startBusyWorkers } from '../support/busyWorkers.js';
import { timelessReport } from '../support/timing.js';

/**
 * The same seed gives the same report on a quiet machine and on one whose cores are all busy: every
 * decision that reaches a report (which calls run, how a failure shrinks, which replay line is printed)
 * is taken by count, never by the clock. Each check runs once quietly, then again beside busy threads.
 */
const TOKEN = 'load-token';
const app = fakeApps();

/** Three faults, each on some calls only, so rounds, shrinking and finding order all matter. */
const BROKEN: FakeAppOptions = {
  authToken: TOKEN,
  voice: (params) => ({
    status: 200,
    contentType: 'text/xml',
    body: (params['From'] ?? '').length % 3 === 0 ? DIAL_DOCUMENT.replace('timeout="20"', 'timeout="900"') : DIAL_DOCUMENT,
  }),
  dialStatus: (params) => (params['DialCallStatus'] === 'busy' ? { status: 500, contentType: 'text/html', body: 'oops' } : CORRECT.dialStatus(params)),
  callback: (params) => (params['CallStatus'] === 'ringing' ? { status: 500 } : CORRECT.callback()),
};

/** A builder that writes booleans as `True`: found and shrunk on some documents only. */
const trueAsTitle = (document: TwimlDocument): string => serializeTwiml(document).replaceAll('="true"', '="True"');

/** Generous limits: on a loaded machine these runs take long, and nothing here may depend on how long. */
const SLOW_MS = 300_000;
let stopWorkers: (() => Promise<void>) | undefined;

async function endpointReport(url: string, concurrency: number): Promise<RunReport> {
  return checkEndpoint({ url, authToken: TOKEN, runs: 80, seed: 11, timeoutMs: 10_000, concurrency });
}

async function generatorReport(): Promise<RunReport> {
  return checkGenerator({ target: trueAsTitle, runs: 300, seed: 5, only: 'valid' });
}

describe('the same seed gives the same report on a busy machine', () => {
  const quiet: { endpoint?: string; generator?: string; url?: string } = {};

  beforeAll(async () => {
    const server = await app(BROKEN);
    quiet.url = server.url;
    quiet.endpoint = timelessReport(await endpointReport(server.url, 1));
    quiet.generator = timelessReport(await generatorReport());
    stopWorkers = await startBusyWorkers(2);
  }, SLOW_MS);

  afterAll(async () => {
    await stopWorkers?.();
  });

  it('endpoint check: findings, shrunk calls and replay lines equal, at concurrency 1 and 8', async () => {
    const parsed = JSON.parse(quiet.endpoint as string) as RunReport;
    // Teeth: several distinct problems were found and shrunk, so equal reports mean something.
    expect(parsed.findingCount).toBeGreaterThanOrEqual(3);
    expect(timelessReport(await endpointReport(quiet.url as string, 1))).toBe(quiet.endpoint);
    expect(timelessReport(await endpointReport(quiet.url as string, 8))).toBe(quiet.endpoint);
  }, SLOW_MS);

  it('builder check: the same shrunk document and replay line', async () => {
    const parsed = JSON.parse(quiet.generator as string) as RunReport;
    expect(parsed.findingCount).toBe(1);
    expect(timelessReport(await generatorReport())).toBe(quiet.generator);
  }, SLOW_MS);
});

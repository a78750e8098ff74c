import { describe, expect, it } from 'vitest';
import { checkEndpoint } from '../../properties/endpoint.js';
import type { EndpointCheckOptions } from '../../src/check/endpoint/endpointOptions.js';
import type { RunReport } from '../../src/check/findings.js';
import { isDialKitError } from '../../src/errors.js';
import { timelessReport } from '../support/timing.js';
import { CORRECT, DIAL_DOCUMENT, fakeApps, type FakeAppOptions, type RunningServer } from './fakeApp.js';

const TOKEN = 'concurrency-token';
const app = fakeApps();

const timeless = timelessReport;

async function reportsAt(server: RunningServer, levels: readonly number[], options: Partial<EndpointCheckOptions> = {}): Promise<string[]> {
  const reports: string[] = [];
  for (const concurrency of levels) {
    reports.push(timeless(await checkEndpoint({ url: server.url, authToken: TOKEN, runs: 150, seed: 11, timeoutMs: 10_000, concurrency, ...options })));
  }
  return reports;
}

/** Breaks three things at once, each on some calls only, so rounds, shrinking and the order of findings all matter. */
const BROKEN: FakeAppOptions = {
  authToken: TOKEN,
  voice: (params) => ({ status: 200, contentType: 'text/xml', body: (params['From'] ?? '').length % 3 === 0 ? DIAL_DOCUMENT.replace('timeout="20"', 'timeout="900"') : DIAL_DOCUMENT }),
  dialStatus: (params) => (params['DialCallStatus'] === 'busy' ? { status: 500, contentType: 'text/html', body: 'oops' } : CORRECT.dialStatus(params)),
  callback: (params) => (params['CallStatus'] === 'ringing' ? { status: 500 } : CORRECT.callback()),
};

describe('calls in flight together (--concurrency)', () => {
  it('the same seed gives the same report, finding for finding and replay line for replay line, at concurrency 1, 4 and 16', async () => {
    const server = await app(BROKEN);
    const [one, four, sixteen] = await reportsAt(server, [1, 4, 16]);
    const parsed = JSON.parse(one as string) as RunReport;
    // Teeth: the run did find several distinct problems, each shrunk, so the comparison is not of empty reports.
    expect(parsed.findingCount).toBeGreaterThanOrEqual(3);
    expect(parsed.properties.filter((property) => property.status === 'failed').map((property) => property.id)).toEqual(
      expect.arrayContaining(['EP-STATUS', 'EP-TWIML-WARNING']),
    );
    expect(four).toBe(one);
    expect(sixteen).toBe(one);
  });

  it('under --lenient too (warnings reported from the first call, in input order, that showed them)', async () => {
    const server = await app(BROKEN);
    const [one, four] = await reportsAt(server, [1, 4], { lenient: true });
    expect(four).toBe(one);
  });

  it('a passing app: same coverage and run count at every concurrency', async () => {
    const server = await app({ authToken: TOKEN });
    const [one, eight] = await reportsAt(server, [1, 8]);
    expect((JSON.parse(one as string) as RunReport).runs).toBe(150);
    expect(eight).toBe(one);
  });

  it('really overlaps calls: the app sees several first requests at once', async () => {
    let open = 0;
    let most = 0;
    const server = await app({
      raw: (request, response) => {
        if (request.url !== '/voice') return false;
        open += 1;
        most = Math.max(most, open);
        // Hold each first answer a little, so overlapping calls meet here.
        setTimeout(() => {
          open -= 1;
          response.writeHead(200, { 'content-type': 'text/xml' }).end(DIAL_DOCUMENT);
        }, 5);
        return true;
      },
    });
    // No auth token, so no signature probes: one /voice request per call.
    await checkEndpoint({ url: server.url, runs: 40, seed: 1, concurrency: 4 });
    expect(most).toBe(4);
    open = 0;
    most = 0;
    await checkEndpoint({ url: server.url, runs: 10, seed: 1, concurrency: 1 });
    expect(most).toBe(1);
  });

  it('refuses a concurrency below 1', async () => {
    const server = await app({});
    const error = await checkEndpoint({ url: server.url, concurrency: 0 }).catch((caught: unknown) => caught);
    expect(isDialKitError(error) && error.code === 'DIALKIT_ERR_USAGE').toBe(true);
  });
});

/** The CallStatus of a leg's last status callback, whichever way the drawn outcome ends it. */
const FINAL = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

describe('status callbacks of one <Dial> travel together', () => {
  it('are recorded in the interpreter order even when answered out of order, and the action waits for all of them', async () => {
    const events: string[] = [];
    let unanswered = 0;
    let actionWhileCallbacksOpen = 0;
    const server = await app({
      raw: (request, response) => {
        if (request.url === '/status') {
          unanswered += 1;
          const chunks: Buffer[] = [];
          request.on('data', (chunk: Buffer) => chunks.push(chunk));
          request.on('end', () => {
            const status = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('CallStatus') ?? '';
            // 'initiated' comes back last and with a 500, the final status (completed, or canceled,
            // busy, … as the drawn outcome has it) first and with a 500 too.
            const delay = status === 'initiated' ? 30 : FINAL.has(status) ? 0 : 10;
            setTimeout(() => {
              unanswered -= 1;
              events.push(status);
              response.writeHead(status === 'initiated' || FINAL.has(status) ? 500 : 204).end();
            }, delay);
          });
          return true;
        }
        if (request.url === '/dial-status' && unanswered > 0) actionWhileCallbacksOpen += 1;
        return false;
      },
    });
    const report = await checkEndpoint({ url: server.url, runs: 5, seed: 2, timeoutMs: 10_000, concurrency: 1 });
    // Teeth: the callbacks really were in flight together (answered in another order than sent).
    expect(events.findIndex((status) => FINAL.has(status))).toBeLessThan(events.indexOf('initiated'));
    expect(actionWhileCallbacksOpen).toBe(0);
    const finding = report.properties.find((property) => property.id === 'EP-CALLBACK-STATUS')?.findings[0];
    // The first observation in the interpreter's order is the 'initiated' callback, whatever answered first.
    expect((finding?.counterexample as { request: { body: string } }).request.body).toContain('CallStatus=initiated');
  });
});

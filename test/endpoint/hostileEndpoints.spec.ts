import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEndpoint } from '../../properties/endpoint.js';
import type { Finding, RunReport } from '../../src/check/findings.js';
import { isDialKitError } from '../../src/errors.js';
import { createHttpClient, type HttpExchange } from '../../src/targets/http/httpClient.js';
import { buildWebhookRequest } from '../../src/targets/http/webhookRequest.js';
import { CORRECT, DIAL_DOCUMENT, listen, startFakeApp, type RunningServer } from './fakeApp.js';

/** The time limit for servers that never finish an answer: every such exchange meets it, whatever the load. */
const TIMEOUT_MS = 800;
/** The time limit for servers that do answer: generous, so a busy machine never turns an answer into a timeout. */
const ANSWER_LIMIT_MS = 10_000;
let servers: RunningServer[] = [];
let sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets = [];
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function keep(server: Promise<RunningServer>): Promise<RunningServer> {
  const running = await server;
  servers.push(running);
  return running;
}

/** An HTTP server whose every answer is written by `handler` on the raw socket (so it can misbehave at the byte level). */
async function rawTcp(handler: (socket: Socket) => void): Promise<RunningServer> {
  const server = createTcpServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    handler(socket);
  });
  const running = await new Promise<RunningServer>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${address.port}/voice`,
        origin: `http://127.0.0.1:${address.port}`,
        requests: [],
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
  servers.push(running);
  return running;
}

/**
 * Runs the check and counts the exchanges that met the time limit: what a hang costs is that count times
 * the limit, so bounding the count bounds the time without the test reading a clock.
 */
async function timed(url: string, runs = 20, timeoutMs = ANSWER_LIMIT_MS): Promise<{ report: RunReport; timeouts: number }> {
  let timeouts = 0;
  const report = await checkEndpoint({
    url,
    runs,
    seed: 3,
    timeoutMs,
    onExchange: (_request, exchange) => {
      if (exchange.kind === 'failure' && exchange.failure === 'timeout') timeouts += 1;
    },
  });
  return { report, timeouts };
}

function only(report: RunReport): Finding {
  const failed = report.properties.filter((property) => property.status === 'failed');
  expect(failed.map((property) => `${property.id}: ${property.findings.map((finding) => finding.summary).join(' | ')}`)).toHaveLength(1);
  return failed[0]?.findings[0] as Finding;
}

describe('hostile endpoints end in a named finding after at most two exchanges that meet the time limit', () => {
  it('a server that accepts and never answers: EP-ANSWER timeout', async () => {
    const server = await rawTcp(() => undefined);
    const { report, timeouts } = await timed(server.url, 20, TIMEOUT_MS);
    const finding = only(report);
    expect(finding.propertyId).toBe('EP-ANSWER');
    expect(finding.summary).toMatch(/no answer started within 800 ms \(Twilio gives up after its total limit\)/);
    // The failing call and the one shrink candidate that meets the limit too; then shrinking and the run stop.
    expect(timeouts).toBeGreaterThanOrEqual(1);
    expect(timeouts).toBeLessThanOrEqual(2);
  });

  it('a server that sends headers and then drips the body forever: EP-ANSWER timeout (total limit, not per chunk)', async () => {
    const server = await keep(
      listen(
        createHttpServer((_request, response) => {
          response.writeHead(200, { 'content-type': 'text/xml' });
          response.write('<Response>');
          const timer = setInterval(() => response.write(' '), 50);
          response.on('close', () => clearInterval(timer));
        }),
      ),
    );
    const { report, timeouts } = await timed(server.url, 20, TIMEOUT_MS);
    expect(only(report).propertyId).toBe('EP-ANSWER');
    expect(only(report).summary).toMatch(/the answer started \(200, [\d,]+ bytes read\) and then stalled: no complete answer within 800 ms/);
    expect(timeouts).toBeLessThanOrEqual(2);
  });

  it('an answer that stalls after 1,234 bytes is told apart from one that never starts', async () => {
    const stalling = await keep(
      listen(
        createHttpServer((_request, response) => {
          response.writeHead(200, { 'content-type': 'text/xml', 'content-length': '5000' });
          response.write('x'.repeat(1234));
        }),
      ),
    );
    const silent = await rawTcp(() => undefined);
    const client = createHttpClient({ timeoutMs: TIMEOUT_MS, origins: [stalling.origin, silent.origin] });
    const send = (url: string): Promise<HttpExchange> => client.send(buildWebhookRequest({ url, method: 'POST', params: [] }), { maxBodyBytes: 65_536 });
    try {
      const [stalled, unstarted] = await Promise.all([send(stalling.url), send(silent.url)]);
      expect(stalled).toMatchObject({ kind: 'failure', failure: 'timeout', status: 200, bodyBytes: 1234 });
      expect(stalled.kind === 'failure' && stalled.message).toBe('the answer started (200, 1,234 bytes read) and then stalled: no complete answer within 800 ms');
      expect(unstarted).toMatchObject({ kind: 'failure', failure: 'timeout', message: 'no answer started within 800 ms' });
      expect(unstarted).not.toHaveProperty('status');
      expect(unstarted).not.toHaveProperty('bodyBytes');
    } finally {
      await client.close();
    }
    const { report } = await timed(stalling.url, 20, TIMEOUT_MS);
    expect(only(report).summary).toMatch(/the answer started \(200, 1,234 bytes read\) and then stalled: no complete answer within 800 ms \(Twilio gives up/);
  });

  it('an app that hangs on one action only: one EP-ANSWER finding, and the run stops instead of waiting on every such call', async () => {
    const server = await keep(startFakeApp({ dialStatus: (params) => (params['DialCallStatus'] === 'busy' ? { hang: true } : CORRECT.dialStatus(params)) }));
    const { report, timeouts } = await timed(server.url, 100, TIMEOUT_MS);
    const finding = only(report);
    expect(finding.propertyId).toBe('EP-ANSWER');
    expect(finding.summary).toMatch(/step 1 \(action\): no answer started within 800 ms/);
    // Calls already in flight beside the first hang may meet it too (default concurrency 8), then one shrink candidate.
    expect(timeouts).toBeLessThanOrEqual(8 + 1);
    expect(report.runs).toBeLessThan(100);
  });

  it('a server that resets the connection: EP-ANSWER reset', async () => {
    const server = await rawTcp((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const { report, timeouts } = await timed(server.url);
    const finding = only(report);
    expect(finding.propertyId).toBe('EP-ANSWER');
    expect(finding.summary).toMatch(/reset/);
    expect(timeouts).toBe(0);
  });

  it('a server that answers garbage bytes: EP-ANSWER protocol (11206)', async () => {
    const server = await rawTcp((socket) => socket.once('data', () => socket.end(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]))));
    const { report } = await timed(server.url);
    const finding = only(report);
    expect(finding.propertyId).toBe('EP-ANSWER');
    expect(finding.summary).toMatch(/protocol.*\[Twilio 11206\]/);
  });

  it('a huge body: EP-SIZE (11750); the kit stops reading one byte past 64 kB', async () => {
    const server = await keep(
      listen(
        createHttpServer((_request, response) => {
          response.writeHead(200, { 'content-type': 'text/xml' });
          const chunk = Buffer.alloc(16 * 1024, 0x20);
          let sent = 0;
          // 64 MB per answer: far past the cap, and the kit must not wait for (or hold) all of it.
          const pump = (): void => {
            while (!response.destroyed && sent < 64 * 1024 * 1024) {
              sent += chunk.length;
              if (!response.write(chunk)) return void response.once('drain', pump);
            }
            response.end();
          };
          pump();
        }),
      ),
    );
    const heapBefore = process.memoryUsage().heapUsed;
    const { report, timeouts } = await timed(server.url, 3);
    const finding = only(report);
    expect(finding.propertyId).toBe('EP-SIZE');
    expect(finding.summary).toContain('longer than 65536 bytes');
    expect(timeouts).toBe(0);
    expect((finding.counterexample as { answer: { bodyStart: string } }).answer.bodyStart).toHaveLength(500);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(48 * 1024 * 1024);
  });

  it('an entity bomb: EP-XML, never expanded', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>' +
      '<Response><Say>&lol9;</Say><Dial>+15558675310</Dial></Response>';
    const server = await keep(startFakeApp({ voice: () => ({ status: 200, contentType: 'text/xml', body: bomb }) }));
    const { report, timeouts } = await timed(server.url, 5);
    const finding = only(report);
    expect(finding.propertyId).toBe('EP-XML');
    expect(finding.summary).toMatch(/DOCTYPE or entity declaration.*\[Twilio 12100\]/);
    expect(timeouts).toBe(0);
  });

  it('a body that is not UTF-8: EP-XML', async () => {
    const server = await keep(
      listen(createHttpServer((_request, response) => response.writeHead(200, { 'content-type': 'text/xml' }).end(Buffer.from([0x3c, 0x52, 0xff, 0xfe, 0x3e])))),
    );
    expect(only((await timed(server.url, 3)).report).summary).toMatch(/not valid UTF-8/);
  });
});

describe('redirects are followed as Twilio does, and never off the target origin', () => {
  it('a redirect to another host: EP-ORIGIN, and the other host receives nothing', async () => {
    const other = await keep(startFakeApp());
    const server = await keep(startFakeApp({ voice: () => ({ status: 302, headers: { location: other.url } }) }));
    const report = (await timed(server.url, 5)).report;
    const finding = only(report);
    expect(finding.propertyId).toBe('EP-ORIGIN');
    expect(finding.summary).toContain(other.origin);
    expect(other.requests).toEqual([]);
  });

  it('--allow-origin lets the kit follow it', async () => {
    const other = await keep(startFakeApp());
    const server = await keep(startFakeApp({ voice: () => ({ status: 307, headers: { location: other.url } }) }));
    const report = await checkEndpoint({ url: server.url, runs: 5, seed: 3, timeoutMs: ANSWER_LIMIT_MS, allowOrigins: [other.origin] });
    expect(report.properties.filter((property) => property.status === 'failed')).toEqual([]);
    expect(other.requests.length).toBeGreaterThan(0);
  });

  it('a <Dial action> on another host: EP-ORIGIN, not a request', async () => {
    const other = await keep(startFakeApp());
    const server = await keep(startFakeApp({ voice: () => ({ status: 200, contentType: 'text/xml', body: DIAL_DOCUMENT.replace('action="/dial-status"', `action="${other.origin}/dial-status"`) }) }));
    const finding = only((await timed(server.url, 5)).report);
    expect(finding.propertyId).toBe('EP-ORIGIN');
    expect(finding.summary).toMatch(/the action URL points to/);
    expect(finding.summary).toContain(`another origin than the app's (${server.origin}); the kit did not send it (allow it with --allow-origin)`);
    expect(other.requests).toEqual([]);
  });

  it('a <Dial action> or <Redirect> on another host or scheme says which', async () => {
    const other = await keep(startFakeApp());
    const elsewhere = other.origin.replace('127.0.0.1', 'localhost');
    const answer = (body: string) => () => ({ status: 200, contentType: 'text/xml', body });
    const thenRedirect = (url: string): string => DIAL_DOCUMENT.replace(' action="/dial-status"', '').replace('</Dial>', `</Dial><Redirect>${url}</Redirect>`);
    const cases = [
      [thenRedirect('ftp://x/next'), 'the redirect URL ftp://x/next is not http or https; Twilio cannot request it'],
      [thenRedirect('mailto:ops@example.com'), 'the redirect URL mailto:ops@example.com is not http or https; Twilio cannot request it'],
      [DIAL_DOCUMENT.replace('action="/dial-status"', `action="${elsewhere}/dial-status"`), `the action URL points to ${elsewhere}, another host than the app's (`],
    ] as const;
    for (const [body, sentence] of cases) {
      const server = await keep(startFakeApp({ voice: answer(body) }));
      const { report } = await timed(server.url, 3);
      const summaries = report.properties.flatMap((property) => property.findings.map((finding) => `${finding.propertyId}: ${finding.summary}`));
      expect(summaries.filter((summary) => summary.startsWith('EP-ORIGIN')).join()).toContain(sentence);
    }
    expect(other.requests).toEqual([]);
  });

  it('a same-origin 303 is followed (as GET) and the answer checked', async () => {
    const server = await keep(
      startFakeApp({
        raw: (request, response) => {
          if (request.url === '/voice' && request.method === 'POST') {
            response.writeHead(303, { location: '/twiml' }).end();
            return true;
          }
          if (request.url === '/twiml') {
            response.writeHead(200, { 'content-type': 'text/xml' }).end(DIAL_DOCUMENT);
            return true;
          }
          return false;
        },
      }),
    );
    const report = (await timed(server.url, 5)).report;
    expect(report.properties.filter((property) => property.status === 'failed')).toEqual([]);
    expect(server.requests).toContain('GET /twiml');
  });

  it('a redirect loop: EP-REDIRECT 11215 after 10 redirects', async () => {
    const server = await keep(startFakeApp({ raw: (request, response) => (response.writeHead(302, { location: `/loop${request.url?.length ?? 0}` }).end(), true) }));
    // One call at a time, so the server's log splits into calls.
    const finding = only(await checkEndpoint({ url: server.url, runs: 2, seed: 3, timeoutMs: ANSWER_LIMIT_MS, concurrency: 1 }));
    expect(finding.propertyId).toBe('EP-REDIRECT');
    expect(finding.summary).toContain('[Twilio 11215]');
    // Each call is one request and ten redirects followed, never more .
    const chains = server.requests.join('\n').split(/^(?=POST \/voice)/m).map((chain) => chain.trim().split('\n').length);
    expect(Math.max(...chains)).toBe(11);
  });

  it('a redirect loop with calls in flight together: the same finding, and never more than 11 requests per call', async () => {
    const server = await keep(startFakeApp({ raw: (request, response) => (response.writeHead(302, { location: `/loop${request.url?.length ?? 0}` }).end(), true) }));
    const finding = only(await checkEndpoint({ url: server.url, runs: 20, seed: 3, timeoutMs: ANSWER_LIMIT_MS, concurrency: 8 }));
    expect(finding.propertyId).toBe('EP-REDIRECT');
    expect(finding.summary).toContain('[Twilio 11215]');
    const calls = server.requests.filter((line) => line.startsWith('POST /voice')).length;
    expect(server.requests.length).toBeLessThanOrEqual(11 * calls);
  });

  it('a 308 or a 302 without Location: EP-REDIRECT 11216', async () => {
    const permanent = await keep(startFakeApp({ voice: () => ({ status: 308, headers: { location: '/x' } }) }));
    expect(only((await timed(permanent.url, 2)).report).summary).toMatch(/308 redirect.*\[Twilio 11216\]/);
    const bare = await keep(startFakeApp({ voice: () => ({ status: 302 }) }));
    expect(only((await timed(bare.url, 2)).report).summary).toMatch(/no Location header.*\[Twilio 11216\]/);
  });
});

describe('when the kit cannot check', () => {
  it('an app that never reaches a <Dial>: DIALKIT_ERR_NOTHING_CHECKED ("checked nothing")', async () => {
    const server = await keep(startFakeApp({ voice: () => ({ status: 200, contentType: 'text/xml', body: '<Response><Say>Closed.</Say><Hangup/></Response>' }) }));
    const error = await checkEndpoint({ url: server.url, runs: 5, seed: 1, timeoutMs: ANSWER_LIMIT_MS }).catch((caught: unknown) => caught);
    expect(isDialKitError(error) && error.code).toBe('DIALKIT_ERR_NOTHING_CHECKED');
    expect((error as Error).message).toMatch(/^checked nothing/);
  });

  it('a target nobody listens on: DIALKIT_ERR_TARGET_START', async () => {
    const server = await startFakeApp();
    const url = server.url;
    await server.close();
    const error = await checkEndpoint({ url, runs: 5, timeoutMs: ANSWER_LIMIT_MS }).catch((caught: unknown) => caught);
    expect(isDialKitError(error) && error.code).toBe('DIALKIT_ERR_TARGET_START');
  });
});

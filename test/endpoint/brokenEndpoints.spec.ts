import { describe, expect, it } from 'vitest';
import { checkEndpoint } from '../../properties/endpoint.js';
import type { EndpointCheckOptions } from '../../src/check/endpoint/endpointOptions.js';
import type { Finding, RunReport } from '../../src/check/findings.js';
import { timelessReport } from '../support/timing.js';
import { consoleReport } from '../../src/report/consoleReport.js';
import { CORRECT, DIAL_DOCUMENT, fakeApps, type RunningServer } from './fakeApp.js';

const TOKEN = 'test-auth-token';
const app = fakeApps();

async function check(server: RunningServer, options: Partial<EndpointCheckOptions> = {}): Promise<RunReport> {
  return checkEndpoint({ url: server.url, authToken: TOKEN, runs: 100, seed: 7, timeoutMs: 10_000, ...options });
}

function findingsOf(report: RunReport, id: string): readonly Finding[] {
  return report.properties.find((property) => property.id === id)?.findings ?? [];
}

function failedIds(report: RunReport): string[] {
  return report.properties.filter((property) => property.status === 'failed').map((property) => property.id);
}

describe('the endpoint check catches broken apps', () => {
  it('a correct app passes', async () => {
    const report = await check(await app({ authToken: TOKEN }));
    expect(failedIds(report)).toEqual([]);
    expect(report.findingCount).toBe(0);
    expect(report.runs).toBe(100);
  });

  it('an app that answers 500 for one DialCallStatus: EP-STATUS on the action, the outcome shrunk to that status', async () => {
    const server = await app({
      authToken: TOKEN,
      dialStatus: (params) => (params['DialCallStatus'] === 'busy' ? { status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' } : CORRECT.dialStatus(params)),
    });
    const report = await check(server);
    expect(failedIds(report)).toEqual(['EP-STATUS']);
    const [finding] = findingsOf(report, 'EP-STATUS');
    expect(finding?.summary).toMatch(/step 1 \(action\): the action request was answered 500/);
    expect(finding?.summary).toContain('[Twilio 11200]');
    const example = finding?.counterexample as { story: { dials: { outcome: { legs: { response: { kind: string } }[] } }[] }; request: { body: string }; answer: { status: number; bodyStart: string } };
    expect(example.request.body).toContain('DialCallStatus=busy');
    expect(example.story.dials[0]?.outcome.legs[0]?.response.kind).toBe('busy');
    expect(example.answer).toMatchObject({ status: 500, bodyStart: '<h1>Internal Server Error</h1>' });
    expect(finding?.steps.at(-1)).toMatch(/^reproduce the request: curl -sS -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/dial-status' .*-H 'x-twilio-signature: [A-Za-z0-9+/=]+' .*--data-raw '.*DialCallStatus=busy/);
    expect(finding?.replay).toMatch(/^dial-kit endpoint http:\/\/127\.0\.0\.1:\d+\/voice --auth-token "\$TWILIO_AUTH_TOKEN" --timeout-ms 10000 --seed -?\d+ --replay '?[0-9:*]+'?$/);
  });

  it('an app that puts an out-of-range attribute in its TwiML: EP-TWIML-WARNING (13212); --lenient reports it without failing', async () => {
    const server = await app({ authToken: TOKEN, voice: () => ({ status: 200, contentType: 'text/xml', body: DIAL_DOCUMENT.replace('timeout="20"', 'timeout="900"') }) });
    const strict = await check(server);
    expect(failedIds(strict)).toEqual(['EP-TWIML-WARNING']);
    expect(findingsOf(strict, 'EP-TWIML-WARNING')[0]?.summary).toMatch(/timeout.*\[Twilio 13212\]/);
    const lenient = await check(server, { lenient: true });
    expect(failedIds(lenient)).toEqual([]);
    expect(findingsOf(lenient, 'EP-TWIML-WARNING')).toHaveLength(1);
    expect(findingsOf(lenient, 'EP-TWIML-WARNING')[0]?.severity).toBe('warning');
    // The unshrunk warning's replay line points at the call that showed it.
    const [, seed, path] = /--seed (-?\d+) --replay '?([\d:*]+)'?$/.exec(findingsOf(lenient, 'EP-TWIML-WARNING')[0]?.replay ?? '') ?? [];
    const replayed = await check(server, { seed: Number(seed), replayPath: path });
    expect(replayed.runs).toBe(1);
    expect(failedIds(replayed)).toEqual(['EP-TWIML-WARNING']);
  });

  it("an app that interpolates the caller's name without escaping: EP-XML, the name shrunk to one bad character", async () => {
    const server = await app({
      authToken: TOKEN,
      voice: (params) => ({
        status: 200,
        contentType: 'text/xml',
        body: DIAL_DOCUMENT.replace('<Response>', `<Response><Say>Hello ${params['CallerName'] ?? 'caller'}</Say>`),
      }),
    });
    const report = await check(server);
    expect(failedIds(report)).toContain('EP-XML');
    const example = findingsOf(report, 'EP-XML')[0]?.counterexample as { story: { initialParams: Record<string, string> } };
    const name = example.story.initialParams['CallerName'] ?? '';
    // Shrunk: one character that breaks the markup is left, every other hostile piece is gone.
    expect(name.match(/[<&]/g)).toHaveLength(1);
    expect(name).not.toMatch(/[>"'\s\u0080-\u{10FFFF}]/u);
  });

  it('an app that answers with a non-TwiML Content-Type: EP-CONTENT-TYPE (12300)', async () => {
    const server = await app({ authToken: TOKEN, voice: () => ({ status: 200, contentType: 'application/json', body: DIAL_DOCUMENT }) });
    const report = await check(server);
    expect(failedIds(report)).toEqual(['EP-CONTENT-TYPE']);
    expect(findingsOf(report, 'EP-CONTENT-TYPE')[0]?.summary).toMatch(/application\/json.*\[Twilio 12300\]/);
  });

  it('text/plain is reported as a warning (Twilio executes it only when it is valid TwiML)', async () => {
    const server = await app({ authToken: TOKEN, voice: () => ({ status: 200, contentType: 'text/plain', body: DIAL_DOCUMENT }) });
    const report = await check(server, { runs: 5 });
    expect(findingsOf(report, 'EP-CONTENT-TYPE')[0]?.severity).toBe('warning');
  });

  it('an app that ignores the signature: EP-SIGNATURE, one security finding naming both probes (one root cause)', async () => {
    const report = await check(await app({ authToken: TOKEN, ignoreSignature: true }));
    expect(failedIds(report)).toEqual(['EP-SIGNATURE']);
    const findings = findingsOf(report, 'EP-SIGNATURE');
    expect(findings.map((finding) => finding.severity)).toEqual(['security']);
    expect(findings.map((finding) => finding.summary).join('\n')).toMatch(/a wrong X-Twilio-Signature[\s\S]*no X-Twilio-Signature/);
  });

  it('a voice URL that answers 500: EP-STATUS, and the report states that no <Dial> was reached beside it', async () => {
    const report = await check(await app({ authToken: TOKEN, voice: () => ({ status: 500, contentType: 'text/plain', body: 'down' }) }), { runs: 5 });
    expect(failedIds(report)).toEqual(['EP-STATUS']);
    expect(report.notes).toEqual([expect.stringMatching(/^no <Dial> was reached in \d+ calls/)]);
    expect(consoleReport(report)).toMatch(/^NOTE no <Dial> was reached/m);
  });

  it('without --auth-token no probe is sent and the signature property has nothing to say', async () => {
    const server = await app({ ignoreSignature: true });
    const report = await check(server, { authToken: undefined, runs: 5 });
    expect(failedIds(report)).toEqual([]);
    expect(report.properties.find((property) => property.id === 'EP-SIGNATURE')?.status).toBe('not-exercised');
    expect(server.requests.filter((line) => line.startsWith('POST /voice'))).toHaveLength(5);
  });

  it('a status callback answered 404: EP-CALLBACK-STATUS (15003)', async () => {
    const report = await check(await app({ authToken: TOKEN, callback: () => ({ status: 404, body: 'no' }) }), { runs: 20 });
    expect(failedIds(report)).toEqual(['EP-CALLBACK-STATUS']);
    expect(findingsOf(report, 'EP-CALLBACK-STATUS')[0]?.summary).toContain('[Twilio 15003]');
  });

  it('an app whose TwiML has <Dial> under a wrong root: EP-TWIML-ERROR (12102)', async () => {
    const report = await check(await app({ authToken: TOKEN, voice: () => ({ status: 200, contentType: 'text/xml', body: '<Reply><Dial>+15558675310</Dial></Reply>' }) }), { runs: 5 });
    expect(failedIds(report)).toEqual(['EP-TWIML-ERROR']);
    expect(findingsOf(report, 'EP-TWIML-ERROR')[0]?.summary).toContain('[Twilio 12102]');
  });

  it('the same seed places the same calls and gives the same findings', async () => {
    const server = await app({
      authToken: TOKEN,
      dialStatus: (params) => (params['DialCallStatus'] === 'no-answer' ? { status: 503 } : CORRECT.dialStatus(params)),
    });
    const first = await check(server, { seed: 99 });
    const second = await check(server, { seed: 99 });
    const strip = (report: RunReport): unknown => JSON.parse(timelessReport({ ...report, properties: report.properties.filter((property) => property.id === 'EP-STATUS') }));
    expect(strip(second)).toEqual(strip(first));
    expect(findingsOf(first, 'EP-STATUS')).toHaveLength(1);
  });

  it('a finding replays with --replay: the one call, failing the same way', async () => {
    const server = await app({
      authToken: TOKEN,
      dialStatus: (params) => (params['DialCallStatus'] === 'failed' ? { status: 500 } : CORRECT.dialStatus(params)),
    });
    const report = await check(server);
    const finding = findingsOf(report, 'EP-STATUS')[0] as Finding;
    const [, seed, path] = /--seed (-?\d+) --replay '?([\d:*]+)'?$/.exec(finding.replay) ?? [];
    const before = server.requests.length;
    const replayed = await check(server, { seed: Number(seed), replayPath: path });
    // The same case, apart from how long the app took to answer.
    const untimed = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, field: unknown) => (key === 'elapsedMs' ? undefined : field)));
    expect(untimed(findingsOf(replayed, 'EP-STATUS')[0]?.counterexample)).toEqual(untimed(finding.counterexample));
    expect(replayed.runs).toBe(1);
    expect(server.requests.length - before).toBeLessThan(20);
  });

  it('a --param fixes a parameter of the first request', async () => {
    const seen: string[] = [];
    const server = await app({ authToken: TOKEN, voice: (params) => (seen.push(params['Digits'] ?? ''), CORRECT.voice()) });
    await check(server, { runs: 10, params: [['Digits', '2']] });
    expect(new Set(seen)).toEqual(new Set(['2']));
  });

  it('GET sends the parameters in the signed query', async () => {
    const server = await app({ authToken: TOKEN });
    const report = await check(server, { runs: 10, method: 'GET' });
    expect(failedIds(report)).toEqual([]);
    expect(server.requests.find((line) => line.startsWith('GET /voice?'))).toMatch(/CallSid=CA/);
  });
});

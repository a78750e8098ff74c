import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseExpectationFile } from '../../src/check/endpoint/expectation.js';
import { startForwardingApp, type ForwardingApp } from '../../examples/forwarding-app/startForwardingApp.js';
import { checkEndpoint } from '../../properties/endpoint.js';
import { buildWebhookRequest } from '../../src/targets/http/webhookRequest.js';

const TOKEN = 'forwarding-app-token';
let app: ForwardingApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the bundled forwarding app (examples/forwarding-app)', () => {
  it('passes 1,000 calls with every check on and zero findings', async () => {
    app = await startForwardingApp({ port: 0, authToken: TOKEN });
    const report = await checkEndpoint({ url: app.url, authToken: TOKEN, runs: 1000, seed: 20261124 });
    expect(report.findingCount).toBe(0);
    const idle = report.properties.filter((property) => property.status !== 'passed').map((property) => `${property.id} ${property.status}`);
    // The app answers no HTTP redirect and asks for no input: those properties have nothing to judge.
    expect(idle).toEqual(['EP-REDIRECT not-exercised', 'EP-FLOW-MENU-LOOP not-exercised']);
    expect(report.runs).toBe(1000);
    // Every call reached the <Dial> and every outcome the interpreter knows was played.
    expect(report.coverage.nouns['Number']).toBe(1000);
    expect(Object.keys(report.coverage.outcomes).sort()).toEqual(['busy', 'canceled', 'completed', 'failed', 'no-answer']);
  });

  it('holds its expectations (examples/forwarding-app/expectations.json) over 1,000 calls: every status named exercised, voicemails left', async () => {
    app = await startForwardingApp({ port: 0, authToken: TOKEN });
    const file = join(dirname(fileURLToPath(import.meta.url)), '../../examples/forwarding-app/expectations.json');
    const expectations = parseExpectationFile(readFileSync(file, 'utf8'), file);
    const report = await checkEndpoint({ url: app.url, authToken: TOKEN, runs: 1000, seed: 20261202, expectations });
    expect(report.findingCount).toBe(0);
    const result = report.properties.find((property) => property.id === 'EP-EXPECT');
    expect(result?.status).toBe('passed');
    expect(result?.notes).toBeUndefined();
    expect(Object.keys(report.coverage.outcomes).sort()).toEqual(['busy', 'canceled', 'completed', 'failed', 'no-answer']);
  });

  // Over GET it passes as well: test/vitest/dialKit.spec.ts checks it with dialKit.endpoint.

  it('shows its own number to a client: or sip: caller, takes a voicemail when nobody answered, and thanks after it', async () => {
    app = await startForwardingApp({ port: 0, authToken: TOKEN });
    const base = app.url.replace(/\/voice$/, '');
    const post = async (path: string, params: [string, string][]): Promise<string> => {
      const request = buildWebhookRequest({ url: `${base}${path}`, method: 'POST', params: [['CallSid', 'CA1'], ...params], authToken: TOKEN });
      const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body ?? '' });
      expect(response.status).toBe(200);
      return response.text();
    };
    expect(await post('/voice', [['From', 'client:alice'], ['To', '']])).toContain('callerId="+15558675309"');
    expect(await post('/voice', [['From', 'sip:alice@acme.sip.twilio.com'], ['To', 'sip:100@acme.sip.twilio.com']])).toContain('callerId="+15558675309"');
    expect(await post('/voice', [['From', '+14155550100'], ['To', '+15558675309']])).not.toContain('callerId');
    expect(await post('/voice/dial-status', [['DialCallStatus', 'completed']])).toMatch(/<Response><Hangup\/><\/Response>$/);
    for (const status of ['busy', 'no-answer', 'failed', 'canceled']) {
      expect(await post('/voice/dial-status', [['DialCallStatus', status]])).toMatch(/<Say>[^<]+<\/Say><Record action="\/voice\/voicemail" method="POST" maxLength="120" [^>]*recordingStatusCallback="\/voice\/recording-status"/);
    }
    const recorded: [string, string][] = [['RecordingUrl', 'https://api.twilio.com/RE1'], ['RecordingSid', 'RE1'], ['RecordingDuration', '7']];
    for (const digits of ['#', 'hangup']) {
      expect(await post('/voice/voicemail', [...recorded, ['Digits', digits]])).toMatch(/<Response><Say>[^<]*[Tt]hanks[^<]*<\/Say><Hangup\/><\/Response>$/);
    }
  });

  it('refuses a request signed with another token (403), so the kit would flag an app that did not', async () => {
    app = await startForwardingApp({ port: 0, authToken: TOKEN });
    const request = buildWebhookRequest({ url: app.url, method: 'POST', params: [['CallSid', 'CA1']], authToken: 'not-the-token' });
    const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body ?? '' });
    expect(response.status).toBe(403);
  });
});

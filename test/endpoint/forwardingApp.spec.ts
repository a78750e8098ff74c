import { afterEach, describe, expect, it } from 'vitest';
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

  // Over GET it passes as well: test/vitest/dialKit.spec.ts checks it with dialKit.endpoint.

  it('refuses a request signed with another token (403), so the kit would flag an app that did not', async () => {
    app = await startForwardingApp({ port: 0, authToken: TOKEN });
    const request = buildWebhookRequest({ url: app.url, method: 'POST', params: [['CallSid', 'CA1']], authToken: 'not-the-token' });
    const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body ?? '' });
    expect(response.status).toBe(403);
  });
});

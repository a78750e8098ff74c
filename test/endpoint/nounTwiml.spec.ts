/** The endpoint check reads a whisper answer as a whisper: <Dial> there is 13201 (reference/nounTwiml.ts). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkEndpoint } from '../../properties/endpoint.js';
import { fakeApps } from './fakeApp.js';

const app = fakeApps();
const VOICE = '<?xml version="1.0" encoding="UTF-8"?><Response><Dial action="/dial-status" timeout="20" callerId="+15558675309"><Number url="/whisper">+15558675310</Number></Dial></Response>';

function whisper(body: string): (request: IncomingMessage, response: ServerResponse) => boolean {
  return (request, response) => {
    if (!(request.url ?? '').startsWith('/whisper')) return false;
    request.resume();
    response.writeHead(200, { 'content-type': 'text/xml' }).end(body);
    return true;
  };
}

describe('endpoint: noun url (whisper) answers', () => {
  it('a whisper that says something passes with zero findings', async () => {
    const server = await app({ voice: () => ({ status: 200, contentType: 'text/xml', body: VOICE }), raw: whisper('<Response><Say>Call from the shop</Say></Response>') });
    const report = await checkEndpoint({ url: server.url, runs: 30, seed: 3, timeoutMs: 10_000 });
    expect(report.findingCount).toBe(0);
    expect(server.requests.some((line) => line.startsWith('POST /whisper'))).toBe(true);
  });
  it('a whisper that dials: EP-TWIML-ERROR with 13201', async () => {
    const server = await app({ voice: () => ({ status: 200, contentType: 'text/xml', body: VOICE }), raw: whisper('<Response><Dial>+15550000000</Dial></Response>') });
    const report = await checkEndpoint({ url: server.url, runs: 30, seed: 3, timeoutMs: 10_000 });
    const failed = report.properties.filter((property) => property.status === 'failed').map((property) => property.id);
    expect(failed).toEqual(['EP-TWIML-ERROR']);
    expect(JSON.stringify(report.properties.find((property) => property.id === 'EP-TWIML-ERROR')?.findings[0])).toContain('13201');
  });
});

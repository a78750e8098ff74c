import { describe, expect, it } from 'vitest';
import type { AnswerObservation, AnswerRole } from '../../src/check/endpoint/answerObservation.js';
import { storyAnswers } from '../../src/check/endpoint/answerXml.js';
import type { Finding, RunReport } from '../../src/check/findings.js';
import { consoleReport } from '../../src/report/consoleReport.js';
import { buildWebhookRequest } from '../../src/targets/http/webhookRequest.js';
import { DIAL_DOCUMENT } from './fakeApp.js';

function observed(step: number, role: AnswerRole, text: string | undefined, expectsTwiml = true): AnswerObservation {
  const request = buildWebhookRequest({ url: `http://127.0.0.1:1/${role}`, method: 'POST', params: [] });
  const exchange = { kind: 'answer', status: text === undefined ? 500 : 200, headers: {}, body: Buffer.from(text ?? ''), truncated: false, elapsedMs: 1 } as const;
  return { step, role, expectsTwiml, hops: [{ request, exchange }], request, exchange, ...(text === undefined ? {} : { text }) };
}

describe('storyAnswers', () => {
  it('keeps each TwiML answer of the call in order, up to the one that failed', () => {
    const voice = observed(1, 'voice', DIAL_DOCUMENT);
    const probe = observed(1, 'signature-missing', '<Response/>');
    const callback = observed(1, 'statusCallback', '', false);
    const action = observed(2, 'action', '<Response><Hangup/></Response>');
    const later = observed(3, 'redirect', '<Response/>');
    expect(storyAnswers([voice, probe, callback, action, later], action)).toEqual([
      { step: 1, role: 'voice', url: 'http://127.0.0.1:1/voice', xml: DIAL_DOCUMENT },
      { step: 2, role: 'action', url: 'http://127.0.0.1:1/action', xml: '<Response><Hangup/></Response>' },
    ]);
  });

  it('leaves out an answer Twilio would not read as TwiML (a 500)', () => {
    expect(storyAnswers([observed(1, 'voice', undefined)])).toEqual([]);
  });

  it('cuts a long answer to 2,000 characters and says how much is left out', () => {
    const long = `<Response>${'<Pause/>'.repeat(1000)}</Response>`;
    const [answer] = storyAnswers([observed(1, 'voice', long)]);
    expect(answer?.xml.startsWith(long.slice(0, 2000))).toBe(true);
    expect(answer?.xml.slice(2000)).toBe(`\n… (${(long.length - 2000).toLocaleString('en-US')} more characters cut)`);
  });
});

describe('the console report shows an endpoint finding\'s answers as XML', () => {
  const finding = (counterexample: unknown): Finding => ({
    propertyId: 'EP-STATUS',
    title: 'TwiML requests are answered with HTTP 200',
    source: 'facts §1.3 11200',
    severity: 'error',
    summary: 'step 2 (action): the action request was answered 500',
    counterexample,
    steps: [],
    replay: 'dial-kit endpoint http://127.0.0.1:1/voice --seed 1 --replay 0',
    fingerprint: 'f',
  });
  const report = (found: Finding): RunReport => ({
    tool: 'twiml-dial-kit',
    version: '0.1.0',
    mode: 'endpoint',
    target: 'http://127.0.0.1:1/voice',
    seed: 1,
    runs: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    properties: [{ id: 'EP-STATUS', title: found.title, source: found.source, status: 'failed', runs: 1, findings: [found], durationMs: 1 }],
    coverage: { attributes: {}, nouns: {}, rules: {}, outcomes: {} },
    findingCount: 1,
  });

  it('prints each answer under its step, role and URL, indented, and not again inside the JSON', () => {
    const answers = storyAnswers([observed(1, 'voice', '<Response>\n  <Dial action="/a">+1555</Dial>\n</Response>')]);
    const text = consoleReport(report(finding({ story: { ended: 'x' }, step: 2, answers })));
    expect(text).toContain(['  TwiML answers:', '    step 1 (voice) http://127.0.0.1:1/voice', '      <Response>', '        <Dial action="/a">+1555</Dial>', '      </Response>'].join('\n'));
    expect(text).not.toContain('"answers"');
    expect(text).toContain('"step": 2');
  });

  it('prints no answers block for a counterexample without them', () => {
    expect(consoleReport(report(finding({ story: { ended: 'x' }, step: 2 })))).not.toContain('TwiML answers');
  });
});

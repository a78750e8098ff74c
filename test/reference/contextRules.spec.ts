/** Rules that need more than the document: the kind of document (noun TwiML) or the first request (caller ID). */
import { describe, expect, it } from 'vitest';
import { callerIdContextDiagnostics, nounTwimlDiagnostics, nounTwimlRole } from '../../reference/index.js';
import { parseTwiml } from '../../src/xml/index.js';
import type { TwimlDocument } from '../../src/model/document.js';

function doc(xml: string): TwimlDocument {
  const parsed = parseTwiml(xml);
  if (!parsed.ok) throw new Error(xml);
  return parsed.document;
}
const ids = (diagnostics: readonly { ruleId: string }[]): string[] => diagnostics.map((diagnostic) => diagnostic.ruleId);

describe('nounTwimlDiagnostics', () => {
  it('a whisper may not <Dial> (13201, error); Play, Say, Gather, Hangup and others pass', () => {
    const found = nounTwimlDiagnostics(doc('<Response><Say>hi</Say><Dial>+14155550100</Dial></Response>'), 'whisper');
    expect(found).toEqual([expect.objectContaining({ ruleId: 'whisper.dial', code: 13201, severity: 'error', path: '/Response/Dial[1]' })]);
    expect(nounTwimlDiagnostics(doc('<Response><Gather numDigits="1"><Say>Press 1</Say></Gather><Hangup/></Response>'), 'whisper')).toEqual([]);
  });
  it('a <Queue url> or waitUrl document holds only Play, Say, Pause, Redirect', () => {
    const xml = '<Response><Play>a.mp3</Play><Pause/><Gather/><Redirect>/x</Redirect><Dial>1</Dial></Response>';
    expect(ids(nounTwimlDiagnostics(doc(xml), 'queue-announcement'))).toEqual(['queue-url.verb', 'queue-url.verb']);
    expect(ids(nounTwimlDiagnostics(doc(xml), 'conference-wait'))).toEqual(['conference-wait.verb', 'conference-wait.verb']);
  });
  it('the role follows the request kind and the noun', () => {
    expect(nounTwimlRole('url', '/Response/Dial[1]/Queue[1]')).toBe('queue-announcement');
    expect(nounTwimlRole('url', '/Response/Dial[1]/Number[2]')).toBe('whisper');
    expect(nounTwimlRole('waitUrl', '/Response/Dial[1]/Conference[1]')).toBe('conference-wait');
    expect(nounTwimlRole('action', undefined)).toBeUndefined();
  });
});

describe('callerIdContextDiagnostics (seed §callerId; facts §1.1)', () => {
  const NUMBER = '<Response><Dial><Number>+14155550100</Number></Dial></Response>';
  it('a Voice SDK caller dialing a phone number without callerId: 13214', () => {
    expect(ids(callerIdContextDiagnostics(doc(NUMBER), { From: 'client:joey', To: '+18005550100' }))).toEqual(['dial.callerId.client-caller']);
    expect(callerIdContextDiagnostics(doc(NUMBER.replace('<Dial>', '<Dial callerId="+15551112222">')), { From: 'client:joey' })).toEqual([]);
    expect(callerIdContextDiagnostics(doc(NUMBER), { From: '+14155550199' })).toEqual([]);
    expect(callerIdContextDiagnostics(doc('<Response><Dial><Client>amy</Client></Dial></Response>'), { From: 'client:joey' })).toEqual([]);
  });
  it('an inbound SIP call may not use its own To or From as callerId', () => {
    const xml = NUMBER.replace('<Dial>', '<Dial callerId="415-555-0199">');
    expect(ids(callerIdContextDiagnostics(doc(xml), { From: 'sip:+14155550199@pbx.example.com', To: '+14155550199', SipCallId: 'x' }))).toEqual(['dial.callerId.sip-inbound']);
    expect(callerIdContextDiagnostics(doc(xml), { From: '+14155550199', To: '+18005550100' })).toEqual([]);
  });
  it('reads the number in a SIP URI: a SIP Domain call whose To is sip:<the callerId>@domain (page §sip-request-params)', () => {
    const xml = NUMBER.replace('<Dial>', '<Dial callerId="+14155550199">');
    const request = { From: 'sip:alice@acme.sip.twilio.com', To: 'sip:+14155550199@acme.sip.twilio.com', SipDomain: 'acme.sip.twilio.com' };
    expect(ids(callerIdContextDiagnostics(doc(xml), request))).toEqual(['dial.callerId.sip-inbound']);
    expect(callerIdContextDiagnostics(doc(xml), { ...request, To: 'sip:+14155550100@acme.sip.twilio.com' })).toEqual([]);
  });
});

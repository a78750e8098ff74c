import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dialedLegs } from '../../reference/legs.js';
import { validate } from '../../reference/validate.js';
import { dialCase } from '../../src/arbitraries/dialCase.js';
import { dialDocument } from '../../src/arbitraries/dialDocument.js';
import { dialOutcome } from '../../src/arbitraries/dialOutcome.js';
import { dialVerb } from '../../src/arbitraries/dialVerb.js';
import { hostileText } from '../../src/arbitraries/hostileText.js';
import { rulesWithoutCase } from '../../src/arbitraries/invalidCases.js';
import { invalidDocument } from '../../src/arbitraries/invalidDocument.js';
import { voiceRequest } from '../../src/arbitraries/voiceRequest.js';
import { DialKitError } from '../../src/errors.js';
import type { DialVerb } from '../../src/model/dial.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { isXmlText } from '../../src/xml/chars.js';
import { serializeTwiml } from '../../src/xml/serialize.js';

const SEED = 7;

function dialOf(document: TwimlDocument): DialVerb {
  return document.verbs.find((verb): verb is DialVerb => verb.kind === 'Dial') as DialVerb;
}

describe('seed-pinned samples (a change here is a reviewed change)', () => {
  it('seed 1 gives these documents and labels', () => {
    expect(fc.sample(dialDocument({ maxLegs: 2 }), { seed: 1, numRuns: 3 }).map((document) => serializeTwiml(document))).toMatchSnapshot();
    expect(fc.sample(invalidDocument(), { seed: 1, numRuns: 12 }).map((sample) => sample.rules.join(' '))).toMatchSnapshot();
  });
});

describe('determinism', () => {
  it('the same seed gives the same documents, invalid cases, outcomes and requests', () => {
    for (const arbitrary of [dialDocument(), invalidDocument(), dialCase(), voiceRequest()] as fc.Arbitrary<unknown>[]) {
      expect(fc.sample(arbitrary, { seed: SEED, numRuns: 20 })).toEqual(fc.sample(arbitrary, { seed: SEED, numRuns: 20 }));
      expect(fc.sample(arbitrary, { seed: SEED, numRuns: 20 })).not.toEqual(fc.sample(arbitrary, { seed: SEED + 1, numRuns: 20 }));
    }
  });
});

describe('valid documents', () => {
  const documents = fc.sample(dialDocument(), { seed: SEED, numRuns: 400 });

  it('carry hostile text, non-BMP characters and white space at the edges, but only characters XML can carry', () => {
    const xml = documents.map((document) => serializeTwiml(document)).join('\n');
    for (const piece of ['&amp;amp;', '&lt;', '&gt;', '&quot;', '😀', '𝄞', '&#xD;', '\uFDD0']) expect(xml).toContain(piece);
    expect(isXmlText(xml)).toBe(true);
    expect(documents.some((document) => dialOf(document).children.some((child) => child.kind === 'text' && child.text.trim() !== child.text))).toBe(true);
  });

  it('have one <Dial> under <Response>, verbs before and after it, and never a blank or doubled text child in <Dial>', () => {
    for (const document of documents) {
      expect(document.root).toBe('Response');
      expect(document.verbs.filter((verb) => verb.kind === 'Dial')).toHaveLength(1);
      const children = dialOf(document).children;
      children.forEach((child, index) => {
        if (child.kind !== 'text') return;
        expect(child.text.trim()).not.toBe('');
        expect(children[index + 1]?.kind).not.toBe('text');
      });
    }
    expect(documents.some((document) => document.verbs[0]?.kind !== 'Dial')).toBe(true);
    expect(documents.some((document) => document.verbs.at(-1)?.kind !== 'Dial')).toBe(true);
  });

  it('dial 1 to 10 legs, with up to ten Numbers or Clients and at most one Sip', () => {
    const counts = documents.map((document) => dialedLegs(dialOf(document)).length);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(10);
    for (const document of documents) expect(dialOf(document).children.filter((child) => child.kind === 'Sip').length).toBeLessThanOrEqual(1);
  });

  it('honour the shape and attribute constraints', () => {
    for (const dial of fc.sample(dialVerb({ shapes: ['queue'], noAttributes: true }), { seed: SEED, numRuns: 30 })) {
      expect(dial.attributes).toEqual({});
      expect(dial.children.map((child) => child.kind)).toEqual(['Queue']);
      expect(validate({ root: 'Response', attributes: {}, verbs: [dial] })).toEqual([]);
    }
    for (const dial of fc.sample(dialVerb({ shapes: ['numbers'], maxLegs: 2 }), { seed: SEED, numRuns: 30 })) expect(dial.children.length).toBeLessThanOrEqual(2);
  });
});

describe('hostileText', () => {
  it('respects its limit in code points and reaches it', () => {
    const texts = fc.sample(hostileText({ maxLength: 50 }), { seed: SEED, numRuns: 300 });
    expect(Math.max(...texts.map((text) => [...text].length))).toBe(50);
    expect(texts.every((text) => text.length > 0 && isXmlText(text))).toBe(true);
    expect(fc.sample(hostileText({ maxLength: 5, nonBlank: true }), { seed: SEED, numRuns: 300 }).every((text) => text.trim() !== '' && [...text].length <= 5)).toBe(true);
  });
});

describe('invalidDocument', () => {
  it('has a case for every rule of RULES', () => {
    expect(rulesWithoutCase()).toEqual([]);
  });

  it('also breaks several Dial attributes at once, labelled with every rule they break', () => {
    const several = fc.sample(invalidDocument(), { seed: SEED, numRuns: 1000 }).filter((sample) => sample.rules.length > 1);
    expect(several.length).toBeGreaterThan(0);
    for (const sample of several) {
      expect(sample.kind === 'document' && [...new Set(validate(sample.document).map((diagnostic) => diagnostic.ruleId))].sort()).toEqual([...sample.rules].sort());
    }
  });

  it('builds only the rules asked for, and refuses an unknown rule id with a usage error', () => {
    const samples = fc.sample(invalidDocument({ rules: ['dial.empty', 'xml.size'] }), { seed: SEED, numRuns: 40 });
    expect(new Set(samples.flatMap((sample) => sample.rules))).toEqual(new Set(['dial.empty', 'xml.size']));
    const big = samples.find((sample) => sample.kind === 'xml');
    expect(big !== undefined && Buffer.byteLength(big.kind === 'xml' ? big.xml : '', 'utf8')).toBeGreaterThan(64 * 1024);
    expect(() => invalidDocument({ rules: ['dial.nope'] })).toThrow(DialKitError);
    expect(() => invalidDocument({ rules: ['xml.size'], documentsOnly: true })).toThrow(expect.objectContaining({ code: 'DIALKIT_ERR_NOTHING_CHECKED' }));
  });
});

describe('outcomes', () => {
  it('give SIP details to Sip legs only, and * only with hangupOnStar="true"', () => {
    const dial: DialVerb = {
      kind: 'Dial',
      attributes: { hangupOnStar: 'false' },
      children: [
        { kind: 'Number', attributes: {}, text: '+14155550100' },
        { kind: 'Sip', attributes: {}, text: 'sip:alice@example.com' },
      ],
    };
    for (const outcome of fc.sample(dialOutcome(dial), { seed: SEED, numRuns: 200 })) {
      expect(outcome.legs).toHaveLength(2);
      expect(outcome.legs[0]?.sip).toBeUndefined();
      expect(outcome.legs[1]?.sip?.callId).toMatch(/@/);
      expect(outcome.bridge.endedBy).not.toBe('star');
      expect(outcome.recording).toBeUndefined();
      expect(outcome.refer).toBeUndefined();
    }
    const starry = fc.sample(dialOutcome({ ...dial, attributes: { hangupOnStar: 'true', record: 'true', referUrl: '/refer' } }), { seed: SEED, numRuns: 200 });
    expect(starry.some((outcome) => outcome.bridge.endedBy === 'star')).toBe(true);
    expect(starry.some((outcome) => outcome.recording !== undefined)).toBe(true);
    expect(starry.some((outcome) => outcome.refer !== undefined)).toBe(true);
  });

  it('talk past timeLimit sometimes', () => {
    const dial: DialVerb = { kind: 'Dial', attributes: { timeLimit: '30' }, children: [{ kind: 'Number', attributes: {}, text: '+14155550100' }] };
    const talks = fc.sample(dialOutcome(dial), { seed: SEED, numRuns: 100 }).map((outcome) => outcome.bridge.talkSeconds);
    expect(talks.some((seconds) => seconds > 30)).toBe(true);
    expect(talks.some((seconds) => seconds < 30)).toBe(true);
  });
});

describe('shrinking a document and its outcome together', () => {
  it('a failure that needs one busy leg shrinks to one leg, no attributes, no other verbs and no optional events', () => {
    const details = fc.check(
      fc.property(dialCase(), ({ outcome }) => !outcome.legs.some((leg) => leg.response.kind === 'busy')),
      { seed: SEED, numRuns: 500 },
    );
    expect(details.failed).toBe(true);
    const [{ document, outcome }] = details.counterexample as [{ document: TwimlDocument; outcome: import('../../src/model/outcome.js').DialOutcome }];
    const dial = dialOf(document);
    expect(document.verbs).toHaveLength(1);
    expect(dial.attributes).toEqual({});
    expect(dial.children).toHaveLength(1);
    expect(outcome.legs).toHaveLength(1);
    expect(outcome.legs[0]?.response).toEqual({ kind: 'busy', afterSeconds: 0 });
    expect(outcome).toEqual({ legs: [{ response: { kind: 'busy', afterSeconds: 0 } }], bridge: { talkSeconds: 0, endedBy: 'callee-hangup' } });
  });
});

describe('voiceRequest', () => {
  it('covers every form of From/To, hostile CallerName, and geographic parameters present and absent', () => {
    const requests = fc.sample(voiceRequest(), { seed: SEED, numRuns: 300 });
    const froms = requests.map((request) => request.From ?? '');
    expect(froms.some((from) => /^\+\d+$/.test(from))).toBe(true);
    expect(froms.some((from) => /^\(?\d{3}/.test(from))).toBe(true);
    expect(froms.some((from) => from.startsWith('client:'))).toBe(true);
    expect(froms.some((from) => from.startsWith('sip:'))).toBe(true);
    expect(froms).toContain('anonymous');
    expect(requests.some((request) => /[&<>"']/.test(request.CallerName ?? ''))).toBe(true);
    expect(requests.some((request) => /[\u{10000}-\u{10FFFF}]/u.test(request.CallerName ?? ''))).toBe(true);
    expect(requests.some((request) => 'FromCity' in request)).toBe(true);
    expect(requests.some((request) => !('FromCity' in request))).toBe(true);
    expect(new Set(requests.map((request) => request.Direction))).toEqual(new Set(['inbound', 'outbound-api', 'outbound-dial']));
    for (const request of requests) expect(Object.keys(request).slice(0, 7)).toEqual(['CallSid', 'AccountSid', 'From', 'To', 'CallStatus', 'ApiVersion', 'Direction']);
  });

  it('a SIP Domain call carries the Sip* parameters, From and To on its domain (page §sip-request-params)', () => {
    const requests = fc.sample(voiceRequest({ callers: ['sip'] }), { seed: SEED, numRuns: 100 });
    for (const request of requests) {
      const domain = request.SipDomain ?? '';
      expect(domain).toMatch(/^[a-z0-9-]+\.sip\.twilio\.com$/);
      expect(request.From).toMatch(new RegExp(`^sip:[^@]+@${domain.replace(/\./g, '\\.')}$`));
      expect(request.To).toMatch(new RegExp(`^sip:[^@]+@${domain.replace(/\./g, '\\.')}$`));
      expect([request.Caller, request.Called]).toEqual([request.From, request.To]);
      expect(request.SipDomainSid).toMatch(/^SD[0-9a-f]{32}$/);
      expect(request.SipCallId).toMatch(new RegExp(`@${(request.SipSourceIp ?? '').replace(/\./g, '\\.')}$`));
      expect(request.Direction).toBe('inbound');
    }
    expect(requests.some((request) => 'SipUsername' in request)).toBe(true);
    expect(requests.some((request) => Object.keys(request).some((name) => name.startsWith('SipHeader_X-')))).toBe(true);
  });

  it('a Voice SDK call comes from client:…, names its TwiML App, and its To is a number, a client or empty', () => {
    const requests = fc.sample(voiceRequest({ callers: ['client'] }), { seed: SEED, numRuns: 100 });
    for (const request of requests) {
      expect(request.From).toMatch(/^client:[A-Za-z0-9_]{1,121}$/);
      expect(request.Caller).toBe(request.From);
      expect(request.ApplicationSid).toMatch(/^AP[0-9a-f]{32}$/);
      expect(request.Direction).toBe('inbound');
    }
    const tos = requests.map((request) => request.To ?? '');
    expect(tos).toContain('');
    expect(tos.some((to) => to.startsWith('+'))).toBe(true);
    expect(tos.some((to) => to.startsWith('client:'))).toBe(true);
  });

  it('only phone callers when asked, or when no inbound call is allowed; a SIP or client draw shrinks to a phone call', () => {
    const phoneOnly = (request: Readonly<Record<string, string>>): boolean => !/^(sip|client):/.test(request.From ?? '') && request.ApplicationSid === undefined && request.SipDomain === undefined;
    expect(fc.sample(voiceRequest({ callers: ['pstn'] }), { seed: SEED, numRuns: 100 }).every(phoneOnly)).toBe(true);
    expect(fc.sample(voiceRequest({ directions: ['outbound-dial'] }), { seed: SEED, numRuns: 100 }).every(phoneOnly)).toBe(true);
    const details = fc.check(fc.property(voiceRequest(), (request) => !(request.From ?? '').startsWith('sip:') || request.CallSid === ''), { seed: SEED });
    expect(details.failed).toBe(true);
    // Fails only for SIP calls, so it cannot shrink to a phone call; a property failing for every call does.
    const any = fc.check(fc.property(voiceRequest(), (request) => request.CallSid === ''), { seed: SEED });
    expect(phoneOnly((any.counterexample as [Readonly<Record<string, string>>])[0])).toBe(true);
  });
});

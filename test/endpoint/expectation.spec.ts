import { describe, expect, it } from 'vitest';
import { firstCycle, firstChangingVerb, stateKey, type FlowStep } from '../../src/check/endpoint/callFlow.js';
import { checkedExpectations, expectationFor, parseExpectation, parseExpectationFile } from '../../src/check/endpoint/expectation.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { parseTwiml } from '../../src/xml/parse.js';

describe('--expect STATUSES=NEXT', () => {
  it('reads statuses and alternatives', () => {
    expect(parseExpectation('busy,no-answer=record|dial')).toEqual({ statuses: ['busy', 'no-answer'], next: ['record', 'dial'] });
    expect(parseExpectation(' completed = hangup ')).toEqual({ statuses: ['completed'], next: ['hangup'] });
  });

  it.each([
    ['completed', /must be STATUSES=NEXT/],
    ['complete=hangup', /"complete" is not a DialCallStatus/],
    ['completed=voicemail', /"voicemail" is not a next step/],
    ['=hangup', /"" is not a DialCallStatus/],
    ['completed=', /"" is not a next step/],
  ])('refuses %s with one sentence', (text, message) => {
    expect(() => parseExpectation(text)).toThrow(message);
  });

  it('a status named twice is refused; a status finds its expectation', () => {
    expect(() => checkedExpectations([parseExpectation('busy=record'), parseExpectation('failed,busy=hangup')])).toThrow(/busy is named by two expectations/);
    const list = checkedExpectations([parseExpectation('completed=hangup'), parseExpectation('busy,failed=record')]);
    expect(expectationFor(list, 'failed')?.next).toEqual(['record']);
    expect(expectationFor(list, 'no-answer')).toBeUndefined();
  });

  it('reads the file form (schemas/expectations.schema.json) and names what is wrong', () => {
    expect(parseExpectationFile('{"expect":[{"statuses":["completed"],"next":["hangup"]}]}', 'f.json')).toEqual([{ statuses: ['completed'], next: ['hangup'] }]);
    expect(() => parseExpectationFile('[]', 'f.json')).toThrow(/f\.json must be an object with an "expect" list/);
    expect(() => parseExpectationFile('{"expect":[{"statuses":[],"next":["hangup"]}]}', 'f.json')).toThrow(/f\.json, expect\[0\]: "statuses" must be a non-empty list/);
    expect(() => parseExpectationFile('{"expect":[{"statuses":["busy"],"next":["voicemail"]}]}', 'f.json')).toThrow(/expect\[0\]: "voicemail" is not a next step/);
  });
});

describe('the call flow: what changes the call, and states it returns to', () => {
  const document = (xml: string): TwimlDocument => {
    const parsed = parseTwiml(xml);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.document;
  };

  it('the first verb that changes the call skips Say, Play and Pause; a Redirect first leaves it open; an empty end is hangup (seed §action)', () => {
    expect(firstChangingVerb(document('<Response><Say>x</Say><Pause/><Record/></Response>'))).toBe('record');
    expect(firstChangingVerb(document('<Response><Play>a.mp3</Play></Response>'))).toBe('hangup');
    expect(firstChangingVerb(document('<Response><Say>x</Say><Redirect>/v</Redirect><Hangup/></Response>'))).toBeUndefined();
    expect(firstChangingVerb(document('<Response><Dial>+14155550100</Dial></Response>'))).toBe('dial');
  });

  it('finds the first state the call comes back to, with its cycle', () => {
    const step = (n: number, url: string, text: string): FlowStep => ({ step: n, role: 'redirect', method: 'POST', url, key: stateKey('POST', url, text), at: n, gathered: false });
    const flow = [step(1, '/a', 'A'), step(2, '/b', 'B'), step(3, '/a', 'A2'), step(4, '/b', 'B'), step(5, '/a', 'A')];
    const cycle = firstCycle(flow);
    expect(cycle?.returnsAt.step).toBe(4);
    expect(cycle?.steps.map((entry) => entry.step)).toEqual([2, 3]);
    expect(firstCycle(flow.slice(0, 3))).toBeUndefined();
  });
});

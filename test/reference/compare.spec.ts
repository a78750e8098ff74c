import { describe, expect, it } from 'vitest';
import { compare, type Difference } from '../../reference/compare.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { parseTwiml } from '../../src/xml/parse.js';

function doc(xml: string): TwimlDocument {
  const outcome = parseTwiml(xml);
  if (!outcome.ok) throw new Error(`not parsed: ${outcome.error.message}`);
  return outcome.document;
}

const N = '+14155550100';

/** Pairs the sources make equivalent: Twilio behaves the same for both. */
const EQUIVALENT: readonly (readonly [string, string, string])[] = [
  ['attribute order', `<Response><Dial timeout="10" record="true">${N}</Dial></Response>`, `<Response><Dial record="true" timeout="10">${N}</Dial></Response>`],
  ['whitespace between elements', `<Response><Dial><Number>${N}</Number></Dial><Say>Bye</Say></Response>`, `<Response>\n  <Dial>\n    <Number>${N}</Number>\n  </Dial>\n  <Say>Bye</Say>\n</Response>`],
  ['whitespace around a bare number', `<Response><Dial>${N}</Dial></Response>`, `<Response><Dial>\n  ${N}\t\n</Dial></Response>`],
  ['whitespace around a number in <Number>', `<Response><Dial><Number>${N}</Number></Dial></Response>`, `<Response><Dial><Number> ${N}\n</Number></Dial></Response>`],
  ['method="POST" written or left out', `<Response><Dial action="/a">${N}</Dial></Response>`, `<Response><Dial action="/a" method="POST">${N}</Dial></Response>`],
  ['timeout="30" written or left out', `<Response><Dial>${N}</Dial></Response>`, `<Response><Dial timeout="30">${N}</Dial></Response>`],
  ['record="false" or left out', `<Response><Dial>${N}</Dial></Response>`, `<Response><Dial record="false">${N}</Dial></Response>`],
  ['record="true" for record-from-answer', `<Response><Dial record="record-from-answer">${N}</Dial></Response>`, `<Response><Dial record="true">${N}</Dial></Response>`],
  [
    'event list order',
    `<Response><Dial recordingStatusCallbackEvent="in-progress completed">${N}</Dial></Response>`,
    `<Response><Dial recordingStatusCallbackEvent="completed in-progress">${N}</Dial></Response>`,
  ],
  ['<Client>joey</Client> for <Identity>joey</Identity>', '<Response><Dial><Client>joey</Client></Dial></Response>', '<Response><Dial><Client><Identity>joey</Identity></Client></Dial></Response>'],
  ['a bare number for the same <Number> (seed §Nouns)', '<Response><Dial>415-123-4567</Dial></Response>', '<Response><Dial><Number>415-123-4567</Number></Dial></Response>'],
  [
    'pretty-printed for compact',
    `<?xml version="1.0" encoding="UTF-8"?><Response><Dial callerId="+15551112222" hangupOnStar="true"><Number sendDigits="1w2">${N}</Number><Number>+14155550101</Number></Dial><Say>Bye</Say></Response>`,
    `<Response>\n  <Dial hangupOnStar="true"\n        callerId="+15551112222">\n    <Number sendDigits="1w2">${N}</Number>\n    <Number>+14155550101</Number>\n  </Dial>\n  <Say>Bye</Say>\n</Response>\n`,
  ],
  ['timeout written with a leading zero', `<Response><Dial timeout="010">${N}</Dial></Response>`, `<Response><Dial timeout="10">${N}</Dial></Response>`],
  ['Number statusCallbackEvent="completed" (its default, [NUMBER])', `<Response><Dial><Number>${N}</Number></Dial></Response>`, `<Response><Dial><Number statusCallbackEvent="completed">${N}</Number></Dial></Response>`],
];

describe('compare: pairs the sources make equivalent', () => {
  it.each(EQUIVALENT)('%s', (_name, left, right) => {
    expect(compare(doc(left), doc(right))).toEqual({ equivalent: true, differences: [] });
    expect(compare(doc(right), doc(left))).toEqual({ equivalent: true, differences: [] });
  });
});

/** Strict mode keeps textual differences: every pair above differs but those that only change layout. */
describe('compare, strict: the textual differences are reported', () => {
  const LAYOUT_ONLY = ['attribute order', 'whitespace between elements', 'pretty-printed for compact'];
  const textual = EQUIVALENT.filter(([name]) => !LAYOUT_ONLY.includes(name));
  it.each(textual)('%s', (_name, left, right) => {
    const result = compare(doc(left), doc(right), { strict: true });
    expect(result.equivalent).toBe(false);
    expect(result.differences.length).toBeGreaterThan(0);
  });

  it('stays silent for attribute order, whitespace between elements and pretty printing', () => {
    const layout = EQUIVALENT.filter(([name]) => LAYOUT_ONLY.includes(name));
    expect(layout).toHaveLength(3);
    for (const [, left, right] of layout) expect(compare(doc(left), doc(right), { strict: true }).equivalent).toBe(true);
  });

  it('names the attribute written with its default', () => {
    expect(compare(doc(`<Response><Dial>${N}</Dial></Response>`), doc(`<Response><Dial method="POST">${N}</Dial></Response>`), { strict: true }).differences).toEqual([
      expect.objectContaining({ path: '/Response/Dial[1]/@method', expected: undefined, actual: 'POST', rule: 'dial.method' }),
    ]);
  });
});

/** Each kind of real difference, with the path in the expected document's terms. */
const DIFFERENT: readonly (readonly [string, string, string, Partial<Difference>])[] = [
  [
    'a changed attribute',
    `<Response><Dial timeout="10">${N}</Dial></Response>`,
    `<Response><Dial timeout="20">${N}</Dial></Response>`,
    { path: '/Response/Dial[1]/@timeout', expected: '10', actual: '20', rule: 'dial.timeout' },
  ],
  [
    'a missing attribute whose value is not the default',
    `<Response><Dial timeout="10">${N}</Dial></Response>`,
    `<Response><Dial>${N}</Dial></Response>`,
    { path: '/Response/Dial[1]/@timeout', expected: '10', actual: undefined, rule: 'dial.timeout' },
  ],
  [
    'an extra unknown attribute',
    `<Response><Dial><Number>${N}</Number></Dial></Response>`,
    `<Response><Dial><Number statusCallbackEvents="initiated">${N}</Number></Dial></Response>`,
    { path: '/Response/Dial[1]/Number[1]/@statusCallbackEvents', expected: undefined, actual: 'initiated' },
  ],
  [
    'a changed number in <Number>',
    `<Response><Dial><Number>${N}</Number><Number>+14155550101</Number></Dial></Response>`,
    `<Response><Dial><Number>${N}</Number><Number>+14155550102</Number></Dial></Response>`,
    { path: '/Response/Dial[1]/Number[2]/text()', expected: '+14155550101', actual: '+14155550102', rule: 'number.content' },
  ],
  [
    'a changed bare number',
    '<Response><Dial>415-123-4567</Dial></Response>',
    '<Response><Dial>415-123-4568</Dial></Response>',
    { path: '/Response/Dial[1]/text()', expected: '415-123-4567', actual: '415-123-4568', rule: 'dial.text' },
  ],
  [
    'a missing noun',
    `<Response><Dial><Number>${N}</Number><Client>joey</Client></Dial></Response>`,
    `<Response><Dial><Number>${N}</Number></Dial></Response>`,
    { path: '/Response/Dial[1]/Client[1]', expected: '<Client>', actual: undefined, rule: 'dial.children' },
  ],
  [
    'an extra verb',
    `<Response><Dial>${N}</Dial></Response>`,
    `<Response><Dial>${N}</Dial><Hangup/></Response>`,
    { path: '/Response/Hangup[1]', expected: undefined, actual: '<Hangup>', rule: 'response.verbs' },
  ],
  ['a wrong root', `<Response><Dial>${N}</Dial></Response>`, `<Foo><Dial>${N}</Dial></Foo>`, { path: '/Response', expected: 'Response', actual: 'Foo', rule: 'response.root' }],
  [
    'a different Client identity',
    '<Response><Dial><Client>joey</Client></Dial></Response>',
    '<Response><Dial><Client><Identity>jo</Identity></Client></Dial></Response>',
    { path: '/Response/Dial[1]/Client[1]/Identity[1]', expected: 'joey', actual: 'jo' },
  ],
  [
    'a bare number against a <Number> with a non-default attribute',
    '<Response><Dial>415-123-4567</Dial></Response>',
    '<Response><Dial><Number sendDigits="1">415-123-4567</Number></Dial></Response>',
    { path: '/Response/Dial[1]/text()', expected: '"415-123-4567"', actual: '<Number>', rule: 'dial.children' },
  ],
  [
    'a changed event list',
    `<Response><Dial recordingStatusCallbackEvent="completed">${N}</Dial></Response>`,
    `<Response><Dial recordingStatusCallbackEvent="completed absent">${N}</Dial></Response>`,
    { path: '/Response/Dial[1]/@recordingStatusCallbackEvent', rule: 'dial.recordingStatusCallbackEvent' },
  ],
];

describe('compare: each kind of real difference', () => {
  it.each(DIFFERENT)('%s is reported once, at its path', (_name, left, right, difference) => {
    const result = compare(doc(left), doc(right));
    expect(result.equivalent).toBe(false);
    expect(result.differences).toEqual([expect.objectContaining(difference)]);
    expect(result.differences[0]?.source.length).toBeGreaterThan(0);
  });

  it('reports a different verb order at both positions', () => {
    const result = compare(doc(`<Response><Dial>${N}</Dial><Say>Bye</Say></Response>`), doc(`<Response><Say>Bye</Say><Dial>${N}</Dial></Response>`));
    expect(result.differences.map(({ path, expected, actual }) => ({ path, expected, actual }))).toEqual([
      { path: '/Response/Dial[1]', expected: '<Dial>', actual: '<Say>' },
      { path: '/Response/Say[1]', expected: '<Say>', actual: '<Dial>' },
    ]);
  });

  it('reports the text of another verb when it changes', () => {
    expect(compare(doc('<Response><Say>Bye</Say></Response>'), doc('<Response><Say>Hi</Say></Response>')).differences).toEqual([
      expect.objectContaining({ path: '/Response/Say[1]/text()', expected: 'Bye', actual: 'Hi' }),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { RULES } from '../../reference/rules.js';
import { ALL_ATTRIBUTES, type AttributeSpec, type ElementName } from '../../reference/spec/attributes.js';
import { validateXml, type ValidateOptions } from '../../reference/validate.js';

/**
 * One case per rule id: `bad` breaks exactly that rule (one diagnostic, that id, that path) and `good`
 * is the same document one step inside the bound, drawing nothing.
 */
interface RuleCase {
  readonly rule: string;
  readonly bad: string;
  readonly path: string;
  readonly good: string;
  readonly options?: ValidateOptions;
}

const NUMBER = '+14155550100';
const SIM_SID = `DE${'a'.repeat(32)}`;
const doc = (body: string): string => `<Response>${body}</Response>`;
/** A `<Dial>`; dialing `<WhatsApp>` it carries the sender callerId that noun needs (facts §2.8), unless one is given. */
const dial = (inner: string, attributes = ''): string =>
  doc(`<Dial${/<WhatsApp[^>]*>[^<]*<\/WhatsApp>/.test(inner) && !attributes.includes('callerId=') ? ` callerId="whatsapp:+15551112222"${attributes}` : attributes}>${inner}</Dial>`);
const numbers = (count: number): string => Array.from({ length: count }, (_, i) => `<Number>+1415555${String(i).padStart(4, '0')}</Number>`).join('');
/** A document of exactly `bytes` UTF-8 bytes, padded with a comment. */
function sized(bytes: number): string {
  const head = `${doc(`<Dial>${NUMBER}</Dial>`)}<!--`;
  return `${head}${'x'.repeat(bytes - head.length - 3)}-->`;
}

/** A valid noun of each kind, with `attributes` written on it and `inner` as its content when given. */
function noun(element: ElementName, attributes = '', inner?: string): string {
  const content: Record<Exclude<ElementName, 'Dial'>, string> = {
    Number: NUMBER,
    Client: 'alice',
    Sip: 'sip:alice@example.com',
    Conference: 'Room 1234',
    Queue: 'support',
    Application: '<ApplicationSid>AP0123456789abcdef0123456789abcdef</ApplicationSid>',
    WhatsApp: NUMBER,
    Sim: SIM_SID,
  };
  if (element === 'Dial') throw new Error('not a noun');
  return `<${element}${attributes}>${inner ?? content[element]}</${element}>`;
}

const STRUCTURAL_CASES: readonly RuleCase[] = [
  { rule: 'xml.malformed', bad: doc(`<Dial>${NUMBER}</Response>`), path: '/', good: dial(NUMBER) },
  { rule: 'xml.dtd', bad: `<!DOCTYPE Response>${dial(NUMBER)}`, path: '/', good: dial(NUMBER) },
  { rule: 'xml.size', bad: sized(65537), path: '/', good: sized(65536) },
  { rule: 'response.root', bad: `<Foo><Dial>${NUMBER}</Dial></Foo>`, path: '/Foo', good: dial(NUMBER) },
  { rule: 'response.unknown-verb', bad: doc(`<dial>${NUMBER}</dial>`), path: '/Response/dial[1]', good: dial(NUMBER) },
  {
    rule: 'response.version',
    bad: `<Response version="2010-04-02"><Dial>${NUMBER}</Dial></Response>`,
    path: '/Response/@version',
    good: `<Response version="2010-04-01"><Dial>${NUMBER}</Dial></Response>`,
  },
  { rule: 'response.unknown-attribute', bad: `<Response Version="2010-04-01"><Dial>${NUMBER}</Dial></Response>`, path: '/Response/@Version', good: dial(NUMBER) },
  { rule: 'gather.child.invalid', bad: doc(`<Gather><Dial>${NUMBER}</Dial></Gather>`), path: '/Response/Gather[1]/Dial[1]', good: doc(`<Gather><Pause/></Gather><Dial>${NUMBER}</Dial>`) },
  { rule: 'dial.nested', bad: doc(`<Say>hi<Dial>${NUMBER}</Dial></Say>`), path: '/Response/Say[1]/Dial[1]', good: doc(`<Say>hi</Say><Dial>${NUMBER}</Dial>`) },
  { rule: 'dial.unknown-attribute', bad: dial(NUMBER, ' timeOut="10"'), path: '/Response/Dial[1]/@timeOut', good: dial(NUMBER, ' timeout="10"') },
  { rule: 'dial.whatsapp.no-caller-id', bad: doc(`<Dial>${noun('WhatsApp')}</Dial>`), path: '/Response/Dial[1]', good: dial(noun('WhatsApp')) },
  { rule: 'dial.empty', bad: dial(' \n '), path: '/Response/Dial[1]', good: dial(NUMBER) },
  { rule: 'dial.text.format', bad: dial('+1234567890123456'), path: '/Response/Dial[1]/text()', good: dial('+123456789012345') },
  { rule: 'dial.child.invalid', bad: dial('<Say>hello</Say>'), path: '/Response/Dial[1]/Say[1]', good: dial(noun('Number')) },
  { rule: 'dial.legs.count', bad: dial(numbers(11)), path: '/Response/Dial[1]', good: dial(numbers(10)) },
  { rule: 'dial.application.alone', bad: dial(noun('Application') + noun('Number')), path: '/Response/Dial[1]', good: dial(noun('Application')) },
  { rule: 'dial.mix.text-and-nouns', bad: dial(NUMBER + noun('Number')), path: '/Response/Dial[1]', good: dial(noun('Number') + noun('Number')) },
  { rule: 'dial.conference-queue.alone', bad: dial(noun('Conference') + noun('Number')), path: '/Response/Dial[1]', good: dial(noun('Conference')) },
  { rule: 'dial.sip.count', bad: dial(noun('Sip') + noun('Sip')), path: '/Response/Dial[1]', good: dial(noun('Sip') + noun('Number')) },

  { rule: 'number.content', bad: dial(noun('Number', '', '+1234567890123456')), path: '/Response/Dial[1]/Number[1]', good: dial(noun('Number', '', '+123456789012345')) },
  { rule: 'client.content', bad: dial(noun('Client', '', 'a'.repeat(257))), path: '/Response/Dial[1]/Client[1]', good: dial(noun('Client', '', 'a'.repeat(256))) },
  {
    rule: 'client.parameter.invalid',
    bad: dial('<Client><Identity>alice</Identity><Parameter value="Al"/></Client>'),
    path: '/Response/Dial[1]/Client[1]/Parameter[1]',
    good: dial('<Client><Identity>alice</Identity><Parameter name="FirstName" value="Al"/></Client>'),
  },
  { rule: 'sip.content', bad: dial(noun('Sip', '', 'alice@example.com')), path: '/Response/Dial[1]/Sip[1]', good: dial(noun('Sip', '', 'sip:alice@example.com')) },
  { rule: 'conference.content', bad: dial(noun('Conference', '', ' ')), path: '/Response/Dial[1]/Conference[1]', good: dial(noun('Conference', '', 'R')) },
  { rule: 'queue.content.short', bad: dial(noun('Queue', '', '')), path: '/Response/Dial[1]/Queue[1]', good: dial(noun('Queue', '', 'q')) },
  { rule: 'queue.content.long', bad: dial(noun('Queue', '', 'q'.repeat(64))), path: '/Response/Dial[1]/Queue[1]', good: dial(noun('Queue', '', 'q'.repeat(63))) },
  { rule: 'application.content.missing', bad: dial('<Application></Application>'), path: '/Response/Dial[1]/Application[1]', good: dial(noun('Application')) },
  {
    rule: 'application.parameter.invalid',
    bad: dial('<Application><ApplicationSid>AP1</ApplicationSid><Parameter name="k" value="v" extra="1"/></Application>'),
    path: '/Response/Dial[1]/Application[1]/Parameter[1]',
    good: dial('<Application><ApplicationSid>AP1</ApplicationSid><Parameter name="k" value="v"/></Application>'),
  },
  { rule: 'whatsapp.content', bad: dial(noun('WhatsApp', '', 'whatsapp')), path: '/Response/Dial[1]/WhatsApp[1]', good: dial(noun('WhatsApp')) },
  { rule: 'sim.content', bad: dial(noun('Sim', '', `DE${'a'.repeat(31)}`)), path: '/Response/Dial[1]/Sim[1]', good: dial(noun('Sim')) },
  { rule: 'sip.header.name', bad: dial(noun('Sip', '', 'sip:alice@example.com?Foo=1')), path: '/Response/Dial[1]/Sip[1]', good: dial(noun('Sip', '', 'sip:alice@example.com?X-Foo=1')) },
  {
    rule: 'sip.headers.length',
    bad: dial(noun('Sip', '', `sip:alice@example.com?X-L=${'a'.repeat(1020)}`)),
    path: '/Response/Dial[1]/Sip[1]',
    good: dial(noun('Sip', '', `sip:alice@example.com?X-L=${'a'.repeat(1019)}`)),
  },
];

const NOUN_NAMES = ['Number', 'Client', 'Sip', 'Conference', 'Queue', 'Application', 'WhatsApp', 'Sim'] as const;

/** Unknown attributes and stray child elements, for every noun. */
const PER_NOUN_CASES: readonly RuleCase[] = NOUN_NAMES.flatMap((name) => {
  const prefix = name.toLowerCase();
  const path = `/Response/Dial[1]/${name}[1]`;
  const strayInner = name === 'Client' || name === 'Application' ? '<Foo/>' : `<b>x</b>${NUMBER}`;
  return [
    { rule: `${prefix}.unknown-attribute`, bad: dial(noun(name, ' bogus="1"')), path: `${path}/@bogus`, good: dial(noun(name)) },
    { rule: `${prefix}.child.invalid`, bad: dial(noun(name, '', strayInner)), path, good: dial(noun(name)) },
  ];
});

/**
 * Bounds of every integer attribute, written out from the sources rather than read from the table, so a
 * wrong bound in the table fails here. seed §timeout (5–600), seed §timeLimit (positive, 14400),
 * facts §2.2 (machine detection), facts §2.5 (maxParticipants ≤ 250).
 */
const INTEGER_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  timeout: [5, 600],
  timeLimit: [1, 14400],
  machineDetectionTimeout: [3, 60],
  machineDetectionSpeechThreshold: [1000, 6000],
  machineDetectionSpeechEndThreshold: [500, 5000],
  machineDetectionSilenceTimeout: [2000, 10000],
  maxParticipants: [1, 250],
};

/** Maximum lengths, from the sources: seed callReason (50), facts §2.5 participantLabel (128), facts §2.7 customerId (256). */
const MAX_LENGTHS: Readonly<Record<string, number>> = { callReason: 50, participantLabel: 128, customerId: 256 };

/** A value breaking `problem` and its nearest valid neighbour, for one attribute. */
function attributeValues(spec: AttributeSpec, problem: string): [bad: string, good: string] {
  const kind = spec.value;
  switch (problem) {
    case 'enum':
      return kind.kind === 'enum' ? [`${kind.values[0]}x`, kind.values[0] as string] : ['', ''];
    case 'boolean':
      return ['True', 'true'];
    case 'integer': {
      const [min] = INTEGER_BOUNDS[spec.name] ?? [Number.NaN];
      return [`${min}.0`, String(min)];
    }
    case 'url':
      return ['ftp://example.com/x', 'https://example.com/x'];
    case 'event':
      return kind.kind === 'eventList' ? [`${kind.values[0]},${kind.values[1] ?? kind.values[0]}`, `${kind.values[0]} ${kind.values[1] ?? kind.values[0]}`] : ['', ''];
    case 'chars':
      return ['12x', '12w#'];
    case 'range':
      return ['', ''];
    case 'length': {
      const max = MAX_LENGTHS[spec.name] ?? Number.NaN;
      return ['é'.repeat(max + 1), 'é'.repeat(max)];
    }
    case 'format':
      return ['client:joey', '+15551112222'];
    default:
      throw new Error(`no values for problem ${problem}`);
  }
}

function place(spec: AttributeSpec, attribute: string): { xml: string; path: string } {
  if (spec.element === 'Dial') return { xml: dial(NUMBER, attribute), path: '/Response/Dial[1]' };
  return { xml: dial(noun(spec.element, attribute)), path: `/Response/Dial[1]/${spec.element}[1]` };
}

const ATTRIBUTE_CASES: readonly RuleCase[] = ALL_ATTRIBUTES.flatMap((spec) => {
  const cases: RuleCase[] = [];
  const prefix = `${spec.element.toLowerCase()}.${spec.name}`;
  const problems = RULES.filter((rule) => rule.id.startsWith(`${prefix}.`) && rule.id.split('.').length === 3).map((rule) => rule.id.split('.')[2] as string);
  for (const problem of problems) {
    const [badValue, goodValue] = attributeValues(spec, problem);
    const bad = place(spec, ` ${spec.name}="${badValue}"`);
    cases.push({ rule: `${prefix}.${problem}`, bad: bad.xml, path: `${bad.path}/@${spec.name}`, good: place(spec, ` ${spec.name}="${goodValue}"`).xml });
    if (problem === 'range') {
      const [min, max] = INTEGER_BOUNDS[spec.name] ?? [Number.NaN, Number.NaN];
      cases.pop();
      for (const [outside, inside] of [[min - 1, min], [max + 1, max]] as const) {
        cases.push({ rule: `${prefix}.range`, bad: place(spec, ` ${spec.name}="${outside}"`).xml, path: `${bad.path}/@${spec.name}`, good: place(spec, ` ${spec.name}="${inside}"`).xml });
      }
    }
  }
  return cases;
});

const CASES: readonly RuleCase[] = [...STRUCTURAL_CASES, ...PER_NOUN_CASES, ...ATTRIBUTE_CASES];

describe('one case per validator rule', () => {
  it('covers every rule id in RULES, and names no rule that does not exist', () => {
    const covered = new Set(CASES.map((testCase) => testCase.rule));
    expect(RULES.filter((rule) => !covered.has(rule.id)).map((rule) => rule.id)).toEqual([]);
    const known = new Set(RULES.map((rule) => rule.id));
    expect([...covered].filter((id) => !known.has(id))).toEqual([]);
  });

  it.each(CASES.map((testCase) => [testCase.rule, testCase] as const))('%s: the breaking document draws exactly that diagnostic', (_rule, testCase) => {
    const { diagnostics } = validateXml(testCase.bad, testCase.options);
    expect(diagnostics.map(({ ruleId, path }) => ({ ruleId, path }))).toEqual([{ ruleId: testCase.rule, path: testCase.path }]);
    const rule = RULES.find((candidate) => candidate.id === testCase.rule);
    expect(diagnostics[0]).toMatchObject({ code: rule?.code, severity: rule?.severity });
    expect(diagnostics[0]?.message.length).toBeGreaterThan(10);
  });

  it.each(CASES.map((testCase) => [testCase.rule, testCase] as const))('%s: the document one step inside draws nothing', (_rule, testCase) => {
    expect(validateXml(testCase.good, testCase.options).diagnostics).toEqual([]);
  });
});

describe('rules gated on combinations "conservative"', () => {
  const gated = STRUCTURAL_CASES.filter((testCase) => RULES.find((rule) => rule.id === testCase.rule)?.gate === 'conservative-combinations');

  it('are the three undocumented combinations', () => {
    expect(gated.map((testCase) => testCase.rule).sort()).toEqual(RULES.filter((rule) => rule.gate !== 'always').map((rule) => rule.id).sort());
    expect(gated).toHaveLength(3);
  });

  it.each(gated.map((testCase) => [testCase.rule, testCase] as const))('%s is silent with combinations "documented"', (_rule, testCase) => {
    expect(validateXml(testCase.bad, { combinations: 'documented' }).diagnostics).toEqual([]);
    expect(validateXml(testCase.bad, { combinations: 'conservative' }).diagnostics).toHaveLength(1);
  });
});

describe('allow24HourCalls (seed §timeLimit: 24 hours with "24-Hour Maximum Call Duration")', () => {
  const withLimit = (seconds: number): string => dial(NUMBER, ` timeLimit="${seconds}"`);

  it('accepts timeLimit 86400 only with the option', () => {
    expect(validateXml(withLimit(86400)).diagnostics.map((d) => d.ruleId)).toEqual(['dial.timeLimit.range']);
    expect(validateXml(withLimit(86400), { allow24HourCalls: true }).diagnostics).toEqual([]);
    expect(validateXml(withLimit(14401), { allow24HourCalls: true }).diagnostics).toEqual([]);
  });

  it('still refuses 86401 with the option, and names the bound in the message', () => {
    const [diagnostic] = validateXml(withLimit(86401), { allow24HourCalls: true }).diagnostics;
    expect(diagnostic?.ruleId).toBe('dial.timeLimit.range');
    expect(diagnostic?.message).toContain('86400');
    expect(validateXml(withLimit(14401)).diagnostics[0]?.message).toContain('14400');
  });
});

describe('queueNameLimit (facts §8.9: 14213 says "shorter than 64", the Enqueue page "64 or less")', () => {
  const queue = (length: number): string => dial(noun('Queue', '', 'q'.repeat(length)));

  it('refuses 64 characters by default and accepts them with "64-or-less", which still refuses 65', () => {
    expect(validateXml(queue(64)).diagnostics.map((d) => d.ruleId)).toEqual(['queue.content.long']);
    expect(validateXml(queue(64)).diagnostics[0]?.message).toContain('1 to 63 characters');
    expect(validateXml(queue(64), { queueNameLimit: '64-or-less' }).diagnostics).toEqual([]);
    const [diagnostic] = validateXml(queue(65), { queueNameLimit: '64-or-less' }).diagnostics;
    expect(diagnostic?.ruleId).toBe('queue.content.long');
    expect(diagnostic?.message).toContain('1 to 64 characters');
  });
});

describe('value forms the sources spell out', () => {
  const ids = (xml: string): string[] => validateXml(xml).diagnostics.map((diagnostic) => diagnostic.ruleId);

  it('refuses integers not written as integers (10.0, abc, -1, empty) and accepts digits', () => {
    for (const value of ['10.0', 'abc', '-1', '', ' 10', '1e1']) expect(ids(dial(NUMBER, ` timeout="${value}"`))).toEqual(['dial.timeout.integer']);
    expect(ids(dial(NUMBER, ' timeout="10"'))).toEqual([]);
  });

  it('accepts exactly true and false for booleans', () => {
    for (const value of ['TRUE', 'yes', '1', '']) expect(ids(dial(NUMBER, ` hangupOnStar="${value}"`))).toEqual(['dial.hangupOnStar.boolean']);
  });

  it('accepts record="true" and record="false" as the documented aliases', () => {
    expect(ids(dial(NUMBER, ' record="true"'))).toEqual([]);
    expect(ids(dial(NUMBER, ' record="false"'))).toEqual([]);
    expect(ids(dial(NUMBER, ' record="record-from-start"'))).toEqual(['dial.record.enum']);
  });

  it('accepts all 40 ringTone values of the seed and refuses ISO codes the seed does not list', () => {
    const tones = 'at au bg br be ch cl cn cz de dk ee es fi fr gr hu il in it lt jp mx my nl no nz ph pl pt ru se sg th uk us us-old tw ve za'.split(' ');
    expect(tones).toHaveLength(40);
    for (const tone of tones) expect(ids(dial(NUMBER, ` ringTone="${tone}"`))).toEqual([]);
    for (const tone of ['gb', 'US', 'ca']) expect(ids(dial(NUMBER, ` ringTone="${tone}"`))).toEqual(['dial.ringTone.enum']);
  });

  it('counts callReason in characters, not UTF-16 units', () => {
    expect(ids(dial(NUMBER, ` callReason="${'😀'.repeat(50)}"`))).toEqual([]);
    expect(ids(dial(NUMBER, ` callReason="${'😀'.repeat(51)}"`))).toEqual(['dial.callReason.length']);
  });

  it('takes the event list as single-space separated tokens', () => {
    expect(ids(dial(NUMBER, ' recordingStatusCallbackEvent="in-progress completed absent"'))).toEqual([]);
    expect(ids(dial(NUMBER, ' recordingStatusCallbackEvent="started"'))).toEqual(['dial.recordingStatusCallbackEvent.event']);
  });
});

describe('callerId depends on the nouns dialed (seed §callerId)', () => {
  const ids = (xml: string): string[] => validateXml(xml).diagnostics.map((diagnostic) => diagnostic.ruleId);

  it('accepts a phone number for a number, and client:identity only when dialing a <Client>', () => {
    expect(ids(dial(NUMBER, ' callerId="+15551112222"'))).toEqual([]);
    expect(ids(dial(noun('Client'), ' callerId="client:joey"'))).toEqual([]);
    expect(ids(dial(noun('Client'), ' callerId="+15551112222"'))).toEqual([]);
    expect(ids(dial(NUMBER, ' callerId="client:joey"'))).toEqual(['dial.callerId.format']);
  });

  it('accepts any alphanumeric string with + - _ . for a <Sip>, but no whitespace', () => {
    expect(ids(dial(noun('Sip'), ' callerId="Agent_A-1.x+"'))).toEqual([]);
    expect(ids(dial(noun('Sip'), ' callerId="Agent A"'))).toEqual(['dial.callerId.format']);
  });

  it('needs a form every dialed noun accepts when nouns are mixed, and says which noun wants what', () => {
    const [diagnostic] = validateXml(dial(noun('Client') + noun('Number'), ' callerId="client:joey"')).diagnostics;
    expect(diagnostic?.ruleId).toBe('dial.callerId.format');
    expect(diagnostic?.message).toMatch(/<Number>/);
    expect(ids(dial(noun('Client') + noun('Number'), ' callerId="+15551112222"'))).toEqual([]);
  });

  it('with combinations "documented", needs only a form one of the mixed nouns accepts', () => {
    const mixed = dial(noun('Client') + noun('Number'), ' callerId="client:joey"');
    expect(validateXml(mixed, { combinations: 'documented' }).diagnostics).toEqual([]);
    const [diagnostic] = validateXml(dial(noun('Client') + noun('Number'), ' callerId="bad id"'), { combinations: 'documented' }).diagnostics;
    expect(diagnostic?.ruleId).toBe('dial.callerId.format');
    expect(diagnostic?.message).toContain('a form at least one dialed noun accepts');
    expect(validateXml(dial(NUMBER, ' callerId="client:joey"'), { combinations: 'documented' }).diagnostics.map((d) => d.ruleId)).toEqual(['dial.callerId.format']);
  });
});

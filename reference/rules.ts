import type { Severity } from '../src/model/diagnostic.js';
import { ALL_ATTRIBUTES, type ElementName } from './spec/attributes.js';
import { severityOf, TWILIO_CODES, type TwilioCode } from './spec/codes.js';
import { NOUNS } from './spec/elements.js';
import type { Source } from './spec/sources.js';
import { problemsOf } from './values.js';

/** When a rule applies: always, or only under a validator option. */
export type RuleGate = 'always' | 'conservative-combinations';

export interface RuleSpec {
  readonly id: string;
  readonly code: TwilioCode;
  readonly severity: Severity;
  readonly title: string;
  readonly source: Source;
  readonly gate: RuleGate;
  /** Where the sources are silent and the rule is a reading the kit chose. */
  readonly note?: string;
}

export function rulePrefix(element: ElementName): string {
  return element.toLowerCase();
}

function make(id: string, code: TwilioCode, title: string, source: Source, extra: { gate?: RuleGate; note?: string } = {}): RuleSpec {
  return { id, code, severity: severityOf(code), title, source, gate: extra.gate ?? 'always', ...(extra.note === undefined ? {} : { note: extra.note }) };
}

const PROBLEM_TITLES: Readonly<Record<string, string>> = {
  enum: 'value is not one of the allowed values',
  boolean: 'value is not exactly true or false',
  integer: 'value is not written as a whole number',
  range: 'value is outside the allowed range',
  url: 'value is not a relative or absolute http(s) URL',
  event: 'an event is not one of the allowed events',
  format: 'value does not have an allowed form',
  chars: 'value has characters that are not allowed',
  length: 'value is longer than allowed',
};

const STRUCTURAL: readonly RuleSpec[] = [
  make('xml.malformed', 12100, 'the document is not well-formed XML', 'facts §1.2 [ERR-JSON] 12100'),
  make('xml.dtd', 12100, 'the document declares a DOCTYPE or entities, which are never expanded', 'facts §1.2 [ERR-JSON] 12100', {
    note: 'Twilio does not document DTD handling; refusing it is the only safe reading, and it is reported as the parse failure 12100.',
  }),
  make('xml.size', 11750, 'the document is larger than Twilio accepts (64 kB by default)', 'facts §1.3 11750'),
  make('response.root', 12102, 'the root element is not <Response>', 'facts §1.2 [ERR-JSON] 12102'),
  make('response.version', 12101, '<Response version> is not a Twilio API version (2008-08-01 or 2010-04-01)', 'page §err-12101; page §response-version; page §api-versions'),
  make('response.unknown-attribute', 12200, 'an attribute of <Response> other than version', 'facts §1.2 [ERR-JSON] 12200; page §response-version'),
  make('response.unknown-verb', 12200, 'an element at the top level is not a TwiML voice verb', 'facts §1.2 [ERR-JSON] 12200 (unknown elements)'),
  make('gather.child.invalid', 13320, 'an element inside <Gather> other than <Say>, <Play> or <Pause> (a <Dial>, for one)', 'page §err-13320; page §gather-nesting; page §gather-pause'),
  make('dial.nested', 12200, '<Dial> is nested inside another verb instead of standing in <Response>', 'page §response-nesting; facts §1.2 [ERR-JSON] 12200 (unexpected nested elements)', {
    note: 'Only <Gather> has its own code for a verb nested in it (13320); elsewhere the schema warning 12200 is used.',
  }),
  make('dial.unknown-attribute', 12200, 'an attribute of <Dial> is not one Twilio knows', 'facts §1.2 [ERR-JSON] 12200 (misspelled or unknown attributes)'),
  make('dial.empty', 13223, '<Dial> has nothing to dial', 'seed §Nouns', {
    note: 'No code is documented for an empty <Dial>; it is read as dialing an empty phone number (13223).',
  }),
  make('dial.text.format', 13223, 'the number written inside <Dial> is not a phone number', 'seed §Nouns; facts §1.3 13223'),
  make('dial.whatsapp.no-caller-id', 13214, '<WhatsApp> is dialed without a callerId (it needs a whatsapp:+… sender)', 'facts §2.1 [WA]; facts §2.8 [WA]; facts §1.1 callerId'),
  make('dial.child.invalid', 13215, 'an element inside <Dial> is not a <Dial> noun', 'seed §Nouns; facts §1.3 13215'),
  make('dial.legs.count', 13215, 'more than 10 nouns would ring at once (or in sequence)', 'facts §2.1 [NUMBER] [CLIENT]: up to 10', {
    note: 'The pages state the limit but no code; the nested-element warning 13215 is used.',
  }),
  make('dial.application.alone', 13215, '<Application> is dialed together with something else', 'facts §2.1 [APP]: simultaneous dialing is not supported'),
  make('dial.mix.text-and-nouns', 13215, 'a bare number is mixed with nested nouns', 'facts §8.5', {
    gate: 'conservative-combinations',
    note: 'Not addressed by the current docs; reported only with combinations "conservative" (the default).',
  }),
  make('dial.conference-queue.alone', 13215, '<Conference> or <Queue> is dialed together with something else', 'facts §8.5', {
    gate: 'conservative-combinations',
    note: 'Inferred (a conference or queue is not a leg that can race); reported only with combinations "conservative".',
  }),
  make('dial.sip.count', 13250, 'more than one <Sip> in one <Dial>', 'facts §2.1 [OLD2008]', {
    gate: 'conservative-combinations',
    note: 'Only the ~2012 docs state it; reported only with combinations "conservative".',
  }),
];

const NOUN_RULES: readonly RuleSpec[] = NOUNS.flatMap((noun) => {
  const prefix = noun.name.toLowerCase();
  const rules: RuleSpec[] = [
    make(`${prefix}.unknown-attribute`, 12200, `an attribute of <${noun.name}> is not one Twilio knows`, 'facts §1.2 [ERR-JSON] 12200'),
    make(
      `${prefix}.child.invalid`,
      12200,
      noun.childElements.length === 0
        ? `<${noun.name}> holds an element (it holds text only)`
        : `<${noun.name}> holds an element it may not hold, a child twice or with attributes, or text beside its children`,
      `${noun.source}; facts §1.2 12200`,
    ),
  ];
  if (noun.name === 'Queue') {
    rules.push(make('queue.content.short', 14212, 'the queue name is empty', noun.source));
    rules.push(
      make('queue.content.long', 14213, 'the queue name is longer than 63 characters (64 with queueNameLimit "64-or-less")', `${noun.source}; facts §8.9`, {
        note: 'Error 14213 says "shorter than 64", the Enqueue page "64 characters or less"; the option queueNameLimit picks one.',
      }),
    );
  } else if (noun.name === 'Application') {
    rules.push(make('application.content.missing', 12200, '<Application> has no <ApplicationSid>', noun.source));
  } else {
    rules.push(make(`${prefix}.content`, noun.contentCode, `the content of <${noun.name}> does not have an allowed form`, noun.source));
  }
  if (noun.name === 'Sip') {
    rules.push(make('sip.header.name', 13252, 'a header of the SIP URI is neither x- prefixed nor one of User-to-User, Remote-Party-ID, P-Preferred-Identity, P-Called-Party-ID, or is not a SIP token', 'page §err-13252; facts §2.4 [SIP]'));
    rules.push(
      make('sip.headers.length', 13253, 'the headers of the SIP URI are 1024 characters or longer', 'page §err-13253; page §err-21227; facts §2.1 [SIP]', {
        note: 'Error 21227 gives the figure (fewer than 1024 characters); 13253 is the <Dial> warning for a header too long.',
      }),
    );
  }
  if (noun.childElements.includes('Parameter')) {
    rules.push(make(`${prefix}.parameter.invalid`, 12200, `a <Parameter> of <${noun.name}> has no name, or attributes other than name and value`, noun.source));
  }
  return rules;
});

const ATTRIBUTE_RULES: readonly RuleSpec[] = ALL_ATTRIBUTES.flatMap((spec) =>
  problemsOf(spec.value).map((problem) =>
    make(`${rulePrefix(spec.element)}.${spec.name}.${problem}`, spec.code, `${spec.element} ${spec.name}: ${PROBLEM_TITLES[problem]}`, spec.source, {
      ...(spec.codeIsGeneric === true ? { note: 'No code is documented for this attribute; the schema warning 12200 is used.' } : {}),
    }),
  ),
);

/** Every rule the validator can report, with its code, severity and source. */
export const RULES: readonly RuleSpec[] = [...STRUCTURAL, ...NOUN_RULES, ...ATTRIBUTE_RULES];

const RULES_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): RuleSpec {
  const rule = RULES_BY_ID.get(id);
  if (rule === undefined) throw new Error(`unknown rule id ${id}`);
  return rule;
}

export function isRuleId(id: string): boolean {
  return RULES_BY_ID.has(id);
}

export { TWILIO_CODES };

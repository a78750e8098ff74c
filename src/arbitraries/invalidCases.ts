import fc from 'fast-check';
import { RULES, rulePrefix } from '../../reference/rules.js';
import { ALL_ATTRIBUTES, type ElementName } from '../../reference/spec/attributes.js';
import { MAX_TWIML_BYTES, NOUNS } from '../../reference/spec/elements.js';
import { problemsOf } from '../../reference/values.js';
import type { DialChild, DialNoun, DialVerb, NounName } from '../model/dial.js';
import type { AttributeMap, GenericElement, TwimlDocument } from '../model/document.js';
import { serializeTwiml } from '../xml/serialize.js';
import { badValue } from './badValue.js';
import { dialDocument, type DialDocumentConstraints } from './dialDocument.js';
import { shapesFor } from './dialVerb.js';
import type { DialShape } from './dialShape.js';
import { numberNoun } from './numberNoun.js';
import { sipNoun } from './sipNoun.js';
import type { LabelledInvalid } from './labelledInvalid.js';

type Case = fc.Arbitrary<LabelledInvalid>;

/** The shape whose Dial holds the element an attribute or content rule is about. */
const SHAPE_OF: Readonly<Record<ElementName, DialShape>> = {
  Dial: 'legs',
  Number: 'numbers',
  Client: 'clients',
  Sip: 'sip',
  Conference: 'conference',
  Queue: 'queue',
  Application: 'application',
  WhatsApp: 'whatsapp',
  Sim: 'sim',
};

function withDial(document: TwimlDocument, change: (dial: DialVerb) => DialVerb): TwimlDocument {
  return { ...document, verbs: document.verbs.map((verb) => (verb.kind === 'Dial' ? change(verb) : verb)) };
}

/** Changes the first noun of one kind. */
function withNoun(document: TwimlDocument, kind: NounName, change: (noun: DialNoun) => DialChild): TwimlDocument {
  return withDial(document, (dial) => {
    const at = dial.children.findIndex((child) => child.kind === kind);
    return { ...dial, children: dial.children.map((child, index) => (index === at ? change(child as DialNoun) : child)) };
  });
}

function withoutCallerId(dial: DialVerb): DialVerb {
  const { callerId: _dropped, ...attributes } = dial.attributes;
  return { ...dial, attributes: attributes as AttributeMap };
}

/** A dialect subset the valid parts of every case stay inside. */
export type InvalidCasesDialect = Pick<DialDocumentConstraints, 'nouns' | 'verbs' | 'attributes'>;

/** The valid document a case breaks, drawn inside `scope` (a case about a noun the dialect leaves out keeps its own shape). */
function base(scope: InvalidCasesDialect, shape: DialShape | readonly DialShape[]): fc.Arbitrary<TwimlDocument> {
  const shapes = typeof shape === 'string' ? [shape as DialShape] : (shape as readonly DialShape[]);
  // A case about a noun the dialect leaves out keeps its own shape (and is left out by the caller).
  const inside = scope.nouns === undefined ? shapes : shapesFor(scope.nouns, shapes);
  return dialDocument({ ...scope, ...(inside.length === 0 ? { nouns: undefined } : {}), shapes: inside.length === 0 ? shapes : inside, maxVerbsBefore: 1, maxVerbsAfter: 1 });
}

const label = (rules: readonly string[]) => (document: TwimlDocument): LabelledInvalid => ({ kind: 'document', document, rules });

/** Names no element of the kit knows; never `__proto__` and the like, which the XML reader refuses. */
const UNKNOWN_ATTRIBUTES = ['bogus', 'Timeout', 'data-x', 'statusCallBack', 'hangUpOnStar', 'x_y.z'] as const;
const STRAY_CHILD = fc.constantFrom<GenericElement>(
  { kind: 'element', name: 'Say', attributes: {}, children: [{ kind: 'text', text: 'hi & bye' }] },
  { kind: 'element', name: 'Bogus', attributes: { a: '1' }, children: [] },
);

/** @see seed attribute table; reference/rules.ts ATTRIBUTE_RULES */
function attributeCases(scope: InvalidCasesDialect): [string, Case][] {
  return ALL_ATTRIBUTES.flatMap((spec) =>
    problemsOf(spec.value).map((problem): [string, Case] => {
      const id = `${rulePrefix(spec.element)}.${spec.name}.${problem}`;
      const value = badValue(spec.value, problem) as fc.Arbitrary<string>;
      const set = (attributes: AttributeMap, bad: string): AttributeMap => ({ ...attributes, [spec.name]: bad });
      const doc =
        spec.element === 'Dial'
          ? fc.tuple(base(scope, ['bare', 'numbers', 'legs', 'sip', 'conference']), value).map(([document, bad]) => withDial(document, (dial) => ({ ...dial, attributes: set(dial.attributes, bad) })))
          : fc.tuple(base(scope, SHAPE_OF[spec.element]), value).map(([document, bad]) =>
              withNoun(document, spec.element as NounName, (noun) => ({ ...noun, attributes: set(noun.attributes, bad) }) as DialNoun),
            );
      return [id, doc.map(label([id]))];
    }),
  );
}

/** @see seed §Nouns; facts §2 (content of each noun) */
function contentCases(scope: InvalidCasesDialect): [string, Case][] {
  const text = (kind: NounName, values: readonly string[]): fc.Arbitrary<TwimlDocument> =>
    fc.tuple(base(scope, SHAPE_OF[kind]), fc.constantFrom(...values)).map(([document, bad]) => withNoun(document, kind, (noun) => ({ ...noun, text: bad }) as DialNoun));
  const tag = (id: string, arbitrary: fc.Arbitrary<TwimlDocument>): [string, Case] => [id, arbitrary.map(label([id]))];
  return [
    tag('number.content', text('Number', ['abc', '+1234567890123456', '555-CALL-NOW', '', '+1 415 555 12 12 99 88 77'])),
    tag(
      'client.content',
      fc.tuple(base(scope, 'clients'), fc.constantFrom('has space', 'a<b', 'x'.repeat(257), '', 'a#b', 'tab\there')).map(([document, bad]) =>
        withNoun(document, 'Client', (noun) => {
          const { identity: _identity, ...rest } = noun as Extract<DialNoun, { kind: 'Client' }>;
          return { ...rest, text: bad };
        }),
      ),
    ),
    tag('sip.content', text('Sip', ['example.com', 'sip:has space@example.com', 'sip:', 'tel:+14155551212', `sip:${'a'.repeat(260)}@example.com`])),
    tag('conference.content', text('Conference', ['', '   ', '\n\t'])),
    tag('queue.content.short', text('Queue', ['', '  '])),
    tag(
      'queue.content.long',
      fc.tuple(base(scope, 'queue'), fc.integer({ min: 64, max: 70 }), fc.constantFrom('q', 'é', '😀')).map(([document, length, char]) =>
        withNoun(document, 'Queue', (noun) => ({ ...noun, text: char.repeat(length) }) as DialNoun),
      ),
    ),
    tag(
      'application.content.missing',
      fc.tuple(base(scope, 'application'), fc.boolean()).map(([document, blank]) =>
        withNoun(document, 'Application', (noun) => {
          const { applicationSid: _sid, ...rest } = noun as Extract<DialNoun, { kind: 'Application' }>;
          return blank ? { ...rest, applicationSid: '  ' } : rest;
        }),
      ),
    ),
    tag('whatsapp.content', text('WhatsApp', ['abc', 'whatsapp:+14155551212', ''])),
    tag('sim.content', text('Sim', ['DE123', `XX${'0'.repeat(32)}`, `de${'a'.repeat(32)}`, ''])),
    tag(
      'sip.header.name',
      text('Sip', ['sip:alice@example.com?mycustomheader=foo', 'sip:alice@example.com?X-A=1&Foo=2', 'sip:bob@example.org?=x', 'sip:a@example.com?X-Na%20me=1', 'sip:a@example.com?x-=1']),
    ),
    tag(
      'sip.headers.length',
      fc.tuple(base(scope, 'sip'), fc.integer({ min: 1017, max: 1100 }), fc.constantFrom('X-Long', 'User-to-User')).map(([document, length, name]) =>
        withNoun(document, 'Sip', (noun) => ({ ...noun, text: `sip:alice@example.com?${name}=${'a'.repeat(length + 6 - name.length)}` }) as DialNoun),
      ),
    ),
  ];
}

/** @see facts §1.2 12200 (unknown attributes and nested elements); facts §2.3, §2.7 (Parameter) */
function nounStructureCases(scope: InvalidCasesDialect): [string, Case][] {
  return NOUNS.flatMap((noun): [string, Case][] => {
    const prefix = noun.name.toLowerCase();
    const cases: [string, Case][] = [
      [
        `${prefix}.unknown-attribute`,
        fc.tuple(base(scope, SHAPE_OF[noun.name]), fc.constantFrom(...UNKNOWN_ATTRIBUTES), fc.constantFrom('1', '', '& <x>')).map(([document, name, value]) =>
          label([`${prefix}.unknown-attribute`])(withNoun(document, noun.name, (found) => ({ ...found, attributes: { ...found.attributes, [name]: value } }) as DialNoun)),
        ),
      ],
      [
        // Added beside the valid nouns, so the nouns dialed (and the callerId they allow) do not change.
        `${prefix}.child.invalid`,
        fc.tuple(base(scope, ['bare', 'numbers', 'legs', 'conference']), STRAY_CHILD).map(([document, stray]) =>
          label([`${prefix}.child.invalid`])(
            withDial(document, (dial) => ({
              ...dial,
              children: [...dial.children, { kind: 'element', name: noun.name, attributes: {}, children: [{ kind: 'text', text: 'x' }, stray] }],
            })),
          ),
        ),
      ],
    ];
    if (noun.childElements.includes('Parameter')) {
      cases.push([
        `${prefix}.parameter.invalid`,
        fc
          .tuple(base(scope, SHAPE_OF[noun.name]), fc.constantFrom<AttributeMap>({}, { name: '' }, { value: 'v' }, { name: 'n', value: 'v', extra: '1' }))
          .map(([document, attributes]) =>
            label([`${prefix}.parameter.invalid`])(
              withNoun(document, noun.name, (found) => {
                const holder = found as Extract<DialNoun, { kind: 'Client' | 'Application' }>;
                return { ...holder, parameters: [...holder.parameters, { kind: 'Parameter', attributes }] };
              }),
            ),
          ),
      ]);
    }
    return cases;
  });
}

const stray = (name: string): GenericElement => ({ kind: 'element', name, attributes: {}, children: [] });

/** @see seed §Nouns; facts §1.2, §2.1, §8.5 */
function dialCases(scope: InvalidCasesDialect): [string, Case][] {
  const one = (id: string, arbitrary: fc.Arbitrary<TwimlDocument>): [string, Case] => [id, arbitrary.map(label([id]))];
  return [
    one(
      'dial.unknown-attribute',
      fc.tuple(base(scope, ['bare', 'legs', 'conference']), fc.constantFrom(...UNKNOWN_ATTRIBUTES)).map(([document, name]) =>
        withDial(document, (dial) => ({ ...dial, attributes: { ...dial.attributes, [name]: 'x' } })),
      ),
    ),
    one('dial.whatsapp.no-caller-id', base(scope, 'whatsapp').map((document) => withDial(document, withoutCallerId))),
    one('dial.empty', base(scope, 'bare').map((document) => withDial(document, (dial) => ({ ...dial, children: [] })))),
    one(
      'dial.text.format',
      fc.tuple(base(scope, 'bare'), fc.constantFrom('call me', '+1234567890123456', 'abc', '415-CALL')).map(([document, text]) =>
        withDial(document, (dial) => ({ ...dial, children: [{ kind: 'text', text }] })),
      ),
    ),
    one(
      'dial.child.invalid',
      fc.tuple(base(scope, ['bare', 'numbers', 'legs', 'queue']), fc.constantFrom('Say', 'Play', 'Foo', 'number', 'Identity', 'Parameter')).map(([document, name]) =>
        withDial(document, (dial) => ({ ...dial, children: [...dial.children, stray(name)] })),
      ),
    ),
    one(
      'dial.legs.count',
      fc.tuple(base(scope, ['numbers', 'clients']), fc.integer({ min: 11, max: 14 })).map(([document, count]) =>
        withDial(document, (dial) => ({ ...dial, children: Array.from({ length: count }, (_, index) => dial.children[index % dial.children.length] as DialChild) })),
      ),
    ),
    one(
      'dial.application.alone',
      fc.tuple(base(scope, 'application'), numberNoun({ none: true })).map(([document, number]) =>
        withDial(document, (dial) => withoutCallerId({ ...dial, children: [...dial.children, number] })),
      ),
    ),
    one(
      'dial.mix.text-and-nouns',
      fc.tuple(base(scope, 'bare'), numberNoun({ none: true })).map(([document, number]) => withDial(document, (dial) => withoutCallerId({ ...dial, children: [...dial.children, number] }))),
    ),
    one(
      'dial.conference-queue.alone',
      fc.tuple(base(scope, ['conference', 'queue']), numberNoun({ none: true }), fc.boolean()).map(([document, number, first]) =>
        withDial(document, (dial) => withoutCallerId({ ...dial, children: first ? [number, ...dial.children] : [...dial.children, number] })),
      ),
    ),
    one(
      'dial.sip.count',
      fc.tuple(base(scope, 'sip'), fc.array(sipNoun({ none: true }), { minLength: 1, maxLength: 2 })).map(([document, more]) =>
        withDial(document, (dial) => ({ ...dial, children: [...dial.children, ...more] })),
      ),
    ),
  ];
}

/** A verb holding `<Dial>` or another verb it may not hold. @see page §err-13320; page §response-nesting */
function nestingCases(scope: InvalidCasesDialect): [string, Case][] {
  const dialElement: GenericElement = { kind: 'element', name: 'Dial', attributes: {}, children: [{ kind: 'text', text: '+14155550100' }] };
  const holder = (name: string, child: GenericElement): GenericElement => ({ kind: 'element', name, attributes: {}, children: [child] });
  const insert = (rules: string, verb: fc.Arbitrary<GenericElement>): [string, Case] => [
    rules,
    fc.tuple(dialDocument({ ...scope, maxVerbsAfter: 1 }), verb, fc.nat()).map(([document, held, at]) => {
      const position = at % (document.verbs.length + 1);
      return label([rules])({ ...document, verbs: [...document.verbs.slice(0, position), held, ...document.verbs.slice(position)] });
    }),
  ];
  return [
    insert('gather.child.invalid', fc.constantFrom(dialElement, stray('Record'), stray('Hangup'), stray('Gather')).map((child) => holder('Gather', child))),
    insert('dial.nested', fc.constantFrom('Say', 'Play', 'Redirect', 'Enqueue').map((name) => holder(name, dialElement))),
  ];
}

/** @see facts §1.2 [ERR-JSON] 12102, 12200; page §err-12101 */
function responseCases(scope: InvalidCasesDialect): [string, Case][] {
  return [
    [
      'response.version',
      fc.tuple(dialDocument({ ...scope, maxVerbsAfter: 1 }), fc.constantFrom('2.0', '', '2010-04-02', ' 2010-04-01', 'latest')).map(([document, version]) =>
        label(['response.version'])({ ...document, attributes: { ...document.attributes, version } }),
      ),
    ],
    [
      'response.unknown-attribute',
      fc.tuple(dialDocument({ ...scope, maxVerbsAfter: 1 }), fc.constantFrom('lang', 'Version', 'voice', 'data-x')).map(([document, name]) =>
        label(['response.unknown-attribute'])({ ...document, attributes: { ...document.attributes, [name]: '1' } }),
      ),
    ],
    [
      'response.root',
      fc.tuple(dialDocument({ ...scope, maxVerbsAfter: 1 }), fc.constantFrom('Reponse', 'response', 'TwiML', 'Responses')).map(([document, root]) => label(['response.root'])({ ...document, root })),
    ],
    [
      'response.unknown-verb',
      fc.tuple(dialDocument({ ...scope, maxVerbsAfter: 1 }), fc.constantFrom('Foo', 'say', 'Dail', 'Number', 'Client'), fc.nat()).map(([document, name, at]) => {
        const position = at % (document.verbs.length + 1);
        return label(['response.unknown-verb'])({ ...document, verbs: [...document.verbs.slice(0, position), stray(name), ...document.verbs.slice(position)] });
      }),
    ],
  ];
}

/** Text that is not a document Twilio can read. @see facts §1.2 12100 (parse failure causes); facts §1.3 11750 */
function xmlCases(scope: InvalidCasesDialect): [string, Case][] {
  const small = dialDocument({ ...scope, maxVerbsBefore: 0, maxVerbsAfter: 1, maxLegs: 2 }).map((document) => serializeTwiml(document));
  // Not here: `<` inside an attribute value (XML 1.0 §3.1 forbids it) — fast-xml-parser's validator accepts
  // it, so src/xml/parse.ts reads such a document; reported to the lead rather than labelled wrongly.
  const xml = (rules: string, arbitrary: fc.Arbitrary<string>): [string, Case] => [rules, arbitrary.map((text) => ({ kind: 'xml', xml: text, rules: [rules] }))];
  return [
    xml(
      'xml.malformed',
      fc.tuple(small, fc.constantFrom('unclosed', 'bare-amp', 'unquoted', 'control', 'trailing', 'mismatch', 'two-roots')).map(([text, breakage]) => {
        switch (breakage) {
          case 'unclosed':
            return text.replace(/<\/Response>$/, '');
          case 'bare-amp':
            return text.replace('<Response>', '<Response><Say>Tom & Jerry</Say>');
          case 'unquoted':
            return text.replace('<Response>', '<Response><Pause length=2/>');
          case 'control':
            return text.replace('<Response>', '<Response><Say>bell \u0007</Say>');
          case 'trailing':
            return `${text}<Say>after the root</Say>`;
          case 'mismatch':
            return text.replace('<Response>', '<Response><Say></Play>');
          default:
            return `${text}<Response/>`;
        }
      }),
    ),
    xml(
      'xml.dtd',
      fc.tuple(small, fc.constantFrom('bomb', 'external', 'plain')).map(([text, kind]) => {
        const declaration = {
          bomb: '<!DOCTYPE Response [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
          external: '<!DOCTYPE Response [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
          plain: '<!DOCTYPE Response>',
        }[kind];
        const body = kind === 'plain' ? text : text.replace('<Response>', `<Response><Say>${kind === 'bomb' ? '&c;' : '&x;'}</Say>`);
        return body.replace('?>', `?>${declaration}`);
      }),
    ),
    xml(
      'xml.size',
      fc.tuple(small, fc.integer({ min: 1, max: 4096 }), fc.constantFrom('a', 'é', '😀')).map(([text, over, char]) => {
        const bytes = Buffer.byteLength(char, 'utf8');
        const padding = char.repeat(Math.ceil((MAX_TWIML_BYTES + over) / bytes));
        return text.replace('<Response>', `<Response><Say>${padding}</Say>`);
      }),
    ),
  ];
}

/**
 * One arbitrary per rule of RULES, keyed by rule id. A rule of RULES with no case here is a rule the
 * kit never exercises: {@link rulesWithoutCase} names them and a test keeps that list empty. It does
 * not throw, so a rule added to the table does not break every module that imports the generators.
 */
export function invalidCases(dialect: InvalidCasesDialect = {}): ReadonlyMap<string, Case> {
  // The valid parts of every case are drawn inside the dialect.
  return new Map<string, Case>([
    ...xmlCases(dialect),
    ...responseCases(dialect),
    ...nestingCases(dialect),
    ...dialCases(dialect),
    ...nounStructureCases(dialect),
    ...contentCases(dialect),
    ...attributeCases(dialect),
  ]);
}

/**
 * Several problems at once: two to four attributes of one `<Dial>` broken together, labelled with the
 * union of their rules, so a validator that stops at the first problem is caught.
 * @see seed attribute table
 */
export function combinedDialCase(dialect: InvalidCasesDialect = {}): Case {
  return combinedOf(dialect);
}

function combinedOf(scope: InvalidCasesDialect): Case {
  const breakable = ALL_ATTRIBUTES.filter((spec) => spec.element === 'Dial').flatMap((spec) =>
    problemsOf(spec.value).map((problem) => ({ spec, problem, value: badValue(spec.value, problem) as fc.Arbitrary<string> })),
  );
  const picks = fc.uniqueArray(fc.nat({ max: breakable.length - 1 }), { minLength: 2, maxLength: 4, selector: (index) => breakable[index]?.spec.name });
  return fc
    .tuple(base(scope, ['bare', 'numbers', 'legs']), picks.chain((indices) => fc.tuple(...indices.map((index) => (breakable[index] as (typeof breakable)[number]).value)).map((values) => ({ indices, values }))))
    .map(([document, { indices, values }]) => {
      const broken: Record<string, string> = {};
      const rules: string[] = [];
      indices.forEach((index, at) => {
        const { spec, problem } = breakable[index] as (typeof breakable)[number];
        broken[spec.name] = values[at] as string;
        rules.push(`dial.${spec.name}.${problem}`);
      });
      return label(rules)(withDial(document, (dial) => ({ ...dial, attributes: { ...dial.attributes, ...broken } })));
    });
}

/** Rules of RULES that no invalid case breaks. */
export function rulesWithoutCase(): string[] {
  const cases = invalidCases();
  return RULES.filter((rule) => !cases.has(rule.id)).map((rule) => rule.id);
}

import fc from 'fast-check';
import type { ElementName } from '../../reference/spec/attributes.js';
import { MAX_CALL_LEGS } from '../../reference/spec/elements.js';
import type { DialChild, DialNoun, DialVerb, NounName } from '../model/dial.js';
import { applicationNoun } from './applicationNoun.js';
import { callerIdChoice, pickCallerId } from './callerIdChoice.js';
import { clientNoun } from './clientNoun.js';
import { conferenceNoun } from './conferenceNoun.js';
import { DIAL_SHAPES, type DialShape } from './dialShape.js';
import { elementAttributes } from './elementAttributes.js';
import { numberNoun } from './numberNoun.js';
import { phoneNumber } from './phoneNumber.js';
import { queueNoun } from './queueNoun.js';
import { simNoun } from './simNoun.js';
import { sipNoun } from './sipNoun.js';
import { whatsAppNoun } from './whatsAppNoun.js';

export interface DialVerbConstraints {
  /** Which combinations of nouns to produce. Default all. */
  readonly shapes?: readonly DialShape[];
  /** Most legs for the `numbers`, `clients` and `legs` shapes (1–10). Default 10. */
  readonly maxLegs?: number;
  /** Produce no attributes on `<Dial>` or its nouns. Default false. */
  readonly noAttributes?: boolean;
  /** Dial only these nouns (a target profile): shapes needing another noun are left out. Default all. */
  readonly nouns?: readonly NounName[];
  /** Per element, the only attributes to produce (a target profile). An element left out gets every attribute. */
  readonly attributes?: Readonly<Partial<Record<ElementName, readonly string[]>>>;
}

/** The nouns each shape needs (the Sip of `legs` is optional and left out when Sip is not allowed). */
const SHAPE_NOUNS: Readonly<Record<DialShape, readonly NounName[]>> = {
  bare: ['Number'],
  numbers: ['Number'],
  clients: ['Client'],
  legs: ['Number', 'Client'],
  sip: ['Sip'],
  conference: ['Conference'],
  queue: ['Queue'],
  application: ['Application'],
  whatsapp: ['WhatsApp'],
  sim: ['Sim'],
};

/** The shapes whose nouns are all allowed. */
export function shapesFor(nouns: readonly NounName[], shapes: readonly DialShape[] = DIAL_SHAPES): DialShape[] {
  return shapes.filter((shape) => SHAPE_NOUNS[shape].every((noun) => nouns.includes(noun)));
}

interface ChildOptions {
  readonly none: boolean;
  readonly nouns?: readonly NounName[];
  readonly attributes?: Readonly<Partial<Record<ElementName, readonly string[]>>>;
}

/** Attribute constraints of one element: unchanged (and so the same samples) when no allow-list is given. */
function attributeOptions(element: ElementName, options: ChildOptions): { none: boolean; only?: readonly string[] } {
  const only = options.attributes?.[element];
  return only === undefined ? { none: options.none } : { none: options.none, only };
}

function childrenOf(shape: DialShape, maxLegs: number, choice: ChildOptions): fc.Arbitrary<DialChild[]> {
  const options = (element: ElementName): { none: boolean; only?: readonly string[] } => attributeOptions(element, choice);
  const sipAllowed = choice.nouns === undefined || choice.nouns.includes('Sip');
  const many = (noun: fc.Arbitrary<DialNoun>): fc.Arbitrary<DialChild[]> => fc.array(noun, { minLength: 1, maxLength: maxLegs });
  switch (shape) {
    case 'bare':
      return phoneNumber({ edgeWhitespace: true }).map((text) => [{ kind: 'text', text }]);
    case 'numbers':
      return many(numberNoun(options('Number')));
    case 'clients':
      return many(clientNoun(options('Client')));
    case 'legs':
      return fc
        .tuple(
          fc.array(fc.oneof(numberNoun(options('Number')), clientNoun(options('Client'))), { minLength: 1, maxLength: maxLegs }),
          sipAllowed ? fc.option(sipNoun(options('Sip')), { nil: undefined }) : fc.constant(undefined),
          fc.nat(),
        )
        .map(([legs, sip, at]) => {
          if (sip === undefined) return legs;
          const kept = legs.slice(0, maxLegs - 1);
          const position = at % (kept.length + 1);
          return [...kept.slice(0, position), sip, ...kept.slice(position)];
        });
    case 'sip':
      return sipNoun(options('Sip')).map((noun) => [noun]);
    case 'conference':
      return conferenceNoun(options('Conference')).map((noun) => [noun]);
    case 'queue':
      return queueNoun(options('Queue')).map((noun) => [noun]);
    case 'application':
      return applicationNoun(options('Application')).map((noun) => [noun]);
    case 'whatsapp':
      return whatsAppNoun(options('WhatsApp')).map((noun) => [noun]);
    case 'sim':
      return simNoun().map((noun) => [noun]);
  }
}

/** The sender written when a `<WhatsApp>` dial drew no callerId of its own (a fixed one keeps the other draws as they were). */
const WHATSAPP_SENDER = 'whatsapp:+15551112222';

/** The nouns a `<Dial>` dials, as the validator sees them for callerId. */
export function nounsOf(children: readonly DialChild[]): (NounName | 'text')[] {
  const nouns: (NounName | 'text')[] = [];
  for (const child of children) if (child.kind !== 'element') nouns.push(child.kind);
  return nouns;
}

/**
 * A VALID `<Dial>`: any valid attributes, a callerId in a form valid for every noun it dials (left
 * out when no form fits them all), and one of the noun combinations of {@link DialShape}.
 * @see seed §Nouns, §callerId; facts §2
 */
export function dialVerb(constraints: DialVerbConstraints = {}): fc.Arbitrary<DialVerb> {
  const shapes = constraints.nouns === undefined ? (constraints.shapes ?? DIAL_SHAPES) : shapesFor(constraints.nouns, constraints.shapes);
  if (shapes.length === 0) throw new TypeError('dialVerb: no shape dials only the allowed nouns');
  const maxLegs = Math.max(1, Math.min(MAX_CALL_LEGS, constraints.maxLegs ?? MAX_CALL_LEGS));
  const none = constraints.noAttributes === true;
  const choice: ChildOptions = {
    none,
    ...(constraints.nouns === undefined ? {} : { nouns: constraints.nouns }),
    ...(constraints.attributes === undefined ? {} : { attributes: constraints.attributes }),
  };
  const callerIdAllowed = constraints.attributes?.Dial === undefined || constraints.attributes.Dial.includes('callerId');
  return fc
    .record({
      attributes: elementAttributes('Dial', { exclude: ['callerId'], ...attributeOptions('Dial', choice) }),
      callerId: none || !callerIdAllowed ? fc.constant(undefined) : fc.option(callerIdChoice(), { nil: undefined }),
      children: fc.oneof(...shapes.map((shape) => childrenOf(shape, maxLegs, choice))),
    })
    .map(({ attributes, callerId, children }) => {
      const nouns = nounsOf(children);
      const chosen = callerId === undefined ? undefined : pickCallerId(callerId, nouns);
      // @see facts §2.1, §2.8 [WA]: <WhatsApp> needs a callerId, so one is always written, even with noAttributes.
      const picked = chosen ?? (nouns.includes('WhatsApp') ? WHATSAPP_SENDER : undefined);
      return { kind: 'Dial', attributes: picked === undefined ? attributes : { ...attributes, callerId: picked }, children };
    });
}

import fc from 'fast-check';
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
}

function childrenOf(shape: DialShape, maxLegs: number, none: boolean): fc.Arbitrary<DialChild[]> {
  const options = { none };
  const many = (noun: fc.Arbitrary<DialNoun>): fc.Arbitrary<DialChild[]> => fc.array(noun, { minLength: 1, maxLength: maxLegs });
  switch (shape) {
    case 'bare':
      return phoneNumber({ edgeWhitespace: true }).map((text) => [{ kind: 'text', text }]);
    case 'numbers':
      return many(numberNoun(options));
    case 'clients':
      return many(clientNoun(options));
    case 'legs':
      return fc
        .tuple(fc.array(fc.oneof(numberNoun(options), clientNoun(options)), { minLength: 1, maxLength: maxLegs }), fc.option(sipNoun(options), { nil: undefined }), fc.nat())
        .map(([legs, sip, at]) => {
          if (sip === undefined) return legs;
          const kept = legs.slice(0, maxLegs - 1);
          const position = at % (kept.length + 1);
          return [...kept.slice(0, position), sip, ...kept.slice(position)];
        });
    case 'sip':
      return sipNoun(options).map((noun) => [noun]);
    case 'conference':
      return conferenceNoun(options).map((noun) => [noun]);
    case 'queue':
      return queueNoun(options).map((noun) => [noun]);
    case 'application':
      return applicationNoun(options).map((noun) => [noun]);
    case 'whatsapp':
      return whatsAppNoun(options).map((noun) => [noun]);
    case 'sim':
      return simNoun().map((noun) => [noun]);
  }
}

/** The nouns a `<Dial>` dials, as the validator sees them for callerId. */
export function nounsOf(children: readonly DialChild[]): (NounName | 'text')[] {
  return children.flatMap((child) => (child.kind === 'element' ? [] : [child.kind === 'text' ? 'text' : child.kind]));
}

/**
 * A VALID `<Dial>`: any valid attributes, a callerId in a form valid for every noun it dials (left
 * out when no form fits them all), and one of the noun combinations of {@link DialShape}.
 * @see seed §Nouns, §callerId; facts §2
 */
export function dialVerb(constraints: DialVerbConstraints = {}): fc.Arbitrary<DialVerb> {
  const shapes = constraints.shapes ?? DIAL_SHAPES;
  const maxLegs = Math.max(1, Math.min(MAX_CALL_LEGS, constraints.maxLegs ?? MAX_CALL_LEGS));
  const none = constraints.noAttributes === true;
  return fc
    .record({
      attributes: elementAttributes('Dial', { exclude: ['callerId'], none }),
      callerId: none ? fc.constant(undefined) : fc.option(callerIdChoice(), { nil: undefined }),
      children: fc.oneof(...shapes.map((shape) => childrenOf(shape, maxLegs, none))),
    })
    .map(({ attributes, callerId, children }) => {
      const picked = callerId === undefined ? undefined : pickCallerId(callerId, nounsOf(children));
      return { kind: 'Dial', attributes: picked === undefined ? attributes : { ...attributes, callerId: picked }, children };
    });
}

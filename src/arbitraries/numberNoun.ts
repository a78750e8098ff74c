import fc from 'fast-check';
import type { NumberNoun } from '../model/dial.js';
import { elementAttributes, type ElementAttributesConstraints } from './elementAttributes.js';
import { phoneNumber } from './phoneNumber.js';

/** A valid `<Number>`: a phone number (white space around it allowed) and any valid attributes. @see facts §2.2 [NUMBER] */
export function numberNoun(constraints: ElementAttributesConstraints = {}): fc.Arbitrary<NumberNoun> {
  return fc
    .record({ attributes: elementAttributes('Number', constraints), text: phoneNumber({ edgeWhitespace: true }) })
    .map(({ attributes, text }) => ({ kind: 'Number', attributes, text }));
}

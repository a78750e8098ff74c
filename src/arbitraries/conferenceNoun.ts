import fc from 'fast-check';
import type { ConferenceNoun } from '../model/dial.js';
import { elementAttributes, type ElementAttributesConstraints } from './elementAttributes.js';
import { hostileText } from './hostileText.js';

/** A valid `<Conference>`: any non-blank room name, hostile characters included. @see facts §2.5 [CONF] */
export function conferenceNoun(constraints: ElementAttributesConstraints = {}): fc.Arbitrary<ConferenceNoun> {
  return fc
    .record({ attributes: elementAttributes('Conference', constraints), text: hostileText({ maxLength: 100, nonBlank: true }) })
    .map(({ attributes, text }) => ({ kind: 'Conference', attributes, text }));
}

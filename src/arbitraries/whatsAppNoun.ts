import fc from 'fast-check';
import type { WhatsAppNoun } from '../model/dial.js';
import { elementAttributes, type ElementAttributesConstraints } from './elementAttributes.js';
import { phoneNumber } from './phoneNumber.js';

/** A valid `<WhatsApp>`: the phone number to reach. @see facts §2.8 [WA] */
export function whatsAppNoun(constraints: ElementAttributesConstraints = {}): fc.Arbitrary<WhatsAppNoun> {
  return fc
    .record({ attributes: elementAttributes('WhatsApp', constraints), text: phoneNumber({ forms: ['e164'], edgeWhitespace: true }) })
    .map(({ attributes, text }) => ({ kind: 'WhatsApp', attributes, text }));
}

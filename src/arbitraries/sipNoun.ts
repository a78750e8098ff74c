import fc from 'fast-check';
import type { SipNoun } from '../model/dial.js';
import { elementAttributes, type ElementAttributesConstraints } from './elementAttributes.js';
import { plainRecord } from './plainRecord.js';
import { sipUri } from './sipUri.js';

/** A valid `<Sip>` with headers in its URI's query and any valid attributes. @see facts §2.4 [SIP] */
export function sipNoun(constraints: ElementAttributesConstraints = {}): fc.Arbitrary<SipNoun> {
  return plainRecord({ attributes: elementAttributes('Sip', constraints), text: sipUri() }).map(({ attributes, text }) => ({ kind: 'Sip', attributes, text }));
}

import fc from 'fast-check';
import type { SimNoun } from '../model/dial.js';
import { hexSid } from './hexSid.js';

/** A valid `<Sim>`: a Super SIM SID (`DE` and 32 hex digits). It has no attributes. @see facts §2.1 [NODE] */
export function simNoun(): fc.Arbitrary<SimNoun> {
  return hexSid('DE', { mixedCase: true }).map((text) => ({ kind: 'Sim', attributes: {}, text }));
}

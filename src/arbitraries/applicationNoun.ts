import fc from 'fast-check';
import type { ApplicationNoun } from '../model/dial.js';
import { elementAttributes, type ElementAttributesConstraints } from './elementAttributes.js';
import { hexSid } from './hexSid.js';
import { parameterElement } from './parameterElement.js';

/** A valid `<Application>`: an `<ApplicationSid>` and up to three `<Parameter>`s. @see facts §2.7 [APP] */
export function applicationNoun(constraints: ElementAttributesConstraints = {}): fc.Arbitrary<ApplicationNoun> {
  return fc
    .record({ attributes: elementAttributes('Application', constraints), applicationSid: hexSid('AP'), parameters: fc.array(parameterElement(), { maxLength: 3 }) })
    .map(({ attributes, applicationSid, parameters }) => ({ kind: 'Application', attributes, applicationSid, parameters }));
}

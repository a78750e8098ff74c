import fc from 'fast-check';
import type { ParameterElement } from '../model/dial.js';
import { hostileText } from './hostileText.js';

/** A valid `<Parameter name value>`: a non-empty name, any value, both full of hostile text. @see facts §2.3 [CLIENT], §2.7 [APP] */
export function parameterElement(): fc.Arbitrary<ParameterElement> {
  return fc
    .record({ name: hostileText({ maxLength: 30 }), value: fc.option(hostileText({ maxLength: 60, allowEmpty: true }), { nil: undefined }) })
    .map(({ name, value }): ParameterElement => ({ kind: 'Parameter', attributes: value === undefined ? { name } : { name, value } }));
}

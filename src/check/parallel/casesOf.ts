import fc from 'fast-check';
import type { BuilderProperty } from '../builderProperty.js';
import type { CallStyle } from '../../targets/builder/callStyle.js';
import type { Case } from './caseMessages.js';

/** The property's documents paired with the call style: both styles in every run when the target takes typed calls. */
export function casesOf(property: BuilderProperty, styles: readonly CallStyle[]): fc.Arbitrary<Case> {
  if (styles.length <= 1) return property.arbitrary.map((document): Case => [document, styles[0] ?? 'strings']);
  return fc.tuple(property.arbitrary, fc.constantFrom(...styles));
}

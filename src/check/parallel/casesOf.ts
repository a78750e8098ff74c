import fc from 'fast-check';
import { drawnDirectly } from '../../arbitraries/directDraws.js';
import type { TwimlDocument } from '../../model/document.js';
import type { BuilderProperty } from '../builderProperty.js';
import type { CallStyle } from '../../targets/builder/callStyle.js';
import type { Case } from './caseMessages.js';

/** Built once per property arbitrary and call styles: each pass, each worker and each redraw asks again. */
const BUILT = new WeakMap<fc.Arbitrary<TwimlDocument>, Map<string, fc.Arbitrary<Case>>>();

/**
 * The property's documents paired with the call style: both styles in every run when the target takes
 * typed calls. Drawn directly (the same cases from the same randoms, for less; see directDraws.ts).
 */
export function casesOf(property: BuilderProperty, styles: readonly CallStyle[]): fc.Arbitrary<Case> {
  let byStyles = BUILT.get(property.arbitrary);
  if (byStyles === undefined) {
    byStyles = new Map();
    BUILT.set(property.arbitrary, byStyles);
  }
  const key = styles.join(',');
  let cases = byStyles.get(key);
  if (cases === undefined) {
    cases = drawnDirectly(pairedWithStyles(property.arbitrary, styles));
    byStyles.set(key, cases);
  }
  return cases;
}

function pairedWithStyles(documents: fc.Arbitrary<TwimlDocument>, styles: readonly CallStyle[]): fc.Arbitrary<Case> {
  if (styles.length <= 1) return documents.map((document): Case => [document, styles[0] ?? 'strings']);
  return fc.tuple(documents, fc.constantFrom(...styles));
}

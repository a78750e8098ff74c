import fc from 'fast-check';
import type { DialVerb } from '../model/dial.js';
import type { TwimlDocument } from '../model/document.js';
import type { DialOutcome } from '../model/outcome.js';
import { dialDocument, type DialDocumentConstraints } from './dialDocument.js';
import { outcomeFor, type DialOutcomeConstraints } from './dialOutcome.js';
import { outcomeMaterial } from './outcomeMaterial.js';

export interface DialCase {
  readonly document: TwimlDocument;
  readonly outcome: DialOutcome;
}

export interface DialCaseConstraints extends DialDocumentConstraints, DialOutcomeConstraints {}

/**
 * A valid document and an outcome consistent with it. Both are drawn independently and fitted
 * together by a plain function, so fast-check shrinks the document (fewer attributes, nouns, verbs)
 * and the outcome (fewer events) at once.
 */
export function dialCase(constraints: DialCaseConstraints = {}): fc.Arbitrary<DialCase> {
  return fc.tuple(dialDocument(constraints), outcomeMaterial()).map(([document, material]) => {
    const dial = document.verbs.find((verb): verb is DialVerb => verb.kind === 'Dial') as DialVerb;
    return { document, outcome: outcomeFor(dial, material, constraints) };
  });
}

import type fc from 'fast-check';
import { dialDocument, invalidDocument, unwritableDocument } from '../src/arbitraries/index.js';
import type { BuilderProperty } from '../src/check/builderProperty.js';
import type { TwimlDocument } from '../src/model/document.js';

/**
 * Which documents a generator check builds: valid ones; ones that break a rule (`invalid`, which takes in
 * the `unwritable` ones too); only those holding a character XML cannot carry; or all.
 */
export type DocumentSelection = 'valid' | 'invalid' | 'unwritable' | 'all';

export const DOCUMENT_SELECTIONS: readonly DocumentSelection[] = ['valid', 'invalid', 'unwritable', 'all'];

function invalidDocuments(): fc.Arbitrary<TwimlDocument> {
  return invalidDocument({ documentsOnly: true }).map((labelled) => {
    if (labelled.kind !== 'document') throw new Error('invalidDocument({ documentsOnly: true }) produced XML text');
    return labelled.document;
  });
}

/**
 * The conformance catalogue for TwiML builders, as data. Ids are stable: reports, baselines and
 * replay lines refer to them.
 */
export function builderProperties(only: DocumentSelection = 'all'): BuilderProperty[] {
  const all: BuilderProperty[] = [
    {
      id: 'GEN-BUILD-001',
      title: 'a valid <Dial> document is built into XML Twilio reads the same way',
      source: 'seed §Attributes, §Nouns; facts §1.2 (12100 on XML that is not well-formed), §6',
      documents: 'valid',
      arbitrary: dialDocument(),
    },
    {
      id: 'GEN-BUILD-002',
      title: 'a document that breaks a rule is refused or written exactly as asked, never silently changed',
      source: 'facts §1.2 (invalid values are warnings Twilio reports, so a builder must not hide them); reference/rules.ts',
      documents: 'invalid',
      arbitrary: invalidDocuments(),
    },
    {
      id: 'GEN-BUILD-003',
      title: 'a document holding a character XML cannot carry is refused, never written raw or silently changed',
      source: 'XML 1.0 §2.2 (Char); facts §1.2 (12100 on XML that is not well-formed), §6',
      documents: 'unwritable',
      arbitrary: unwritableDocument(),
    },
  ];
  return all.filter((property) => only === 'all' || property.documents === only || (only === 'invalid' && property.documents === 'unwritable'));
}

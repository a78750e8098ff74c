import type fc from 'fast-check';
import { dialDocument, invalidDocument, unwritableDocument } from '../src/arbitraries/index.js';
import type { BuilderProperty } from '../src/check/builderProperty.js';
import type { TwimlDocument } from '../src/model/document.js';
import { insideDialect, type DialectSubset } from '../src/profile/dialectSubset.js';

/**
 * Which documents a generator check builds: valid ones; ones that break a rule (`invalid`, which takes in
 * the `unwritable` ones too); only those holding a character XML cannot carry; or all.
 */
export type DocumentSelection = 'valid' | 'invalid' | 'unwritable' | 'all';

export const DOCUMENT_SELECTIONS: readonly DocumentSelection[] = ['valid', 'invalid', 'unwritable', 'all'];

function invalidDocuments(dialect: DialectSubset | undefined): fc.Arbitrary<TwimlDocument> {
  const documents = invalidDocument({ documentsOnly: true, ...(dialect === undefined ? {} : { dialect }) }).map((labelled) => {
    if (labelled.kind !== 'document') throw new Error('invalidDocument({ documentsOnly: true }) produced XML text');
    return labelled.document;
  });
  // Each case breaks one rule in a document of its own shape: those outside the dialect are left out.
  return dialect === undefined ? documents : documents.filter((document) => insideDialect(document, dialect));
}

/**
 * A property whose arbitrary is built the first time it is read. Building the invalid documents'
 * arbitrary takes about half a second (one document arbitrary per broken rule), which a run of valid
 * documents only, a `--list` or a usage error need not wait for. Building draws nothing at random, so
 * the cases stay the same.
 */
function withLazyArbitrary(property: Omit<BuilderProperty, 'arbitrary'>, build: () => fc.Arbitrary<TwimlDocument>): BuilderProperty {
  let built: fc.Arbitrary<TwimlDocument> | undefined;
  return {
    ...property,
    get arbitrary(): fc.Arbitrary<TwimlDocument> {
      built ??= build();
      return built;
    },
  };
}

/**
 * The conformance catalogue for TwiML builders, as data. Ids are stable: reports, baselines and
 * replay lines refer to them. A dialect subset (`--nouns`, `--verbs`, `--profile`) keeps every
 * document inside what the builder supports.
 */
export function builderProperties(only: DocumentSelection = 'all', dialect?: DialectSubset): BuilderProperty[] {
  // Worker threads (`--workers`) rebuild the catalogue from this module.
  const workerRecipe = { catalogue: import.meta.url, ...(dialect === undefined ? {} : { dialect }) };
  const all: BuilderProperty[] = [
    withLazyArbitrary(
      {
        id: 'GEN-BUILD-001',
        title: 'a valid <Dial> document is built into XML Twilio reads the same way',
        source: 'seed §Attributes, §Nouns; facts §1.2 (12100 on XML that is not well-formed), §6',
        documents: 'valid',
        workerRecipe,
      },
      () => dialDocument(dialect),
    ),
    withLazyArbitrary(
      {
        id: 'GEN-BUILD-002',
        title: 'a document that breaks a rule is refused or written exactly as asked, never silently changed',
        source: 'facts §1.2 (invalid values are warnings Twilio reports, so a builder must not hide them); reference/rules.ts',
        documents: 'invalid',
        workerRecipe,
      },
      () => invalidDocuments(dialect),
    ),
    withLazyArbitrary(
      {
        id: 'GEN-BUILD-003',
        title: 'a document holding a character XML cannot carry is refused, never written raw or silently changed',
        source: 'XML 1.0 §2.2 (Char); facts §1.2 (12100 on XML that is not well-formed), §6',
        documents: 'unwritable',
        workerRecipe,
      },
      () => unwritableDocument(dialect),
    ),
  ];
  return all.filter((property) => only === 'all' || property.documents === only || (only === 'invalid' && property.documents === 'unwritable'));
}

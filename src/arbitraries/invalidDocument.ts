import fc from 'fast-check';
import { RULES } from '../../reference/rules.js';
import { DialKitError } from '../errors.js';
import { combinedDialCase, invalidCases, type InvalidCasesDialect } from './invalidCases.js';
import type { LabelledInvalid } from './labelledInvalid.js';

export type { LabelledInvalid } from './labelledInvalid.js';

export interface InvalidDocumentConstraints {
  /** Only cases for these rule ids (default: every rule of RULES, in RULES order). */
  readonly rules?: readonly string[];
  /** Also produce cases breaking several Dial attributes at once. Default true unless `rules` is given. */
  readonly combined?: boolean;
  /** Leave out the text cases (`kind: 'xml'`). Default false. */
  readonly documentsOnly?: boolean;
  /** Draw the valid parts of each case inside this dialect subset (nouns, verbs, attributes). Default: everything. */
  readonly dialect?: InvalidCasesDialect;
}

/**
 * An invalid document (or XML text) labelled with exactly the rule ids the validator must report
 * for it under the default options. Every rule of RULES has a case; each case breaks one thing in an
 * otherwise valid document, so shrinking keeps the label true.
 * @see reference/rules.ts (each rule's own source)
 */
export function invalidDocument(constraints: InvalidDocumentConstraints = {}): fc.Arbitrary<LabelledInvalid> {
  const cases = invalidCases(constraints.dialect);
  const wanted = constraints.rules ?? RULES.map((rule) => rule.id).filter((id) => cases.has(id));
  const chosen = wanted
    .filter((id) => !(constraints.documentsOnly === true && id.startsWith('xml.')))
    .map((id) => {
      const found = cases.get(id);
      if (found === undefined) throw new DialKitError('DIALKIT_ERR_USAGE', `unknown rule id ${JSON.stringify(id)}; dial-kit rules lists them`);
      return found;
    });
  if (chosen.length === 0) throw new DialKitError('DIALKIT_ERR_NOTHING_CHECKED', 'no rule is left to break: the constraints exclude every invalid case');
  if (constraints.combined ?? constraints.rules === undefined) chosen.push(combinedDialCase(constraints.dialect));
  return fc.oneof(...chosen);
}

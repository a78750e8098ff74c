import type { TwimlDocument } from '../model/document.js';

/**
 * An invalid case and exactly the rule ids (reference/rules.ts) the validator must report for it,
 * as a set, under the default options. `document` cases go to `validate`, `xml` cases to `validateXml`.
 */
export type LabelledInvalid =
  | { readonly kind: 'document'; readonly document: TwimlDocument; readonly rules: readonly string[] }
  | { readonly kind: 'xml'; readonly xml: string; readonly rules: readonly string[] };

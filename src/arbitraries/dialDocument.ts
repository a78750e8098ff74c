import fc from 'fast-check';
import type { TwimlDocument } from '../model/document.js';
import { dialVerb, type DialVerbConstraints } from './dialVerb.js';
import { otherVerb } from './otherVerb.js';

export interface DialDocumentConstraints extends DialVerbConstraints {
  /** Most verbs before `<Dial>` (Say, Play, Pause). Default 2. */
  readonly maxVerbsBefore?: number;
  /** Most verbs after `<Dial>` (any of Say, Play, Pause, Hangup, Redirect, Record). Default 3. */
  readonly maxVerbsAfter?: number;
}

/**
 * A VALID TwiML document: `<Response>` with one `<Dial>` and, around it, other verbs so that
 * "what runs next" is exercised. Validates with no diagnostic under the default options.
 * @see seed §Nouns, §action; facts §2
 */
export function dialDocument(constraints: DialDocumentConstraints = {}): fc.Arbitrary<TwimlDocument> {
  return fc
    .record({
      before: fc.array(otherVerb({ verbs: ['Say', 'Play', 'Pause'] }), { maxLength: constraints.maxVerbsBefore ?? 2 }),
      dial: dialVerb(constraints),
      after: fc.array(otherVerb(), { maxLength: constraints.maxVerbsAfter ?? 3 }),
    })
    .map(({ before, dial, after }) => ({ root: 'Response', attributes: {}, verbs: [...before, dial, ...after] }));
}

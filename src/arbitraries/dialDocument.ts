import fc from 'fast-check';
import type { TwimlDocument } from '../model/document.js';
import { builtOnce } from './builtOnce.js';
import { dialVerb, type DialVerbConstraints } from './dialVerb.js';
import { otherVerb } from './otherVerb.js';

export interface DialDocumentConstraints extends DialVerbConstraints {
  /** Most verbs before `<Dial>` (Say, Play, Pause). Default 2. */
  readonly maxVerbsBefore?: number;
  /** Most verbs after `<Dial>` (any of Say, Play, Pause, Hangup, Redirect, Record). Default 3. */
  readonly maxVerbsAfter?: number;
  /** Only these verbs around `<Dial>` (a target profile). Default Say, Play, Pause before; those, Hangup, Redirect, Record after. */
  readonly verbs?: readonly string[];
}

const BEFORE = ['Say', 'Play', 'Pause'] as const;
const AFTER = ['Say', 'Play', 'Pause', 'Hangup', 'Redirect', 'Record'] as const;

/** Built once per constraints. */
const BUILT = new Map<string, fc.Arbitrary<TwimlDocument>>();

/** Verbs of `list` the constraints allow; none at all gives an empty list (no verb there). */
function allowed<T extends string>(list: readonly T[], verbs: readonly string[] | undefined): readonly T[] {
  return verbs === undefined ? list : list.filter((verb) => verbs.includes(verb));
}

/**
 * A VALID TwiML document: `<Response>` with one `<Dial>` and, around it, other verbs so that
 * "what runs next" is exercised. Validates with no diagnostic under the default options.
 * @see seed §Nouns, §action; facts §2
 */
export function dialDocument(constraints: DialDocumentConstraints = {}): fc.Arbitrary<TwimlDocument> {
  // The invalid cases ask for the same few documents a hundred times. Every field is plain data, so JSON names it.
  const { shapes, maxLegs, noAttributes, nouns, attributes, maxVerbsBefore, maxVerbsAfter, verbs } = constraints;
  const key = JSON.stringify([shapes, maxLegs, noAttributes, nouns, attributes, maxVerbsBefore, maxVerbsAfter, verbs]);
  return builtOnce(BUILT, key, () => buildDialDocument(constraints));
}

function buildDialDocument(constraints: DialDocumentConstraints): fc.Arbitrary<TwimlDocument> {
  const before = allowed(BEFORE, constraints.verbs);
  const after = allowed(AFTER, constraints.verbs);
  return fc
    .record({
      before: before.length === 0 ? fc.constant([]) : fc.array(otherVerb({ verbs: before }), { maxLength: constraints.maxVerbsBefore ?? 2 }),
      dial: dialVerb(constraints),
      after: after.length === 0 ? fc.constant([]) : fc.array(otherVerb(constraints.verbs === undefined ? {} : { verbs: after }), { maxLength: constraints.maxVerbsAfter ?? 3 }),
    })
    .map(({ before, dial, after }) => ({ root: 'Response', attributes: {}, verbs: [...before, dial, ...after] }));
}

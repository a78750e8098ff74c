import { attributesOf, type ElementName } from '../../reference/spec/attributes.js';
import { NOUNS, VOICE_VERBS } from '../../reference/spec/elements.js';
import { shapesFor } from '../arbitraries/dialVerb.js';
import { DialKitError } from '../errors.js';
import type { NounName } from '../model/dial.js';
import type { TwimlDocument } from '../model/document.js';
import type { Profile } from './profile.js';
import { profileConstraints, type ProfileConstraints } from './profileConstraints.js';

/** What a builder supports, for the generators: each part left out is unrestricted (`dialDocument` takes it as it is). */
export type DialectSubset = Partial<ProfileConstraints>;

export interface DialectOptions {
  /** Dial only these nouns (`--nouns Number,Client`). */
  readonly nouns?: readonly string[];
  /** Only these verbs around `<Dial>` (`--verbs Say,Play`). */
  readonly verbs?: readonly string[];
  /** A target profile (schemas/profile.schema.json): its nouns, verbs and attributes; `nouns` and `verbs` given here win. */
  readonly profile?: Profile;
}

const NOUN_NAMES: readonly string[] = NOUNS.map((noun) => noun.name);

function checked(list: readonly string[], known: readonly string[], what: string, flag: string): string[] {
  const unknown = list.find((name) => !known.includes(name));
  if (unknown !== undefined) throw new DialKitError('DIALKIT_ERR_USAGE', `${flag}: ${JSON.stringify(unknown)} is not a ${what} (${known.join(', ')})`);
  return [...list];
}

/**
 * The dialect subset named by `--nouns`, `--verbs` and `--profile` (or checkGenerator's options), checked:
 * a name that is not a noun or a verb, or nouns no `<Dial>` can dial alone, is a usage DialKitError.
 * Undefined when nothing is named (every document the generators make).
 * @see seed §Nouns; facts §1 [TWIML] (the voice verbs)
 */
export function dialectSubset(options: DialectOptions): DialectSubset | undefined {
  if (options.nouns === undefined && options.verbs === undefined && options.profile === undefined) return undefined;
  const fromProfile: DialectSubset = options.profile === undefined ? {} : profileConstraints(options.profile);
  const nouns = options.nouns === undefined ? fromProfile.nouns : (checked(options.nouns, NOUN_NAMES, 'noun of <Dial>', '--nouns') as NounName[]);
  const verbs = options.verbs === undefined ? fromProfile.verbs : checked(options.verbs, VOICE_VERBS, 'voice verb', '--verbs');
  if (nouns !== undefined && shapesFor(nouns).length === 0) throw new DialKitError('DIALKIT_ERR_USAGE', '--nouns names no noun a <Dial> can dial');
  return {
    ...(nouns === undefined ? {} : { nouns }),
    ...(verbs === undefined ? {} : { verbs }),
    ...(fromProfile.attributes === undefined ? {} : { attributes: fromProfile.attributes }),
  };
}

/** Splits a comma-separated flag value (`Number, Client`) into names. */
export function nameList(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((name) => name.trim()).filter((name) => name !== '');
}

const VERB_NAMES = new Set<string>(VOICE_VERBS);
const NOUN_SET = new Set<string>(NOUN_NAMES);

/**
 * Whether a document stays inside the subset: its nouns and known verbs are ones the subset names, and
 * no attribute the spec table knows is on an element whose attributes the subset lists without it.
 * Names the table does not know (an invalid document's unknown attribute, a misspelt verb) are what
 * those documents test, so they stay.
 */
export function insideDialect(document: TwimlDocument, subset: DialectSubset): boolean {
  const allowedAttributes = (element: string, attributes: Readonly<Record<string, string>>): boolean => {
    const only = subset.attributes?.[element as ElementName];
    if (only === undefined || !NOUN_SET.has(element) && element !== 'Dial') return true;
    const known = attributesOf(element as ElementName);
    return Object.keys(attributes).every((name) => !known.has(name) || only.includes(name));
  };
  return document.verbs.every((verb) => {
    if (verb.kind === 'text') return true;
    if (verb.kind === 'Dial') {
      if (!allowedAttributes('Dial', verb.attributes)) return false;
      return verb.children.every((child) => {
        if (child.kind === 'text') return subset.nouns === undefined || subset.nouns.includes('Number');
        // An element the model does not hold as a noun (a noun written wrongly, a stray verb) is still one of its names.
        if (child.kind === 'element') return subset.nouns === undefined || !NOUN_SET.has(child.name) || subset.nouns.includes(child.name as NounName);
        return (subset.nouns === undefined || subset.nouns.includes(child.kind)) && allowedAttributes(child.kind, child.attributes);
      });
    }
    return subset.verbs === undefined || !VERB_NAMES.has(verb.name) || subset.verbs.includes(verb.name);
  });
}

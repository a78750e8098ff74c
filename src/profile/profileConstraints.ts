import type { ElementName } from '../../reference/spec/attributes.js';
import { shapesFor } from '../arbitraries/dialVerb.js';
import { DialKitError } from '../errors.js';
import type { NounName } from '../model/dial.js';
import type { Profile } from './profile.js';

/** What the generators take from a profile (`dialDocument(profileConstraints(profile))`). */
export interface ProfileConstraints {
  readonly nouns: readonly NounName[];
  readonly attributes: Readonly<Partial<Record<ElementName, readonly string[]>>>;
  readonly verbs: readonly string[];
}

/**
 * The generator constraints that keep documents inside what the profile supports. A profile that
 * supports no `<Dial>` shape (no noun, or no `<Dial>`) cannot be checked: a DialKitError.
 */
export function profileConstraints(profile: Profile): ProfileConstraints {
  if (!profile.supports.verbs.includes('Dial')) {
    throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the profile ${profile.name} does not support <Dial>, so there is nothing to check`);
  }
  if (shapesFor(profile.supports.nouns).length === 0) {
    throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the profile ${profile.name} supports no noun of <Dial> the generators can dial alone (e.g. Number)`);
  }
  return { nouns: profile.supports.nouns, attributes: profile.supports.attributes, verbs: profile.supports.verbs };
}

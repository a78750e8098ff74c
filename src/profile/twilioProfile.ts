import { ALL_ATTRIBUTES, type ElementName } from '../../reference/spec/attributes.js';
import { NOUNS, VOICE_VERBS } from '../../reference/spec/elements.js';
import type { Profile } from './profile.js';

/**
 * Twilio itself: every verb, noun and attribute the spec table holds, and no divergence. The default
 * profile, derived from the table so that it never falls behind it.
 * @see reference/spec/attributes.ts, reference/spec/elements.ts
 */
export function twilioProfile(): Profile {
  const attributes: Partial<Record<ElementName, string[]>> = {};
  for (const spec of ALL_ATTRIBUTES) (attributes[spec.element] ??= []).push(spec.name);
  return {
    profile: 1,
    name: 'twilio',
    description: 'Twilio Programmable Voice, as the seed and the fact sheet describe it (the spec table).',
    supports: { verbs: [...VOICE_VERBS], nouns: NOUNS.map((noun) => noun.name), attributes },
    divergences: [],
  };
}

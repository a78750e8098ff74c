import type { ElementName } from '../../reference/spec/attributes.js';
import type { NounName } from '../model/dial.js';

/** A finding the target is known to show, with the reason it is accepted. */
export interface Divergence {
  /** The property id (`INTERP-TIMEOUT-BUFFER`). */
  readonly property: string;
  /** A finding fingerprint, or a substring of its summary; absent: every finding of the property. */
  readonly match?: string;
  readonly reason: string;
}

/** What a target supports: generation stays inside it. */
export interface ProfileSupport {
  readonly verbs: readonly string[];
  readonly nouns: readonly NounName[];
  /** Per element, the attributes the target reads. */
  readonly attributes: Readonly<Partial<Record<ElementName, readonly string[]>>>;
}

/**
 * A target profile (schemas/profile.schema.json), like a WPT expectation file: what the target
 * supports and which divergences from Twilio it is known to have, each with a reason.
 */
export interface Profile {
  readonly profile: 1;
  readonly name: string;
  readonly description?: string;
  readonly supports: ProfileSupport;
  readonly divergences: readonly Divergence[];
}

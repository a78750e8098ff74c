import type { ElementName } from '../../reference/spec/attributes.js';
import type { NounName } from '../model/dial.js';
import type { InterpretOptions } from '../model/trace.js';

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
  /**
   * How the target behaves where the sources are silent (the reference's interpret options): the check
   * judges it by the reference run with these; absent options keep their defaults.
   */
  readonly interpret?: ProfileInterpretOptions;
  readonly divergences: readonly Divergence[];
}

/** The interpret options a profile may set: the choices, not the virtual clock or the identifiers. */
export type ProfileInterpretOptions = Omit<InterpretOptions, 'epochMs' | 'accountSid'>;

import type fc from 'fast-check';
import type { TwimlDocument } from '../model/document.js';
import type { Grade } from './grade.js';
import type { PropertyRecipe } from './parallel/caseMessages.js';

/** A conformance property of TwiML builders, as data: the catalogue lives in properties/builder.ts. */
export interface BuilderProperty {
  /** Stable id, e.g. `GEN-BUILD-001`. */
  readonly id: string;
  readonly title: string;
  /** The seed section or source the property checks. */
  readonly source: string;
  /**
   * `valid` documents must come out equivalent; `invalid` ones refused or written faithfully;
   * `unwritable` ones (a character XML 1.0 cannot carry) refused.
   */
  readonly documents: 'valid' | 'invalid' | 'unwritable';
  readonly arbitrary: fc.Arbitrary<TwimlDocument>;
  /** Default `must`. */
  readonly grade?: Grade;
  /** How a worker thread rebuilds this catalogue property (`--workers N`); a property without one is checked in the main thread. */
  readonly workerRecipe?: PropertyRecipe;
}

/**
 * What a builder may do with a document that breaks a rule. The sources say nothing about what a
 * builder library should do, so this is the user's choice; the default accepts both honest answers.
 * - `refuse-or-faithful`: refusing or writing it exactly as asked both conform.
 * - `faithful`: it must be written as asked (a builder is a serialiser, not a validator).
 * - `refuse`: it must be refused (a validating builder).
 */
export type InvalidPolicy = 'refuse-or-faithful' | 'faithful' | 'refuse';

export const INVALID_POLICIES: readonly InvalidPolicy[] = ['refuse-or-faithful', 'faithful', 'refuse'];

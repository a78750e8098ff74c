import type { CallerInput } from '../../model/callerInput.js';
import type { DialOutcome, VoiceRequestParams } from '../../model/outcome.js';

/** One `<Dial>` the call reached, and what the generated telephone network did there. */
export interface DialEpisode {
  /** Which document of the call (1 = the first answer). */
  readonly step: number;
  /** Index of the `<Dial>` in that document's verbs. */
  readonly verbIndex: number;
  readonly outcome: DialOutcome;
  /** Seed the interpreter used for identifiers. */
  readonly seed: number;
  /** What each leg dials (`Number:+14155550100`), for telling a redial of the same party. */
  readonly targets?: readonly string[];
  /** The DialCallStatus the `<Dial>` ended with. */
  readonly status?: string;
  /** What the call did next (`hangup`, `record`, `dial`, …): absent when the walk did not get that far. */
  readonly next?: string;
  /** Index among the call's answers of the one that decided `next`. */
  readonly nextAt?: number;
}

/** What the caller did at one `<Gather>` or `<Record>`. */
export interface PlayedInput {
  /** Which document of the call holds the verb. */
  readonly step: number;
  readonly verb: string;
  /** The input as drawn (before it was fitted to the verb). */
  readonly input: CallerInput;
  /** What came of it, one sentence. */
  readonly summary: string;
}

/**
 * A call as the kit played it: the first request's parameters and every `<Dial>` outcome. This is
 * the shrunk counterexample of an endpoint finding; with seed and path it is replayed exactly.
 */
export interface CallStory {
  readonly initialParams: readonly (readonly [string, string])[];
  readonly dials: readonly DialEpisode[];
  /** The caller's input at each `<Gather>` and `<Record>`, in order (absent: none was reached). */
  readonly inputs?: readonly PlayedInput[];
  /** How the walk ended, one sentence. */
  readonly ended: string;
}

/** The first request's parameters as the interpreter reads them (a repeated name keeps its last value). */
export function paramsRecord(params: readonly (readonly [string, string])[]): VoiceRequestParams {
  return Object.fromEntries(params);
}

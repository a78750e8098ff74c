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
}

/**
 * A call as the kit played it: the first request's parameters and every `<Dial>` outcome. This is
 * the shrunk counterexample of an endpoint finding; with seed and path it is replayed exactly.
 */
export interface CallStory {
  readonly initialParams: readonly (readonly [string, string])[];
  readonly dials: readonly DialEpisode[];
  /** How the walk ended, one sentence. */
  readonly ended: string;
}

/** The first request's parameters as the interpreter reads them (a repeated name keeps its last value). */
export function paramsRecord(params: readonly (readonly [string, string])[]): VoiceRequestParams {
  return Object.fromEntries(params);
}

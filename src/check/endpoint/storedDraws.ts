import { shorthandOutcome } from '../../../reference/interpret/shorthandOutcome.js';
import { dialedLegs } from '../../../reference/legs.js';
import type { DialEpisode, PlayedInput } from './callStory.js';
import { SILENCE, type CallDraws } from './walkCall.js';

/**
 * The draws of a stored call: the n-th `<Dial>` reached gets the n-th stored outcome and seed, as when
 * the case was found. An app that now reaches more `<Dial>`s than were stored gets the last stored
 * episode again, or, with none stored, the first leg answering and talking a minute (the interpreter
 * CLI's default outcome), so the replay stays deterministic.
 */
export function storedDraws(dials: readonly DialEpisode[], inputs: readonly PlayedInput[] = []): CallDraws {
  let outcomes = 0;
  let seeds = 0;
  let played = 0;
  const episode = (index: number): DialEpisode | undefined => dials[Math.min(index, dials.length - 1)];
  return {
    outcome: (dial) => episode(outcomes++)?.outcome ?? shorthandOutcome('answered', dialedLegs(dial).length, 5, 60),
    seed: () => episode(seeds++)?.seed ?? 0,
    // The caller does what was stored, in order; past the stored inputs (or in a case stored before inputs were played), stays silent.
    input: () => inputs[played++]?.input ?? SILENCE,
  };
}

/**
 * What the caller does while a `<Gather>` or `<Record>` listens, drawn before the verb is known.
 * A play fits it to the verb (keys cut at numDigits or at the finish key, speech dropped where the
 * verb takes only keys, …); the raw value stays as drawn so it shrinks and replays on its own.
 */
export interface CallerInput {
  /**
   * `keys`: the caller presses keys; `speech`: the caller talks; `silence`: the caller does nothing
   * until the verb gives up; `hangup`: the caller hangs up (after talking or pressing what the other
   * fields say, if anything).
   */
  readonly kind: 'keys' | 'speech' | 'silence' | 'hangup';
  /** Keys pressed, in order, each one of `0123456789*#`; may be empty. */
  readonly keys: string;
  /** A short phrase, as a speech recogniser would write it; may be empty. */
  readonly speech: string;
  /** How sure the recogniser is of `speech`, from 0 to 1. */
  readonly confidence: number;
  /**
   * Seconds: for a `<Record>`, how long the caller talks before pressing a key, falling silent or
   * hanging up; for a `<Gather>`, how long the caller waits before the first key or word.
   */
  readonly seconds: number;
}

import type { InterpretOptions } from '../../model/trace.js';
import type { Profile } from '../../profile/profile.js';

export const DEFAULT_INTERPRETER_RUNS = 100;
export const DEFAULT_INTERPRETER_TIMEOUT_MS = 5000;
export const DEFAULT_TOLERANCE_SECONDS = 1;
/** Shrink candidates tried per failure at most: shrinking is bounded by count, never by the clock. */
export const DEFAULT_MAX_SHRINKS = 100;

export interface InterpreterCheckOptions {
  /** The driver's command and arguments (`node examples/mini-emulator/driver.mjs`). */
  readonly command: string;
  readonly args?: readonly string[];
  readonly cwd?: string;
  readonly runs?: number;
  readonly seed?: number;
  /** What the target supports and its known divergences. Default: Twilio's (everything, no divergence). */
  readonly profile?: Profile;
  /** Time limit of one kit message (ack included), in ms. Default 5000. */
  readonly timeoutMs?: number;
  /** Seconds a request time or a duration may differ from the reference's. Default 1. */
  readonly toleranceSeconds?: number;
  /** Replays the one call at this fast-check path (printed in a finding's replay line) with the same seed. */
  readonly replayPath?: string;
  readonly maxShrinks?: number;
  /** Ids of the properties to check (`--property`); all of them when absent or empty. */
  readonly properties?: readonly string[];
  /** Choices where the sources are silent, as for `interpret()`; the same defaults. */
  readonly interpret?: InterpretOptions;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One INTERP-* property as the runner sees it: data for the report (the comparison names problems by id). */
export interface InterpreterProperty {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly severity: 'error' | 'warning' | 'security';
}

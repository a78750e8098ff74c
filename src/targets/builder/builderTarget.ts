import type { TwimlDocument } from '../../model/document.js';
import type { TargetRecipe } from '../../check/parallel/caseMessages.js';
import type { CallStyle } from './callStyle.js';

/**
 * What a builder made of one document. `refused` is the builder saying no (it threw, or answered an
 * error over stdio); `broken` is the builder failing as a program (timeout, crash, garbage on stdout);
 * `unexpressible` means the target's API has no way to ask for this document, or the builder says it does
 * not support it (a stdio `unsupported` answer, an error with code {@link UNSUPPORTED_CODE}), so the case
 * is skipped.
 */
export type BuildOutcome =
  | { readonly kind: 'xml'; readonly xml: string; readonly steps: readonly string[] }
  | { readonly kind: 'refused'; readonly message: string; readonly steps: readonly string[] }
  | { readonly kind: 'broken'; readonly message: string; readonly steps: readonly string[] }
  | { readonly kind: 'unexpressible'; readonly reason: string };

export interface BuildOptions {
  /** Record the exact calls made (slower); the runner asks for it only when replaying a counterexample. */
  readonly trace?: boolean;
  /** How to call the builder's API; only a target that lists the style in `callStyles` sees `typed`. Default `strings`. */
  readonly calls?: CallStyle;
}

/**
 * A builder module that cannot express a document (an older API, another dialect) throws an error whose
 * `code` is this string; the case is skipped, not a finding. Over stdio, the answer `{"id":N,"unsupported":"…"}` says the same.
 */
export const UNSUPPORTED_CODE = 'DIALKIT_UNSUPPORTED';

/** Whether a thrown value is the "this API cannot express that" marker. */
export function isUnsupportedError(error: unknown): boolean {
  return error !== null && typeof error === 'object' && (error as { code?: unknown }).code === UNSUPPORTED_CODE;
}

/**
 * The tiny interface every builder adapter shares. Adapters are extended by wrapping (a timeout, a
 * transcript), never by subclassing.
 */
export interface BuilderTarget {
  /** A short description for reports: `twilio twiml.VoiceResponse`, `stdio: python3 builder.py`. */
  readonly name: string;
  /** The call styles the target can be driven with. Default `['strings']`. */
  readonly callStyles?: readonly CallStyle[];
  build(document: TwimlDocument, options?: BuildOptions): Promise<BuildOutcome>;
  /**
   * The same build, done synchronously, for targets whose builder is synchronous (an in-process class
   * such as the twilio package's). Optional: wrappers use it to skip the promise and timer machinery
   * per case, which is a measurable share of the check's cost for a fast builder.
   */
  readonly buildNow?: (document: TwimlDocument, options?: BuildOptions) => BuildOutcome;
  /** Releases what the target holds (a child process). Safe to call twice. */
  close(): Promise<void>;
  /** How a worker thread loads the same builder (a module target), so workers can build and judge too. */
  readonly workerRecipe?: TargetRecipe;
}

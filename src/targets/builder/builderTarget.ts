import type { TwimlDocument } from '../../model/document.js';

/**
 * What a builder made of one document. `refused` is the builder saying no (it threw, or answered an
 * error over stdio); `broken` is the builder failing as a program (timeout, crash, garbage on stdout);
 * `unexpressible` means the target's API has no way to ask for this document, so the case is skipped.
 */
export type BuildOutcome =
  | { readonly kind: 'xml'; readonly xml: string; readonly steps: readonly string[] }
  | { readonly kind: 'refused'; readonly message: string; readonly steps: readonly string[] }
  | { readonly kind: 'broken'; readonly message: string; readonly steps: readonly string[] }
  | { readonly kind: 'unexpressible'; readonly reason: string };

export interface BuildOptions {
  /** Record the exact calls made (slower); the runner asks for it only when replaying a counterexample. */
  readonly trace?: boolean;
}

/**
 * The tiny interface every builder adapter shares. Adapters are extended by wrapping (a timeout, a
 * transcript), never by subclassing.
 */
export interface BuilderTarget {
  /** A short description for reports: `twilio twiml.VoiceResponse`, `stdio: python3 builder.py`. */
  readonly name: string;
  build(document: TwimlDocument, options?: BuildOptions): Promise<BuildOutcome>;
  /**
   * The same build, done synchronously, for targets whose builder is synchronous (an in-process class
   * such as the twilio package's). Optional: wrappers use it to skip the promise and timer machinery
   * per case, which is a measurable share of the check's cost for a fast builder.
   */
  readonly buildNow?: (document: TwimlDocument, options?: BuildOptions) => BuildOutcome;
  /** Releases what the target holds (a child process). Safe to call twice. */
  close(): Promise<void>;
}

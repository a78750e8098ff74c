/**
 * What playing one `<Gather>` or `<Record>` comes to, for the call walk: a request to the verb's
 * action, going on with the next verb of the document, the end of the call, or a verb the kit
 * cannot play (a summary says why).
 */
export type VerbPlay =
  | {
      readonly kind: 'request';
      readonly role: 'gather-action' | 'record-action';
      readonly method: 'GET' | 'POST';
      /** Absolute, fragment dropped. For GET the params are not in it: the request builder adds them. */
      readonly url: string;
      /** The call's standard parameters (CallStatus brought up to date) and then the verb's own. */
      readonly params: Readonly<Record<string, string>>;
      /** False when the caller hung up: Twilio cannot execute the answer on a call that has ended. */
      readonly callerOnLine: boolean;
      readonly summary: string;
    }
  | { readonly kind: 'next'; readonly summary: string }
  | { readonly kind: 'hangup'; readonly summary: string }
  | { readonly kind: 'unplayable'; readonly summary: string };

/** Where the verb is played. */
export interface PlayContext {
  /** The URL of the document holding the verb: the default action and the base of a relative one. */
  readonly documentUrl: string;
  /** The call's standard request parameters, as the last request about the call carried them. */
  readonly callParams: Readonly<Record<string, string>>;
  /**
   * Makes the identifiers a play invents (RecordingSid, RecordingUrl) the same on every replay; give
   * each played verb its own seed, or two `<Record>`s of one call get the same RecordingSid.
   */
  readonly seed: number;
}

/**
 * The choices a `<Gather>` or `<Record>` play makes where the Twilio pages the kit read are silent
 * (see the page facts `gather-*`, `record-*` in reference/trace/pageFacts.ts). Each is named here, with
 * its default, so a profile can change it; none is presented as Twilio's documented behaviour.
 */
export interface VerbPlayOptions {
  /**
   * Whether a Gather's Digits ends with the finishOnKey that ended it. The pages say the key submits
   * the digits (page §gather-flow) but not whether it is part of Digits; default: left out.
   */
  readonly gatherDigitsWithFinishKey: boolean;
  /**
   * What a Gather does when the caller hangs up during it: `nothing` (no request, the call ends) or
   * `request-with-input` (the digits pressed before the hangup go to the action, whose answer is not
   * executed). The pages are silent; default `nothing`.
   */
  readonly gatherHangup: 'nothing' | 'request-with-input';
  /**
   * Whether `actionOnEmptyResult="true"` makes a Gather with no input request its action anyway. The
   * Twilio pages read only name the attribute (page §err-13338); the meaning is that of the
   * compatible platforms' pages (SignalWire's cXML Gather). Default `honour`; `ignore` goes on with the
   * next verb as if it were false. The request then carries no Gather parameter (sources silent).
   */
  readonly actionOnEmptyResult: 'honour' | 'ignore';
  /** The parameter names of a speech result: not in the pages read; default SpeechResult and Confidence. */
  readonly speechParams: { readonly result: string; readonly confidence: string };
  /** How many decimals Confidence is written with at most (trailing zeros dropped); sources silent, default 8. */
  readonly confidenceDecimals: number;
  /** Digits of a Record's action after the caller hung up: not in the pages read; default `hangup`. */
  readonly recordHangupDigits: string;
  /**
   * Digits of a Record that ended by silence or maxLength, not by a key: `absent` or `empty`. The
   * pages say Digits is the key "if any" (page §record-finish); default `absent`.
   */
  readonly recordDigitsWithoutKey: 'absent' | 'empty';
  /** Whether a Record's action carries RecordingSid: not in the pages read (page §record-params); default true. */
  readonly recordingSid: boolean;
  /** CallStatus on an action requested after the caller hung up: sources silent; default `completed`. */
  readonly statusAfterHangup: string;
}

export const VERB_PLAY_OPTIONS: VerbPlayOptions = {
  gatherDigitsWithFinishKey: false,
  gatherHangup: 'nothing',
  actionOnEmptyResult: 'honour',
  speechParams: { result: 'SpeechResult', confidence: 'Confidence' },
  confidenceDecimals: 8,
  recordHangupDigits: 'hangup',
  recordDigitsWithoutKey: 'absent',
  recordingSid: true,
  statusAfterHangup: 'completed',
};

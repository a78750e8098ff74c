/** Twilio grades TwiML problems as errors (the call fails) or warnings (the call goes on). */
export type Severity = 'error' | 'warning';

/** One problem the validator found, as data. */
export interface Diagnostic {
  /** Stable id, e.g. `dial.timeout.range`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Twilio's error or warning code, e.g. 13212. */
  readonly code: number;
  /** Where: `/Response/Dial[1]/@timeout`. */
  readonly path: string;
  /** One sentence naming the attribute or element, the value found and what is allowed. */
  readonly message: string;
  /** 1-based position in the XML text, when the problem was found while parsing. */
  readonly line?: number;
  readonly column?: number;
}

/**
 * The kinds of value an attribute can hold. The validator checks them, the generators produce
 * valid and invalid values from them, the comparison normalises by them.
 */
export type ValueKind =
  /** One of a fixed set of strings, compared case-sensitively. `aliases` map a legacy value to the documented one. */
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly aliases?: Readonly<Record<string, string>> }
  /** Exactly `true` or `false`. */
  | { readonly kind: 'boolean' }
  /** Decimal digits only, within [min, max]. `maxWhen24h` replaces `max` with the 24-hour call option. */
  | { readonly kind: 'integer'; readonly min: number; readonly max: number; readonly maxWhen24h?: number }
  /**
   * A relative or absolute URL; absolute ones must be http or https. `hostWithoutUnderscore`: an absolute
   * URL's host may not hold `_` (facts §2.2 statusCallback, §2.3 clientNotificationUrl).
   */
  | { readonly kind: 'url'; readonly hostWithoutUnderscore?: true }
  /** Space-separated tokens, each from `values`. */
  | { readonly kind: 'eventList'; readonly values: readonly string[] }
  /** A caller id whose allowed forms depend on the nouns dialed (seed §callerId). */
  | { readonly kind: 'callerId' }
  /** DTMF digits to send after answer ([NUMBER] sendDigits). */
  | { readonly kind: 'digits'; readonly alphabet: string }
  /** Free text, at most `maxLength` UTF-16 code units when given. */
  | { readonly kind: 'text'; readonly maxLength?: number };

export type ValueKindName = ValueKind['kind'];

/** The ways a value can break its kind. Each becomes the last part of a rule id. */
export type ValueProblem = 'enum' | 'boolean' | 'integer' | 'range' | 'url' | 'event' | 'format' | 'chars' | 'length';

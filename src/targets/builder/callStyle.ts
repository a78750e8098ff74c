/**
 * How the kit calls a builder's API. `strings`: every attribute value as the string the document
 * holds. `typed`: the value types the API declares (numbers for integers, booleans, arrays for event
 * lists) and options left unset passed as `undefined` or `null`, the way users call it (facts §6,
 * twilio's TypeScript typings). Both run in every check; a finding's steps show which was used.
 */
export type CallStyle = 'strings' | 'typed';

export const CALL_STYLES: readonly CallStyle[] = ['strings', 'typed'];

import fc from 'fast-check';

/** A Twilio SID: a two-letter prefix and 32 hex digits (`CA…`, `AC…`, `AP…`, `DE…`). */
export function hexSid(prefix: string, constraints: { readonly mixedCase?: boolean } = {}): fc.Arbitrary<string> {
  const hex = constraints.mixedCase === true ? '0123456789abcdefABCDEF' : '0123456789abcdef';
  return fc.array(fc.constantFrom(...hex), { minLength: 32, maxLength: 32 }).map((chars) => `${prefix}${chars.join('')}`);
}

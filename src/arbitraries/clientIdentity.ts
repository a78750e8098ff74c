import fc from 'fast-check';
import { MAX_CLIENT_IDENTITY } from '../../reference/spec/elements.js';

/** Characters an identity may hold, hostile ones included (`&`, `'`, non-BMP); never space, control or `<>#%"{}|\^[]\``. */
const IDENTITY_CHARS = ['a', 'b', 'Z', '0', '9', '_', '-', '.', '@', '&', "'", '+', '/', 'é', '中', '😀', '𝄞'] as const;

/**
 * A valid Voice SDK identity, from one character up to exactly the 256-character limit, sometimes with
 * white space around it (Twilio trims the content).
 * @see facts §2.3 [CLIENT]
 */
export function clientIdentity(): fc.Arbitrary<string> {
  const short = fc.array(fc.constantFrom(...IDENTITY_CHARS), { minLength: 1, maxLength: 24 });
  const atLimit = fc.array(fc.constantFrom(...IDENTITY_CHARS), { minLength: MAX_CLIENT_IDENTITY, maxLength: MAX_CLIENT_IDENTITY });
  return fc
    .tuple(fc.oneof({ arbitrary: short, weight: 8 }, { arbitrary: atLimit, weight: 1 }), fc.constantFrom('', '', ' ', '\n\t'))
    .map(([chars, edge]) => `${edge}${chars.join('')}${edge}`);
}

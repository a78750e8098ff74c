import fc from 'fast-check';

export type PhoneForm = 'e164' | 'national';

export interface PhoneNumberConstraints {
  /** Which written forms to produce. Default both. */
  readonly forms?: readonly PhoneForm[];
  /** Allow white space around the number (Twilio trims it). Default false. */
  readonly edgeWhitespace?: boolean;
}

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((list) => list.join(''));

/**
 * A phone number Twilio accepts: E.164 (`+` and up to 15 digits) or a national number with the
 * formatting characters the docs show (`415-123-4567`, `(415) 555-1212`).
 * @see seed §Nouns; facts §1.3 13223 (E.164, at most 15 digits)
 */
export function phoneNumber(constraints: PhoneNumberConstraints = {}): fc.Arbitrary<string> {
  const forms = constraints.forms ?? ['e164', 'national'];
  const choices: fc.Arbitrary<string>[] = [];
  if (forms.includes('e164')) {
    choices.push(fc.tuple(fc.integer({ min: 1, max: 9 }), digits(6, 14)).map(([first, rest]) => `+${first}${rest}`));
  }
  if (forms.includes('national')) {
    choices.push(
      fc.tuple(digits(3, 3), digits(3, 3), digits(4, 4), fc.constantFrom('dash', 'paren', 'dot', 'plain', 'space')).map(([area, exchange, line, style]) => {
        switch (style) {
          case 'dash':
            return `${area}-${exchange}-${line}`;
          case 'paren':
            return `(${area}) ${exchange}-${line}`;
          case 'dot':
            return `${area}.${exchange}.${line}`;
          case 'space':
            return `${area} ${exchange} ${line}`;
          default:
            return `${area}${exchange}${line}`;
        }
      }),
    );
  }
  const number = fc.oneof(...choices);
  if (constraints.edgeWhitespace !== true) return number;
  return fc.tuple(fc.constantFrom('', ' ', '\n  ', '\t'), number, fc.constantFrom('', ' ', '\n')).map(([before, value, after]) => `${before}${value}${after}`);
}

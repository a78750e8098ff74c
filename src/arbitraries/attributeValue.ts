import fc from 'fast-check';
import type { AttributeSpec } from '../../reference/spec/attributes.js';
import { hostileText } from './hostileText.js';
import { phoneNumber } from './phoneNumber.js';
import { twilioUrl } from './twilioUrl.js';

export interface AttributeValueConstraints {
  /** Allow timeLimit past 14400 (the 24-hour call setting). Default false, like the validator. */
  readonly allow24HourCalls?: boolean;
}

/**
 * A VALID value for one attribute of the spec table: every enumerated value and alias, both booleans,
 * integer bounds and their neighbours inside, URLs of every form, event lists in any order, text with
 * hostile characters up to its limit. callerId depends on the nouns and is picked by the Dial generator.
 * @see reference/spec/attributes.ts (seed attribute table, facts §2)
 */
export function attributeValue(spec: AttributeSpec, constraints: AttributeValueConstraints = {}): fc.Arbitrary<string> {
  const kind = spec.value;
  switch (kind.kind) {
    case 'enum':
      return fc.constantFrom(...kind.values, ...Object.keys(kind.aliases ?? {}));
    case 'boolean':
      return fc.constantFrom('true', 'false');
    case 'integer': {
      const max = constraints.allow24HourCalls === true && kind.maxWhen24h !== undefined ? kind.maxWhen24h : kind.max;
      return fc
        .oneof(
          fc.constantFrom(kind.min, Math.min(kind.min + 1, max), Math.max(max - 1, kind.min), max),
          fc.integer({ min: kind.min, max }),
        )
        .map(String);
    }
    case 'url':
      return twilioUrl();
    case 'eventList':
      return fc.shuffledSubarray([...kind.values], { minLength: 1 }).map((events) => events.join(' '));
    case 'callerId':
      return phoneNumber({ forms: ['e164'] });
    case 'digits':
      return fc.array(fc.constantFrom(...kind.alphabet), { minLength: 1, maxLength: 20 }).map((chars) => chars.join(''));
    case 'text':
      return hostileText({ maxLength: kind.maxLength ?? 60, allowEmpty: true });
  }
}

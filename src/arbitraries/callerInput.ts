import fc from 'fast-check';
import type { CallerInput } from '../model/callerInput.js';
import { plainRecord } from './plainRecord.js';

const KINDS: readonly CallerInput['kind'][] = ['silence', 'keys', 'speech', 'hangup'];
const KEYS = [...'0123456789*#'];
const WORDS = ['sales', 'support', 'yes', 'no', 'one', 'two', 'operator', 'billing'] as const;

/**
 * A gate that shrinks to 0 and picks from a list by it, so a counterexample shrinks toward the first
 * entry (unlike `oneof`, which never shrinks from one branch to another).
 */
function pick<T>(values: readonly T[]): fc.Arbitrary<T> {
  return fc.nat({ max: values.length - 1 }).map((index) => values[index] as T);
}

/**
 * What a caller does while a `<Gather>` or `<Record>` listens: keys, a phrase, silence or a hangup,
 * with a confidence and a number of seconds. Shrinks toward silence, no keys, no words, confidence 0
 * and 0 seconds. Small: up to 6 keys, 3 words and 20 seconds.
 */
export function callerInput(): fc.Arbitrary<CallerInput> {
  return plainRecord({
    kind: pick(KINDS),
    keys: fc.array(pick(KEYS), { maxLength: 6 }).map((keys) => keys.join('')),
    speech: fc.array(pick(WORDS), { maxLength: 3 }).map((words) => words.join(' ')),
    // Hundredths: what a recogniser reports is written with a few decimals anyway.
    confidence: fc.nat({ max: 100 }).map((hundredths) => hundredths / 100),
    seconds: fc.nat({ max: 20 }),
  });
}

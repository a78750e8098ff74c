import fc from 'fast-check';
import { MAX_QUEUE_NAME } from '../../reference/spec/elements.js';
import type { QueueNoun } from '../model/dial.js';
import { elementAttributes, type ElementAttributesConstraints } from './elementAttributes.js';
import { hostileText } from './hostileText.js';

/** A valid `<Queue>`: a name of 1 to 63 characters, sometimes exactly 63. @see facts §2.6 [QUEUE]; facts §8.9 */
export function queueNoun(constraints: ElementAttributesConstraints = {}): fc.Arbitrary<QueueNoun> {
  return fc
    .record({ attributes: elementAttributes('Queue', constraints), text: hostileText({ maxLength: MAX_QUEUE_NAME, nonBlank: true }) })
    .map(({ attributes, text }) => ({ kind: 'Queue', attributes, text }));
}

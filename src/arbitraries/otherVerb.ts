import fc from 'fast-check';
import type { GenericElement } from '../model/document.js';
import { hostileText } from './hostileText.js';
import { twilioUrl } from './twilioUrl.js';

export interface OtherVerbConstraints {
  /** Which verbs. Default Say, Play, Pause, Hangup, Redirect, Record. */
  readonly verbs?: readonly ('Say' | 'Play' | 'Pause' | 'Hangup' | 'Redirect' | 'Record')[];
}

const text = (value: string): GenericElement['children'] => [{ kind: 'text', text: value }];

/**
 * A voice verb other than `<Dial>`, kept generic: what runs before `<Dial>` or after it when there is
 * no `action` (seed §action: "the next verb"). Their own attributes are outside the kit's scope, so
 * only plain, documented-looking ones are used.
 * @see seed §action; facts §1 [TWIML]
 */
export function otherVerb(constraints: OtherVerbConstraints = {}): fc.Arbitrary<GenericElement> {
  const verbs = constraints.verbs ?? ['Say', 'Play', 'Pause', 'Hangup', 'Redirect', 'Record'];
  const make: Record<string, fc.Arbitrary<GenericElement>> = {
    Say: fc
      .record({ words: hostileText({ maxLength: 80 }), voice: fc.constantFrom(undefined, 'alice', 'Polly.Joanna') })
      .map(({ words, voice }): GenericElement => ({ kind: 'element', name: 'Say', attributes: voice === undefined ? {} : { voice }, children: text(words) })),
    Play: twilioUrl({ forms: ['absolute'] }).map((url) => ({ kind: 'element', name: 'Play', attributes: {}, children: text(url) })),
    Pause: fc.integer({ min: 1, max: 10 }).map((length) => ({ kind: 'element', name: 'Pause', attributes: { length: String(length) }, children: [] })),
    Hangup: fc.constant({ kind: 'element', name: 'Hangup', attributes: {}, children: [] }),
    Redirect: fc
      .record({ url: twilioUrl(), method: fc.constantFrom('GET', 'POST') })
      .map(({ url, method }) => ({ kind: 'element', name: 'Redirect', attributes: { method }, children: text(url) })),
    Record: fc.integer({ min: 1, max: 3600 }).map((maxLength) => ({ kind: 'element', name: 'Record', attributes: { maxLength: String(maxLength) }, children: [] })),
  };
  return fc.oneof(...verbs.map((verb) => make[verb] as fc.Arbitrary<GenericElement>));
}

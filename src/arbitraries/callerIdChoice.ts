import fc from 'fast-check';
import type { NounName } from '../model/dial.js';
import { valueProblem } from '../../reference/values.js';
import { builtOnce } from './builtOnce.js';
import { phoneNumber } from './phoneNumber.js';

/** Raw material for a callerId: one candidate of every documented form and a preferred one. */
export interface CallerIdChoice {
  readonly preferred: number;
  readonly candidates: readonly string[];
}

/**
 * Candidates in every form the seed allows: E.164, national, `client:identity`, the alphanumeric
 * form for `<Sip>` and `whatsapp:+…` for `<WhatsApp>`. Which one is used is decided once the nouns
 * are known ({@link pickCallerId}), so the document's nouns and its callerId shrink independently.
 * @see seed §callerId; facts §2.8 [WA]
 */
export function callerIdChoice(): fc.Arbitrary<CallerIdChoice> {
  return builtOnce(BUILT, '', buildCallerIdChoice);
}

/** Built once: every Dial arbitrary asks for one, and `stringMatching` is costly to build. */
const BUILT = new Map<string, fc.Arbitrary<CallerIdChoice>>();

function buildCallerIdChoice(): fc.Arbitrary<CallerIdChoice> {
  return fc
    .record({
      preferred: fc.nat({ max: 4 }),
      e164: phoneNumber({ forms: ['e164'] }),
      national: phoneNumber({ forms: ['national'] }),
      client: fc.stringMatching(/^[A-Za-z0-9_.@&'+-]{1,20}$/).map((id) => `client:${id}`),
      sip: fc.stringMatching(/^[A-Za-z0-9+_.-]{1,30}$/),
      whatsapp: fc.integer({ min: 1_000_000, max: 999_999_999 }).map((n) => `whatsapp:+1${n}`),
    })
    .map(({ preferred, e164, national, client, sip, whatsapp }) => ({ preferred, candidates: [e164, national, client, sip, whatsapp] }));
}

/** The first candidate, starting at the preferred one, that is valid for every noun dialed; undefined if none is. */
export function pickCallerId(choice: CallerIdChoice, nouns: readonly (NounName | 'text')[]): string | undefined {
  const count = choice.candidates.length;
  for (let step = 0; step < count; step += 1) {
    const candidate = choice.candidates[(choice.preferred + step) % count] as string;
    if (valueProblem({ kind: 'callerId' }, candidate, { nouns, allow24HourCalls: false }) === undefined) return candidate;
  }
  return undefined;
}

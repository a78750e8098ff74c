import type { DialOutcome, LegOutcome } from '../../src/model/outcome.js';

/** The outcome shorthands of `dial-kit interpret --outcome`. */
export const OUTCOME_KINDS = ['answered', 'busy', 'no-answer', 'failed', 'canceled', 'caller-hangup', 'caller-hangup-bridged', 'star', 'time-limit'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export function isOutcomeKind(value: string): value is OutcomeKind {
  return (OUTCOME_KINDS as readonly string[]).includes(value);
}

/** Talk long enough that any timeLimit (at most 24 h) ends the call first. */
const BEYOND_ANY_LIMIT = 86400 * 2;

/**
 * A whole outcome from a shorthand: the first leg answers after `ring` seconds (the others ring on)
 * for the answered kinds; every leg behaves alike for the others.
 */
export function shorthandOutcome(kind: OutcomeKind, legCount: number, ring: number, talk: number): DialOutcome {
  const all = (leg: LegOutcome): LegOutcome[] => Array.from({ length: legCount }, () => leg);
  const firstAnswers = (): LegOutcome[] => Array.from({ length: legCount }, (_, index) => (index === 0 ? { response: { kind: 'answer', afterSeconds: ring } } : { response: { kind: 'ring' } }));
  const calleeHangup = { talkSeconds: talk, endedBy: 'callee-hangup' } as const;
  switch (kind) {
    case 'answered':
      return { legs: firstAnswers(), bridge: calleeHangup };
    case 'busy':
      return { legs: all({ response: { kind: 'busy', afterSeconds: ring } }), bridge: calleeHangup };
    case 'no-answer':
      return { legs: all({ response: { kind: 'ring' } }), bridge: calleeHangup };
    case 'failed':
      return { legs: all({ response: { kind: 'fail', afterSeconds: ring } }), bridge: calleeHangup };
    case 'canceled':
      return { legs: all({ response: { kind: 'ring' } }), bridge: calleeHangup, canceledAt: ring };
    case 'caller-hangup':
      return { legs: all({ response: { kind: 'ring' } }), bridge: calleeHangup, callerHangupWhileRingingAt: ring };
    case 'caller-hangup-bridged':
      return { legs: firstAnswers(), bridge: { talkSeconds: talk, endedBy: 'caller-hangup' } };
    case 'star':
      return { legs: firstAnswers(), bridge: { talkSeconds: talk, endedBy: 'star' } };
    case 'time-limit':
      return { legs: firstAnswers(), bridge: { talkSeconds: BEYOND_ANY_LIMIT, endedBy: 'callee-hangup' } };
  }
}

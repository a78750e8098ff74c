import type { Grade } from '../grade.js';
import type { AnswerObservation } from './answerObservation.js';

/** One thing wrong with one answer. */
export interface Problem {
  /** One sentence. */
  readonly message: string;
  /** Twilio's error or warning code, when there is one. */
  readonly code?: number;
  /** Overrides the property's severity for this problem (e.g. a validator warning under an error property). */
  readonly severity?: 'error' | 'warning' | 'security';
  /** A stable name for the kind of problem, used to tell bugs apart (fingerprint). */
  readonly key: string;
}

export interface EndpointCheckContext {
  readonly timeoutMs: number;
}

/**
 * An endpoint property: a rule every answer of a conforming app keeps, judged on one observed answer.
 * Properties are data: the runner receives them as an argument and never knows their ids.
 */
export interface EndpointProperty {
  readonly id: string;
  readonly title: string;
  /** Seed section or `facts §n` the rule comes from. */
  readonly source: string;
  readonly severity: 'error' | 'warning' | 'security';
  /** Default `must`. */
  readonly grade?: Grade;
  check(observation: AnswerObservation, context: EndpointCheckContext): readonly Problem[];
}

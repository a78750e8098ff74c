import type { Grade } from '../grade.js';
import type { AnswerObservation } from './answerObservation.js';
import type { CallTranscript } from './walkCall.js';

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

/** One thing wrong with a whole call, pointing at the answer where it shows. */
export interface CallProblem extends Problem {
  /** Index into the transcript's observations of the answer the finding points at. */
  readonly at: number;
}

export interface EndpointCheckContext {
  readonly timeoutMs: number;
  /** Requests carry X-Twilio-Signature (an auth token was given). */
  readonly signed: boolean;
  /** Most TwiML documents followed per call. */
  readonly maxSteps: number;
}

/**
 * An endpoint property: a rule every answer of a conforming app keeps, judged on one observed answer
 * (`check`), or a rule the call as a whole keeps (`checkCall`: how it flows from one answer to the
 * next). Properties are data: the runner receives them as an argument and never knows their ids.
 */
export interface EndpointProperty {
  readonly id: string;
  readonly title: string;
  /** Seed section or `facts §n` the rule comes from. */
  readonly source: string;
  readonly severity: 'error' | 'warning' | 'security';
  /** Default `must`. */
  readonly grade?: Grade;
  check?(observation: AnswerObservation, context: EndpointCheckContext): readonly Problem[];
  /** Whether this answer is one the property judges (default: every answer). A property that judged nothing in a run is reported not exercised. */
  judges?(observation: AnswerObservation): boolean;
  checkCall?(transcript: CallTranscript, context: EndpointCheckContext): readonly CallProblem[];
  /** Whether this call gave the property something to judge (default: every call). */
  judgesCall?(transcript: CallTranscript): boolean;
  /** Sentences for the report after the run, e.g. an expected status the run never produced. */
  notes?(tally: RunTally): readonly string[];
}

/** What a run reached, for properties' notes. */
export interface RunTally {
  readonly calls: number;
  /** `<Dial>`s that ended with each DialCallStatus and whose next step the kit could see. */
  readonly judgedStatuses: ReadonlyMap<string, number>;
}

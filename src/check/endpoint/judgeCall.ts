import type { AnswerObservation } from './answerObservation.js';
import type { EndpointCheckContext, EndpointProperty, Problem } from './endpointProperty.js';
import type { CallTranscript } from './walkCall.js';

/** One problem a property found in a played call, and the answer it points at. */
export interface Judged {
  readonly property: EndpointProperty;
  readonly problem: Problem;
  readonly observation: AnswerObservation;
  /** Fails the call: everything but a warning under `lenient`. */
  readonly fails: boolean;
}

/** Judges a played call: every answer with each property's `check`, then the call with each `checkCall`. */
export function judgeCall(transcript: CallTranscript, properties: readonly EndpointProperty[], context: EndpointCheckContext, lenient: boolean): Judged[] {
  const judged: Judged[] = [];
  const add = (property: EndpointProperty, problem: Problem, observation: AnswerObservation): void => {
    const severity = problem.severity ?? property.severity;
    judged.push({ property, problem, observation, fails: severity !== 'warning' || !lenient });
  };
  for (const observation of transcript.observations) {
    for (const property of properties) {
      for (const problem of property.check?.(observation, context) ?? []) add(property, problem, observation);
    }
  }
  for (const property of properties) {
    for (const problem of property.checkCall?.(transcript, context) ?? []) {
      const observation = transcript.observations[problem.at] ?? transcript.observations[transcript.observations.length - 1];
      if (observation !== undefined) add(property, problem, observation);
    }
  }
  return judged;
}

/** Whether the call gave the property anything to judge (an answer it judges, or a call it judges). */
export function exercises(transcript: CallTranscript, property: EndpointProperty): boolean {
  if (property.checkCall !== undefined) return property.judgesCall?.(transcript) ?? true;
  const judges = property.judges;
  return judges === undefined ? transcript.observations.length > 0 : transcript.observations.some((observation) => judges(observation));
}

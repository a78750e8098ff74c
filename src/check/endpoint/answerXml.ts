import type { AnswerObservation } from './answerObservation.js';

/** Longest answer text kept per step: enough to read a `<Dial>`, not a whole 64 kB body in every report. */
export const ANSWER_XML_SHOWN = 2000;

/** One TwiML answer of a call, as the app wrote it. */
export interface StoryAnswer {
  /** Which document of the call (1 = the first answer). */
  readonly step: number;
  readonly role: string;
  /** The URL the answer came from (after any HTTP redirects). */
  readonly url: string;
  /** The answer's text, cut to {@link ANSWER_XML_SHOWN} characters with a marker saying how much is left out. */
  readonly xml: string;
}

/**
 * The TwiML the app answered along a call, step by step, up to and including `last` when given: what
 * a reader of a finding wants beside the call story. Answers Twilio would not read as TwiML (a 500,
 * a body that is not UTF-8) and the answers to signature probes are left out.
 */
export function storyAnswers(observations: readonly AnswerObservation[], last?: AnswerObservation): StoryAnswer[] {
  const answers: StoryAnswer[] = [];
  for (const observation of observations) {
    const probe = observation.role === 'signature-tampered' || observation.role === 'signature-missing';
    if (observation.expectsTwiml && !probe && observation.text !== undefined) {
      answers.push({ step: observation.step, role: observation.role, url: observation.request.url, xml: cut(observation.text) });
    }
    if (observation === last) break;
  }
  return answers;
}

function cut(text: string): string {
  if (text.length <= ANSWER_XML_SHOWN) return text;
  const left = text.length - ANSWER_XML_SHOWN;
  return `${text.slice(0, ANSWER_XML_SHOWN)}\n… (${left.toLocaleString('en-US')} more characters cut)`;
}

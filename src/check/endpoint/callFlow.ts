import type { TextNode, TwimlDocument, Verb } from '../../model/document.js';
import type { AnswerRole } from './answerObservation.js';

/**
 * What a call does next after a `<Dial>` ends: the first verb reached that changes the call, with
 * `hangup` also for a document that ends. The names `--expect` accepts.
 * @see seed §action (the action's TwiML takes over; without action, the next verb runs or the call ends)
 */
export const NEXT_STEPS = ['hangup', 'dial', 'record', 'gather', 'enqueue', 'reject', 'connect', 'leave', 'pay'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** Verbs that run and hand over to the next one without changing the call: the walk reads past them. */
export const PASS_THROUGH: ReadonlySet<string> = new Set(['Say', 'Play', 'Pause']);

/** The next-step name of a verb that changes the call (`Hangup` → `hangup`); other verbs are named in lower case too. */
export function nextStepOf(verbName: string): string {
  return verbName.toLowerCase();
}

/** A top-level node's verb name (`Dial`, `Say`, …), or undefined for text. */
export function verbName(node: Verb | TextNode): string | undefined {
  return node.kind === 'text' ? undefined : node.kind === 'element' ? node.name : node.kind;
}

/**
 * The first verb of `document` that changes the call, read without fetching anything: `hangup` when the
 * document ends first, undefined when a `<Redirect>` comes first (where it leads is not known here).
 */
export function firstChangingVerb(document: TwimlDocument, from = 0): string | undefined {
  for (const verb of document.verbs.slice(from)) {
    const name = verbName(verb);
    if (name === undefined || PASS_THROUGH.has(name)) continue;
    return name === 'Redirect' ? undefined : nextStepOf(name);
  }
  return 'hangup';
}

/** One TwiML document the call fetched and executed. */
export interface FlowStep {
  readonly step: number;
  readonly role: AnswerRole;
  readonly method: string;
  readonly url: string;
  /** The same request answered the same way: two steps with one key are one state of the call. */
  readonly key: string;
  /** Index of the answer among the transcript's observations. */
  readonly at: number;
  /** The caller was asked for input in this document (`<Gather>` played): the caller can steer out of a loop through it. */
  readonly gathered: boolean;
}

/** A state the call came back to: the steps from its first visit up to (not including) the return. */
export interface FlowCycle {
  readonly steps: readonly FlowStep[];
  readonly returnsAt: FlowStep;
}

/** The first state the call returns to, with the steps of its cycle. */
export function firstCycle(flow: readonly FlowStep[]): FlowCycle | undefined {
  const seen = new Map<string, number>();
  for (const [index, step] of flow.entries()) {
    const earlier = seen.get(step.key);
    if (earlier !== undefined) return { steps: flow.slice(earlier, index), returnsAt: step };
    seen.set(step.key, index);
  }
  return undefined;
}

/** The state key of a fetched document: method, absolute URL (query included) and the answer's text. */
export function stateKey(method: string, url: string, text: string): string {
  return `${method} ${url}\n${text}`;
}

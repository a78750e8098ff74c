/**
 * The call-flow catalogue: rules about where a call goes from one answer to the next, judged on the
 * whole call the kit played (src/check/endpoint/walkCall.ts), not on one answer.
 */
import { firstCycle, type FlowCycle, type FlowStep } from '../src/check/endpoint/callFlow.js';
import type { DialEpisode } from '../src/check/endpoint/callStory.js';
import type { CallProblem, EndpointProperty, RunTally } from '../src/check/endpoint/endpointProperty.js';
import { expectationFor, expectationText, type Expectation } from '../src/check/endpoint/expectation.js';
import type { CallTranscript } from '../src/check/endpoint/walkCall.js';

/** `step 2 action POST http://…/dial-status (after <Dial>: no-answer)`. */
function stepText(step: FlowStep, dials: readonly DialEpisode[]): string {
  const after = dials.filter((dial) => dial.step === step.step - 1 && step.role === 'action').map((dial) => dial.status ?? '?');
  return `step ${step.step} ${step.role} ${step.method} ${step.url}${after.length === 0 ? '' : ` (after <Dial>: ${after.join(', ')})`}`;
}

function cycleText(cycle: FlowCycle, dials: readonly DialEpisode[]): string {
  const path = cycle.steps.map((step) => stepText(step, dials)).join(' -> ');
  const first = cycle.steps[0] as FlowStep;
  return `${path} -> step ${cycle.returnsAt.step} is step ${first.step} again (the same request answered the same way)`;
}

/** The call's loop, when it ran out of steps inside one; whether the caller is asked for input on it. */
function loopOf(transcript: CallTranscript): { cycle: FlowCycle | undefined; steered: boolean } | undefined {
  if (transcript.end !== 'max-steps') return undefined;
  const cycle = firstCycle(transcript.flow);
  return { cycle, steered: cycle?.steps.some((step) => step.gathered) === true };
}

function lastAnswer(transcript: CallTranscript): number {
  return transcript.flow[transcript.flow.length - 1]?.at ?? transcript.observations.length - 1;
}

/**
 * The call ends: it does not come back to a state it was in without the caller being asked anything
 * (a redirect loop, a redial while nobody answers), and it ends within `--max-steps` documents.
 * @see seed §action (the action's TwiML takes over the call); facts §5 (Redirects); kit policy for --max-steps
 */
export const callEnds: EndpointProperty = {
  id: 'EP-FLOW-END',
  title: 'the call ends: no loop the caller cannot leave, and at most --max-steps documents',
  source: 'seed §action; seed §DialCallStatus; kit policy (--max-steps)',
  severity: 'error',
  checkCall(transcript, context) {
    const loop = loopOf(transcript);
    if (loop === undefined || loop.steered) return [];
    if (loop.cycle === undefined) {
      return [{ key: 'flow.max-steps', at: lastAnswer(transcript), message: `the call was still going after --max-steps ${context.maxSteps} documents without repeating a state; if the flow is this long, raise --max-steps` }];
    }
    return [{ key: `flow.loop.${loop.cycle.steps.map((step) => step.role).join('-')}`, at: loop.cycle.returnsAt.at, message: `the call loops and never ends: ${cycleText(loop.cycle, transcript.story.dials)}` }];
  },
};

/**
 * A menu that asks again forever: the call comes back to a `<Gather>` state and would go round as long
 * as the caller gives the same answer (often: none). Twilio allows it; callers rarely want it.
 * @see page §gather-no-digits (no input: the next verb runs)
 */
export const menuEnds: EndpointProperty = {
  id: 'EP-FLOW-MENU-LOOP',
  title: 'a menu that gets the same answer (or none) again and again ends the call at some point',
  source: 'page §gather-no-digits; kit heuristic (should)',
  severity: 'warning',
  grade: 'should',
  judgesCall: (transcript) => transcript.flow.some((step) => step.gathered),
  checkCall(transcript) {
    const loop = loopOf(transcript);
    if (loop?.cycle === undefined || !loop.steered) return [];
    return [{ key: 'flow.menu-loop', at: loop.cycle.returnsAt.at, message: `the menu asks again forever for the same input: ${cycleText(loop.cycle, transcript.story.dials)}` }];
  },
};

function completedThenDial(transcript: CallTranscript): { first: DialEpisode; again: DialEpisode }[] {
  const dials = transcript.story.dials;
  const pairs: { first: DialEpisode; again: DialEpisode }[] = [];
  for (const [index, first] of dials.entries()) {
    const again = dials[index + 1];
    if (first.status === 'completed' && first.next === 'dial' && again !== undefined) pairs.push({ first, again });
  }
  return pairs;
}

/**
 * Dialing the same party again after a call that completed: the callee answered and the call ended
 * normally, so a new `<Dial>` to them is almost always a status mix-up (e.g. `'complete'` compared).
 * @see seed §DialCallStatus (completed: the called party answered and the call ended normally)
 */
export const noRedialAfterCompleted: EndpointProperty = {
  id: 'EP-FLOW-REDIAL',
  title: 'after DialCallStatus completed the call does not dial the same party again',
  source: 'seed §DialCallStatus; kit heuristic (should)',
  severity: 'warning',
  grade: 'should',
  judgesCall: (transcript) => transcript.story.dials.some((dial) => dial.status === 'completed' && dial.next !== undefined),
  checkCall(transcript) {
    const problems: CallProblem[] = [];
    for (const { first, again } of completedThenDial(transcript)) {
      const same = (again.targets ?? []).filter((target) => (first.targets ?? []).includes(target));
      if (same.length === 0) continue;
      const at = first.nextAt ?? lastAnswer(transcript);
      problems.push({ key: 'flow.redial-completed', at, message: `after <Dial> at step ${first.step} ended completed, the call dials ${same.join(', ')} again at step ${again.step}` });
    }
    return problems.slice(0, 1);
  },
};

/**
 * The user's expectations (`--expect`): after a `<Dial>` ends with a named DialCallStatus, the first
 * verb that changes the call is one of the expected ones.
 * @see seed §DialCallStatus; seed §action
 */
export function expectationsHold(expectations: readonly Expectation[]): EndpointProperty {
  const named = expectations.flatMap((expectation) => expectation.statuses);
  return {
    id: 'EP-EXPECT',
    title: `after each DialCallStatus the call does what --expect says (${expectations.map(expectationText).join('; ')})`,
    source: 'seed §DialCallStatus; seed §action; the user\'s --expect',
    severity: 'error',
    judgesCall: (transcript) => transcript.story.dials.some((dial) => dial.next !== undefined && expectationFor(expectations, dial.status ?? '') !== undefined),
    checkCall(transcript) {
      for (const dial of transcript.story.dials) {
        if (dial.next === undefined || dial.status === undefined) continue;
        const expectation = expectationFor(expectations, dial.status);
        if (expectation === undefined || expectation.next.some((next) => next === dial.next)) continue;
        const at = dial.nextAt ?? lastAnswer(transcript);
        const where = transcript.observations[at];
        const shown = where === undefined ? '' : ` (step ${where.step}, the ${where.role} answer of ${where.request.method} ${where.request.url})`;
        return [
          {
            key: `expect.${expectationText(expectation)}.${dial.next}`,
            at,
            message: `after <Dial> at step ${dial.step} ended ${dial.status}, the call went on to ${dial.next}${shown}; expected ${expectation.next.join(' or ')} (--expect ${expectationText(expectation)})`,
          },
        ];
      }
      return [];
    },
    notes(tally: RunTally) {
      const missing = named.filter((status) => (tally.judgedStatuses.get(status) ?? 0) === 0);
      if (missing.length === 0) return [];
      return [`never exercised in ${tally.calls} calls: no <Dial> ended ${missing.join(', ')} with the call going on, so what the app does then was not checked`];
    },
  };
}

/** The flow properties every endpoint run checks. */
export const FLOW_PROPERTIES: readonly EndpointProperty[] = [callEnds, menuEnds, noRedialAfterCompleted];

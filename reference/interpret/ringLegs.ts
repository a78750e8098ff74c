import type { DialOutcome, LegOutcome } from '../../src/model/outcome.js';
import type { DialedLeg } from '../legs.js';
import type { ResolvedOptions } from './options.js';
import type { DialSettings } from './settings.js';

/** Final state of one child leg, as its `completed` status callback would report it. */
export type LegStatus = 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';

export interface LegRun {
  readonly leg: DialedLeg;
  readonly outcome: LegOutcome;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly status: LegStatus;
  /** The leg reached the ringing state (answered or rang; a busy/failed leg as option busyLegRang says). */
  readonly rang: boolean;
  readonly answeredAt?: number;
}

export type RingEnd = 'answer' | 'busy' | 'failed' | 'timeout' | 'canceled' | 'caller-hangup-ringing' | 'no-legs';

export interface RingPhase {
  /** Legs that were dialed, in the order they started. */
  readonly runs: readonly LegRun[];
  readonly answered?: LegRun;
  /** When the ringing phase ended: the answer, the give-up, or the interruption. */
  readonly endedAt: number;
  readonly end: RingEnd;
  /** The run whose end decided the status (the answered leg when there is one). */
  readonly decisive?: LegRun;
}

interface Alone {
  readonly endsAt: number;
  readonly status: LegStatus;
  readonly answers: boolean;
}

/**
 * How one leg ends if nothing else happens, `limit` seconds after it starts.
 * @see seed §timeout (no-answer when the timeout passes); seed §DialCallStatus (busy, failed); facts §2.6 — rules interp.timeout, interp.queue
 */
function alone(outcome: LegOutcome, limit: number): Alone {
  const response = outcome.response;
  if (response.kind !== 'ring' && response.afterSeconds < limit) {
    const status: LegStatus = response.kind === 'answer' ? 'completed' : response.kind === 'busy' ? 'busy' : 'failed';
    return { endsAt: response.afterSeconds, status, answers: response.kind === 'answer' };
  }
  return { endsAt: limit, status: 'no-answer', answers: false };
}

/**
 * Whether a leg rang. One that answers or is left ringing did; whether one the callee refuses (busy,
 * failed) rang first, the sources do not say: option busyLegRang. @see seed §record, seed §DialCallStatus — rule interp.busy-leg.rang
 */
function rangOf(leg: DialedLeg, legOut: LegOutcome, a: Alone, settings: DialSettings, options: ResolvedOptions, notes: string[]): boolean {
  const kind = legOut.response.kind;
  if (kind === 'answer' || kind === 'ring' || a.status === 'no-answer') return true;
  const events = leg.node.kind === 'text' ? undefined : leg.node.attributes.statusCallbackEvent;
  const matters = settings.record.startsWith('record-from-ringing') || /\bringing\b/.test(events ?? '');
  if (matters) notes.push(`interp.busy-leg.rang: leg ${leg.index} is refused (${kind}); option busyLegRang=${options.busyLegRang} says whether it rang first.`);
  return options.busyLegRang === 'from-dial';
}

/** @see facts §3.3, §4.2 — rule interp.caller-hangup.ringing; seed §DialCallStatus (canceled via the REST API) */
function interruptOf(outcome: DialOutcome): { at: number; end: 'canceled' | 'caller-hangup-ringing' } | undefined {
  const hangup = outcome.callerHangupWhileRingingAt;
  const cancel = outcome.canceledAt;
  if (hangup === undefined && cancel === undefined) return undefined;
  if (cancel === undefined || (hangup !== undefined && hangup <= cancel)) return { at: hangup as number, end: 'caller-hangup-ringing' };
  return { at: cancel, end: 'canceled' };
}

function legOutcome(outcome: DialOutcome, index: number, notes: string[]): LegOutcome {
  const found = outcome.legs[index];
  if (found !== undefined) return found;
  notes.push(`interp.outcome.missing-leg: the outcome has no entry for leg ${index}; it rings without answer.`);
  return { response: { kind: 'ring' } };
}

/**
 * Parallel: every leg starts at 0, the first to answer wins and the others are ended.
 * @see facts §2.1 ([NUMBER]/[CLIENT]: rung simultaneously, first answer wins, rest hung up) — rule interp.parallel
 */
function parallel(legs: readonly DialedLeg[], outcome: DialOutcome, settings: DialSettings, options: ResolvedOptions, notes: string[]): RingPhase {
  const alones = legs.map((leg) => ({ leg, outcome: legOutcome(outcome, leg.index, notes) })).map((entry) => ({ ...entry, alone: alone(entry.outcome, settings.ringLimit) }));
  const answers = alones.filter((entry) => entry.alone.answers).sort((a, b) => a.alone.endsAt - b.alone.endsAt || a.leg.index - b.leg.index);
  const winner = answers[0];
  const naturalEnd = winner?.alone.endsAt ?? Math.max(...alones.map((entry) => entry.alone.endsAt));
  const interrupt = interruptOf(outcome);
  const cut = interrupt !== undefined && interrupt.at < naturalEnd ? interrupt : undefined;
  const stopAt = cut?.at ?? naturalEnd;
  const runs: LegRun[] = alones.map(({ leg, outcome: legOut, alone: a }) => {
    const rang = rangOf(leg, legOut, a, settings, options, notes);
    if (winner !== undefined && cut === undefined && leg.index === winner.leg.index) {
      return { leg, outcome: legOut, startedAt: 0, endedAt: a.endsAt, status: 'completed', rang: true, answeredAt: a.endsAt };
    }
    // At the same instant an answer comes first, then a busy or failed leg, then the cancel or the caller's
    // hang-up: the sources are silent on ties, the order is the kit's choice (src/check/interpreter/playCall.ts
    // sends the events in this order). So a leg refused at the cut keeps its status; one refused as another answers is canceled.
    const endsFirst = a.endsAt < stopAt || (a.endsAt === stopAt && (winner === undefined || cut !== undefined));
    if (endsFirst) {
      return { leg, outcome: legOut, startedAt: 0, endedAt: a.endsAt, status: a.status === 'completed' ? 'canceled' : a.status, rang };
    }
    return { leg, outcome: legOut, startedAt: 0, endedAt: stopAt, status: 'canceled', rang };
  });
  if (cut !== undefined) {
    const canceled = runs.find((run) => run.status === 'canceled') ?? runs[0];
    return { runs, endedAt: cut.at, end: cut.end, ...(canceled === undefined ? {} : { decisive: canceled }) };
  }
  const answered = winner === undefined ? undefined : runs[winner.leg.index];
  if (answered !== undefined) return { runs, answered, endedAt: stopAt, end: 'answer', decisive: answered };
  const decisive = decisiveRun(runs, options, notes);
  return { runs, endedAt: stopAt, end: endOf(decisive.status), decisive };
}

function endOf(status: LegStatus): RingEnd {
  return status === 'busy' ? 'busy' : status === 'failed' ? 'failed' : 'timeout';
}

/** Which unanswered leg's end names the DialCallStatus: the sources are silent (option unansweredParallelStatus). */
function decisiveRun(runs: readonly LegRun[], options: ResolvedOptions, notes: string[]): LegRun {
  if (runs.length > 1) notes.push(`interp.parallel.status: no leg answered; option unansweredParallelStatus=${options.unansweredParallelStatus} picks the status.`);
  if (options.unansweredParallelStatus === 'no-answer-first') {
    for (const status of ['no-answer', 'busy', 'failed'] as const) {
      const found = runs.find((run) => run.status === status);
      if (found !== undefined) return found;
    }
  }
  let last = runs[0] as LegRun;
  for (const run of runs) if (run.endedAt >= last.endedAt) last = run;
  return last;
}

/**
 * Sequential: legs ring one after another in document order until one answers.
 * @see facts §1.1 (sequential="true" rings nouns one after another) — rule interp.sequential;
 * how `timeout` applies is not stated: option sequentialTimeout.
 */
function sequential(legs: readonly DialedLeg[], outcome: DialOutcome, settings: DialSettings, options: ResolvedOptions, notes: string[]): RingPhase {
  notes.push(`interp.sequential.timeout: option sequentialTimeout=${options.sequentialTimeout} (the sources do not say how timeout applies to sequential legs).`);
  const interrupt = interruptOf(outcome);
  const runs: LegRun[] = [];
  let now = 0;
  for (const leg of legs) {
    const limit = options.sequentialTimeout === 'per-leg' ? settings.ringLimit : settings.ringLimit - now;
    if (limit <= 0) break;
    const legOut = legOutcome(outcome, leg.index, notes);
    const a = alone(legOut, limit);
    const rang = rangOf(leg, legOut, a, settings, options, notes);
    // A leg that ends at the instant of the interruption ends first (the kit's order for ties, as in parallel).
    if (interrupt !== undefined && interrupt.at < now + a.endsAt) {
      const at = Math.max(now, interrupt.at);
      const run: LegRun = { leg, outcome: legOut, startedAt: now, endedAt: at, status: 'canceled', rang };
      runs.push(run);
      return { runs, endedAt: at, end: interrupt.end, decisive: run };
    }
    if (a.answers) {
      const run: LegRun = { leg, outcome: legOut, startedAt: now, endedAt: now + a.endsAt, status: 'completed', rang: true, answeredAt: now + a.endsAt };
      runs.push(run);
      return { runs, answered: run, endedAt: run.endedAt, end: 'answer', decisive: run };
    }
    const run: LegRun = { leg, outcome: legOut, startedAt: now, endedAt: now + a.endsAt, status: a.status, rang };
    runs.push(run);
    now = run.endedAt;
  }
  const decisive = runs[runs.length - 1];
  if (decisive === undefined) return { runs, endedAt: 0, end: 'no-legs' };
  return { runs, endedAt: decisive.endedAt, end: endOf(decisive.status), decisive };
}

/** The ringing phase of a `<Dial>`: from its start to the answer, the give-up, or an interruption. */
export function ringLegs(legs: readonly DialedLeg[], outcome: DialOutcome, settings: DialSettings, options: ResolvedOptions, notes: string[]): RingPhase {
  if (legs.length === 0) {
    notes.push('interp.no-legs: the <Dial> dials nothing; it ends at once as failed (no source covers an empty <Dial>).');
    return { runs: [], endedAt: 0, end: 'no-legs' };
  }
  return settings.sequential && legs.length > 1 ? sequential(legs, outcome, settings, options, notes) : parallel(legs, outcome, settings, options, notes);
}

import fc from 'fast-check';
import { dialedLegs } from '../../reference/legs.js';
import type { DialVerb } from '../model/dial.js';
import type { DialOutcome, LegOutcome, LegResponse } from '../model/outcome.js';
import { outcomeFor } from './dialOutcome.js';
import { outcomeMaterial, type OutcomeMaterial } from './outcomeMaterial.js';
import { plainRecord } from './plainRecord.js';

/** DialCallStatus values an outcome can be aimed at. @see seed §DialCallStatus */
export type AimedStatus = 'completed' | 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';

/** Outcome material with the status it is aimed at, if any. */
export interface AimedMaterial {
  readonly material: OutcomeMaterial;
  readonly aim: AimedStatus | undefined;
}

/**
 * Material aimed, four times in five, at one of `statuses`, so a run exercises every DialCallStatus a
 * user's expectation names (a random outcome reaches `failed` on a two-leg `<Dial>` rarely). The aim
 * shrinks to none, back to the plain material.
 */
export function aimedMaterial(statuses: readonly AimedStatus[]): fc.Arbitrary<AimedMaterial> {
  const aim = statuses.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...statuses), { nil: undefined, freq: 5 });
  return plainRecord({ material: outcomeMaterial(), aim });
}

/** Legs that ring a party (a conference is joined, a queue serves): only these are steered. */
const PARTY_KINDS: ReadonlySet<string> = new Set(['text', 'Number', 'Client', 'Sip', 'Sim', 'WhatsApp', 'Application']);

function steered(leg: LegOutcome, response: LegResponse): LegOutcome {
  // What a leg carries besides its response belongs to an answered leg.
  return response.kind === 'answer' ? { ...leg, response } : { response, ...(leg.sip === undefined ? {} : { sip: leg.sip }) };
}

/**
 * The outcome fitted to `dial` and steered toward `aim`: every dialed party busy, failing or not
 * answering at once (within any `timeout`); the first one answering (the call completes, or is `answered` for a conference); or the
 * dial canceled through the REST API while it rings. Nothing else changes, and conference and queue
 * legs keep their own responses, so the interpreter may still derive another status; coverage counts
 * what it derived, never the aim.
 * @see seed §DialCallStatus; seed §timeout (no-answer); facts §4.2 (canceled)
 */
export function aimedOutcome(dial: DialVerb, { material, aim }: AimedMaterial): DialOutcome {
  const outcome = outcomeFor(dial, material);
  if (aim === undefined) return outcome;
  const kinds = dialedLegs(dial).map((leg) => leg.kind);
  const legs = outcome.legs.map((leg, index) => {
    if (!PARTY_KINDS.has(kinds[index] ?? '')) return leg;
    switch (aim) {
      case 'completed':
      case 'answered':
        return index === 0 ? steered(leg, { kind: 'answer', afterSeconds: 0 }) : steered(leg, { kind: 'ring' });
      case 'busy':
        return steered(leg, { kind: 'busy', afterSeconds: 0 });
      case 'failed':
        return steered(leg, { kind: 'fail', afterSeconds: 0 });
      case 'no-answer':
      case 'canceled':
        return steered(leg, { kind: 'ring' });
    }
  });
  const { callerHangupWhileRingingAt: _hangup, canceledAt: _cancel, ...rest } = outcome;
  const answered = aim === 'completed' || aim === 'answered';
  return {
    ...rest,
    legs,
    ...(answered ? { bridge: { ...outcome.bridge, endedBy: outcome.bridge.endedBy === 'caller-hangup' ? 'callee-hangup' : outcome.bridge.endedBy } } : {}),
    ...(aim === 'canceled' ? { canceledAt: 1 } : {}),
  };
}

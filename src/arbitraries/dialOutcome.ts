import fc from 'fast-check';
import { dialedLegs, type DialedLeg } from '../../reference/legs.js';
import type { DialVerb } from '../model/dial.js';
import type { AmdOutcome, AnsweredBy, ConferenceOutcome, DialOutcome, LegOutcome, LegResponse, WhisperOutcome } from '../model/outcome.js';
import { DEFAULT_LEG, outcomeMaterial, type LegExtraMaterial, type LegMaterial, type OutcomeMaterial } from './outcomeMaterial.js';

export interface DialOutcomeConstraints {
  /** Leave out the optional events (caller hangup while ringing, cancel, refer, recording). Default false. */
  readonly plain?: boolean;
}

/** SIP final responses that fit each leg response ([SIP]: DialSipResponseCode). */
const SIP_CODES: Readonly<Record<LegResponse['kind'], readonly number[]>> = {
  answer: [200],
  busy: [486, 600, 486, 600],
  fail: [404, 480, 503, 403],
  ring: [487, 408, 487, 408],
};

/** The response a leg can have given its noun: a conference is joined or fails; a queue serves, waits empty, or fails. */
function responseFor(leg: DialedLeg, material: LegMaterial): LegResponse {
  let kind = material.response;
  if (leg.kind === 'Conference' && (kind === 'busy' || kind === 'ring')) kind = 'answer';
  if (leg.kind === 'Queue' && kind === 'busy') kind = 'ring';
  return kind === 'ring' ? { kind } : { kind, afterSeconds: material.afterSeconds };
}

function integerAttribute(dial: DialVerb, name: string, fallback: number): number {
  const raw = dial.attributes[name];
  return raw !== undefined && /^[0-9]+$/.test(raw) ? Number(raw) : fallback;
}

/** Recording happens only when `record` asks for it (seed §record) or the conference records (facts §2.5 [CONF]). */
export function recordsCall(dial: DialVerb): boolean {
  const record = dial.attributes.record;
  if (record !== undefined && record !== 'do-not-record' && record !== 'false') return true;
  return dial.children.some((child) => child.kind === 'Conference' && child.attributes.record === 'record-from-start');
}

/** Verdicts each machineDetection mode can give (https://www.twilio.com/docs/voice/answering-machine-detection, AnsweredBy). */
const VERDICTS: Readonly<Record<'Enable' | 'DetectMessageEnd', readonly AnsweredBy[]>> = {
  Enable: ['human', 'machine_start', 'fax', 'unknown'],
  DetectMessageEnd: ['human', 'machine_end_beep', 'machine_end_silence', 'machine_end_other', 'fax', 'unknown'],
};

/** AMD only on an answered <Number>/<Sip> with machineDetection; a whisper only where the noun has a url. */
function extrasFor(leg: DialedLeg, response: LegResponse, extra: LegExtraMaterial | undefined): Partial<LegOutcome> {
  if (extra === undefined || response.kind !== 'answer' || leg.node.kind === 'text') return {};
  const attributes = leg.node.attributes;
  const mode = attributes.machineDetection;
  const out: { amd?: AmdOutcome; whisper?: WhisperOutcome; conference?: ConferenceOutcome } = {};
  if (leg.kind === 'Conference' && extra.conference !== undefined) out.conference = extra.conference;
  if ((leg.kind === 'Number' || leg.kind === 'Sip') && (mode === 'Enable' || mode === 'DetectMessageEnd')) {
    const verdicts = VERDICTS[mode];
    const answeredBy = verdicts.includes(extra.answeredBy) ? extra.answeredBy : (verdicts[ANSWERED_BY_INDEX[extra.answeredBy] % verdicts.length] as AnsweredBy);
    out.amd = { answeredBy, afterMs: extra.amdAfterMs };
  }
  if (attributes.url !== undefined && attributes.url.trim() !== '' && extra.whisperSeconds !== undefined) out.whisper = { seconds: extra.whisperSeconds, hangup: extra.whisperHangup };
  return out;
}

const ANSWERED_BY_INDEX: Readonly<Record<AnsweredBy, number>> = { human: 0, machine_start: 1, machine_end_beep: 2, machine_end_silence: 3, machine_end_other: 4, fax: 5, unknown: 6 };

/**
 * Fits raw material to one `<Dial>`: one leg outcome per dialed leg in order (reference/legs.ts), SIP
 * details only on `<Sip>` legs, `star` only with hangupOnStar="true", a recording only when the call
 * records, a REFER only with referUrl. Times are whole seconds.
 * @see seed §hangupOnStar, §timeLimit, §record, §referUrl, §sequential; facts §2.4 [SIP]
 */
export function outcomeFor(dial: DialVerb, material: OutcomeMaterial, constraints: DialOutcomeConstraints = {}): DialOutcome {
  const legs = dialedLegs(dial).map((leg): LegOutcome => {
    const raw = material.legs[leg.index] ?? DEFAULT_LEG;
    const response = responseFor(leg, raw);
    const outcome: LegOutcome = { response, ...extrasFor(leg, response, material.legExtras[leg.index]) };
    if (leg.kind === 'Sip') {
      const codes = SIP_CODES[response.kind];
      return { ...outcome, sip: { callId: raw.sipCallId, responseCode: codes[raw.sipCode % codes.length] as number, headers: raw.sipHeaders } };
    }
    if (leg.kind === 'Queue' && response.kind === 'answer') return { ...outcome, queueWaitSeconds: raw.queueWaitSeconds };
    return outcome;
  });
  const timeLimit = integerAttribute(dial, 'timeLimit', 14400);
  const talkSeconds = material.pastTimeLimit ? timeLimit + (material.talkSeconds % 120) : material.talkSeconds % (timeLimit + 1);
  const starAllowed = dial.attributes.hangupOnStar === 'true';
  const endedBy = material.endedBy === 'star' && !starAllowed ? 'callee-hangup' : material.endedBy;
  const plain = constraints.plain === true;
  return {
    legs,
    bridge: { talkSeconds, endedBy, ...(material.childRedirected ? { childRedirected: true } : {}) },
    ...(!plain && material.callerHangupWhileRingingAt !== undefined ? { callerHangupWhileRingingAt: material.callerHangupWhileRingingAt } : {}),
    ...(!plain && material.canceledAt !== undefined ? { canceledAt: material.canceledAt } : {}),
    ...(!plain && material.recording !== undefined && recordsCall(dial) ? { recording: { status: material.recording } } : {}),
    ...(!plain && material.referAfterSeconds !== undefined && dial.attributes.referUrl !== undefined
      ? { refer: { afterSeconds: material.referAfterSeconds, transferTarget: material.referTarget } }
      : {}),
  };
}

/** A call outcome consistent with `dial`. */
export function dialOutcome(dial: DialVerb, constraints: DialOutcomeConstraints = {}): fc.Arbitrary<DialOutcome> {
  return outcomeMaterial().map((material) => outcomeFor(dial, material, constraints));
}

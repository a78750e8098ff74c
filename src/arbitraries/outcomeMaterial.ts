import fc from 'fast-check';
import { MAX_CALL_LEGS } from '../../reference/spec/elements.js';
import type { AnsweredBy, ConferenceEvent, ConferenceOutcome } from '../model/outcome.js';
import { plainRecord } from './plainRecord.js';

/** What one leg does, before it is fitted to the noun it belongs to. */
export interface LegMaterial {
  readonly response: 'answer' | 'busy' | 'fail' | 'ring';
  readonly afterSeconds: number;
  readonly sipCallId: string;
  /** Index into the SIP codes that fit the response. */
  readonly sipCode: number;
  readonly sipHeaders: Readonly<Record<string, string>>;
  readonly queueWaitSeconds: number;
}

/**
 * The raw material of a call outcome, drawn independently of any document: up to ten legs and every
 * optional event. Legs past the end of `legs` answer at once ({@link DEFAULT_LEG}); a variable length
 * lets shrinking drop the legs before the one that matters, so it can move to the front. {@link outcomeFor} cuts it to the document's legs and drops what the document does
 * not allow, so a document and its outcome shrink together (no `chain`).
 */
export interface OutcomeMaterial {
  readonly legs: readonly LegMaterial[];
  readonly talkSeconds: number;
  /** Talk runs past the Dial's timeLimit. */
  readonly pastTimeLimit: boolean;
  readonly endedBy: 'callee-hangup' | 'caller-hangup' | 'star';
  readonly childRedirected: boolean;
  readonly callerHangupWhileRingingAt: number | undefined;
  readonly canceledAt: number | undefined;
  readonly recording: 'completed' | 'absent' | undefined;
  readonly referAfterSeconds: number | undefined;
  readonly referTarget: string;
  /** Per leg, in leg order: what AMD decides and how the url TwiML runs (read only where the document asks for them). */
  readonly legExtras: readonly LegExtraMaterial[];
}

/** AMD and whisper material of one leg, drawn after everything else so earlier draws stay as they were. */
export interface LegExtraMaterial {
  readonly answeredBy: AnsweredBy;
  readonly amdAfterMs: number;
  /** Whisper seconds; undefined: the outcome says nothing about the url TwiML. */
  readonly whisperSeconds: number | undefined;
  readonly whisperHangup: boolean;
  /** The conference room around the caller, for `<Conference>` legs (undefined: the defaults). */
  readonly conference: ConferenceOutcome | undefined;
}

/** The simplest leg: answers at once, plain SIP details. */
export const DEFAULT_LEG: LegMaterial = { response: 'answer', afterSeconds: 0, sipCallId: '0000000000000000@sip.example', sipCode: 0, sipHeaders: {}, queueWaitSeconds: 0 };

const SIP_HEADER_VALUES = ['1', 'O&#39;Brien', 'a&b', '<x>', ' edge ', 'é😀'] as const;

function legMaterial(): fc.Arbitrary<LegMaterial> {
  return plainRecord({
    response: fc.constantFrom('answer', 'busy', 'fail', 'ring'),
    afterSeconds: fc.nat({ max: 60 }),
    sipCallId: fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: 16, maxLength: 32 }).map((chars) => `${chars.join('')}@sip.example`),
    sipCode: fc.nat({ max: 3 }),
    sipHeaders: fc.dictionary(fc.constantFrom('X-Customer', 'X-Reason', 'X-Trace-Id', 'X-Emoji'), fc.constantFrom(...SIP_HEADER_VALUES), { maxKeys: 3 }),
    queueWaitSeconds: fc.nat({ max: 600 }),
  });
}

/** Present about one time in four; shrinks to absent, so a counterexample keeps only the events it needs. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  // A gate that shrinks to 0, unlike oneof, which never shrinks from one branch to another.
  return fc.tuple(fc.nat({ max: 3 }), arbitrary).map(([gate, value]) => (gate === 3 ? value : undefined));
}

const ANSWERED_BY: readonly AnsweredBy[] = ['human', 'machine_start', 'machine_end_beep', 'machine_end_silence', 'machine_end_other', 'fax', 'unknown'];

function legExtraMaterial(): fc.Arbitrary<LegExtraMaterial> {
  return plainRecord({
    answeredBy: fc.constantFrom(...ANSWERED_BY),
    // Up to past the largest machineDetectionTimeout (60 s), so timeouts happen.
    amdAfterMs: fc.nat({ max: 65000 }),
    whisperSeconds: sometimes(fc.nat({ max: 30 })),
    whisperHangup: fc.boolean(),
    conference: sometimes(conferenceMaterial()),
  });
}

const CONFERENCE_EVENTS: readonly ConferenceEvent['kind'][] = ['mute', 'unmute', 'hold', 'unhold', 'speech-start', 'speech-stop'];

function conferenceMaterial(): fc.Arbitrary<ConferenceOutcome> {
  return plainRecord(
    {
      alreadyStarted: fc.boolean(),
      startedAfterSeconds: fc.nat({ max: 300 }),
      othersRemain: fc.boolean(),
      events: fc.array(plainRecord({ afterSeconds: fc.nat({ max: 600 }), kind: fc.constantFrom(...CONFERENCE_EVENTS) }), { maxLength: 4 }),
    },
    { requiredKeys: [] },
  );
}

export function outcomeMaterial(): fc.Arbitrary<OutcomeMaterial> {
  return plainRecord({
    legs: fc.array(legMaterial(), { maxLength: MAX_CALL_LEGS }),
    talkSeconds: fc.nat({ max: 3600 }),
    pastTimeLimit: fc.boolean(),
    endedBy: fc.constantFrom('callee-hangup', 'caller-hangup', 'star'),
    childRedirected: fc.nat({ max: 4 }).map((gate) => gate === 4),
    callerHangupWhileRingingAt: sometimes(fc.nat({ max: 120 })),
    canceledAt: sometimes(fc.nat({ max: 120 })),
    recording: fc.constantFrom(undefined, 'completed', 'absent'),
    referAfterSeconds: sometimes(fc.nat({ max: 600 })),
    referTarget: fc.constantFrom('sip:transfer@example.com', 'tel:+14155550100', 'sip:o%27brien@example.org?X-A=1&X-B=2'),
    legExtras: fc.array(legExtraMaterial(), { maxLength: MAX_CALL_LEGS }),
  });
}

import type { ConferenceEvent } from '../../src/model/outcome.js';
import type { VoiceRequestParams } from '../../src/model/outcome.js';
import type { BridgePhase } from './bridge.js';
import { rfc2822 } from './clock.js';
import { derivedRequest } from './derivedRequest.js';
import type { Timed } from './legCallbacks.js';
import { legAttributes, methodOf, urlAttribute } from './legInfo.js';
import type { LegRun } from './ringLegs.js';
import { sidFor } from './sid.js';
import { parentParams } from './voiceParams.js';

export interface ConferenceContext {
  readonly documentUrl: string;
  readonly epochMs: number;
  readonly parentCallSid: string;
  readonly accountSid: string;
  readonly request: VoiceRequestParams;
  readonly seed: number;
  /** @see option conferenceSequenceStart */
  readonly sequenceStart: 0 | 1;
}

/** The events statusCallbackEvent selects, and the StatusCallbackEvent values each stands for. */
const EVENT_NAMES: Readonly<Record<string, readonly string[]>> = {
  start: ['conference-start'],
  end: ['conference-end'],
  join: ['participant-join'],
  leave: ['participant-leave'],
  mute: ['participant-mute', 'participant-unmute'],
  hold: ['participant-hold', 'participant-unhold'],
  speaker: ['participant-speech-start', 'participant-speech-stop'],
};

const OUTCOME_EVENT: Readonly<Record<ConferenceEvent['kind'], string>> = {
  mute: 'participant-mute',
  unmute: 'participant-unmute',
  hold: 'participant-hold',
  unhold: 'participant-unhold',
  'speech-start': 'participant-speech-start',
  'speech-stop': 'participant-speech-stop',
};

function flag(written: string | undefined, fallback: boolean): boolean {
  const value = written?.trim();
  return value === 'true' ? true : value === 'false' ? false : fallback;
}

/**
 * The caller's time in a `<Conference>`: it joins at the answer. A conference starts only once at least two
 * participants are in it and one has startConferenceOnEnter="true" (default): the first caller waits (hold
 * music, waitUrl) until the outcome's startedAfterSeconds, alone all along when it gives none. When the
 * caller leaves, the conference ends if it has endConferenceOnExit="true", if it was the last participant,
 * or (the bridge ended by the other side) because someone else ended it.
 * @see https://www.twilio.com/docs/voice/twiml/conference (startConferenceOnEnter, endConferenceOnExit); page §conference-start — rule interp.conference.timeline
 */
export function conferenceTimeline(run: LegRun, bridged: BridgePhase): { startsAt: number | undefined; endsAt: number | undefined; waiting: boolean } {
  const attributes = legAttributes(run.leg);
  const room = run.outcome.conference ?? {};
  const joinAt = bridged.answeredAt;
  const started = room.alreadyStarted === true;
  const startsAt = started || room.startedAfterSeconds === undefined ? undefined : joinAt + room.startedAfterSeconds;
  const runs = started || (startsAt !== undefined && startsAt <= bridged.endedAt);
  const endsConference = flag(attributes.endConferenceOnExit, false) || room.othersRemain !== true || bridged.endedBy === 'callee-hangup';
  return {
    startsAt: startsAt !== undefined && startsAt <= bridged.endedAt ? startsAt : undefined,
    endsAt: runs && endsConference ? bridged.endedAt : undefined,
    waiting: !started && startsAt !== joinAt,
  };
}

/**
 * The `<Conference statusCallback>` requests for the selected events: ConferenceSid, FriendlyName,
 * AccountSid, Timestamp, StatusCallbackEvent, SequenceNumber; participant events add the participant's
 * CallSid (the caller's own call), Muted, Hold, Coaching, EndConferenceOnExit, StartConferenceOnEnter and
 * ParticipantLabel (when written); conference-end, when this caller's leaving ends it, adds
 * CallSidEndingConference, ParticipantLabelEndingConference and ReasonConferenceEnded.
 * The first participant sets statusCallback and its events: a caller joining a conference already
 * running sends nothing. Without statusCallbackEvent no event is sent: no source gives a default.
 * @see page §conference-callback-params, §conference-first-participant
 * @see https://www.twilio.com/docs/voice/twiml/conference (statusCallback, statusCallbackEvent: start end join leave mute hold
 * modify speaker announcement); facts §2.5 — rules interp.conference.callback, interp.conference.events-default
 */
export function conferenceCallbacks(run: LegRun, bridged: BridgePhase, context: ConferenceContext, notes: string[]): Timed[] {
  if (run.leg.kind !== 'Conference' || run.leg.node.kind !== 'Conference') return [];
  const attributes = legAttributes(run.leg);
  const target = urlAttribute(attributes, 'statusCallback');
  if (target === undefined) return [];
  if (run.outcome.conference?.alreadyStarted === true) {
    notes.push('interp.conference.first-participant: the conference was already running, so an earlier participant set its statusCallback and events; this caller\'s are ignored, nothing is sent to them.');
    return [];
  }
  const written = (attributes.statusCallbackEvent ?? '').split(/\s+/).filter((token) => token !== '');
  if (written.length === 0) {
    notes.push('interp.conference.events-default: <Conference statusCallback> without statusCallbackEvent: no source names a default, so no event is sent.');
    return [];
  }
  const unmodelled = written.filter((token) => token === 'modify' || token === 'announcement');
  if (unmodelled.length > 0) notes.push(`interp.conference.not-modelled: statusCallbackEvent ${unmodelled.join(', ')}: what triggers them (REST updates, announcements) is outside the outcome; none is sent.`);
  const selected = new Set(written.flatMap((token) => EVENT_NAMES[token] ?? []));
  const timeline = conferenceTimeline(run, bridged);
  const endsOnExit = flag(attributes.endConferenceOnExit, false);
  const startsOnEnter = flag(attributes.startConferenceOnEnter, true);
  const coaching = (attributes.coach ?? '').trim() !== '';
  const label = attributes.participantLabel?.trim();
  let muted = flag(attributes.muted, false);
  let hold = false;
  const happened: { name: string; at: number; rank: number }[] = [];
  if (timeline.startsAt !== undefined && timeline.startsAt === bridged.answeredAt) happened.push({ name: 'conference-start', at: timeline.startsAt, rank: 1 });
  happened.push({ name: 'participant-join', at: bridged.answeredAt, rank: 2 });
  if (timeline.startsAt !== undefined && timeline.startsAt > bridged.answeredAt) happened.push({ name: 'conference-start', at: timeline.startsAt, rank: 1 });
  for (const event of run.outcome.conference?.events ?? []) {
    const at = bridged.answeredAt + event.afterSeconds;
    if (at < bridged.endedAt) happened.push({ name: OUTCOME_EVENT[event.kind], at, rank: 3 });
  }
  happened.push({ name: 'participant-leave', at: bridged.endedAt, rank: 4 });
  if (timeline.endsAt !== undefined) happened.push({ name: 'conference-end', at: timeline.endsAt, rank: 5 });
  happened.sort((a, b) => a.at - b.at || a.rank - b.rank);
  const conferenceSid = sidFor('CF', context.seed, `conference:${run.leg.index}`);
  const out: Timed[] = [];
  // The Conference page does not say where SequenceNumber starts: option conferenceSequenceStart (default 0, as call-progress events, facts §4.2).
  let sequence: number = context.sequenceStart;
  for (const step of happened) {
    if (step.name === 'participant-mute' || step.name === 'participant-unmute') muted = step.name === 'participant-mute';
    if (step.name === 'participant-hold' || step.name === 'participant-unhold') hold = step.name === 'participant-hold';
    if (!selected.has(step.name)) continue;
    const params: Record<string, string> = {
      ConferenceSid: conferenceSid,
      FriendlyName: run.leg.node.text.trim(),
      AccountSid: context.accountSid,
      SequenceNumber: String(sequence),
      Timestamp: rfc2822(context.epochMs, step.at),
      StatusCallbackEvent: step.name,
    };
    sequence += 1;
    if (step.name.startsWith('participant-')) {
      Object.assign(params, {
        CallSid: context.parentCallSid,
        Muted: String(muted),
        Hold: String(hold),
        Coaching: String(coaching),
        EndConferenceOnExit: String(endsOnExit),
        StartConferenceOnEnter: String(startsOnEnter),
        ...(label ? { ParticipantLabel: label } : {}),
      });
    }
    if (step.name === 'conference-end') Object.assign(params, endingParams(bridged, { callSid: context.parentCallSid, endsOnExit, label }));
    const request = derivedRequest({
      kind: 'conferenceStatusCallback', at: step.at, method: methodOf(attributes.statusCallbackMethod), target, documentUrl: context.documentUrl, params, nounPath: run.leg.path,
    });
    if (request !== undefined) out.push({ request, rank: 3 });
  }
  return out;
}

/**
 * Who ended the conference, when it is this caller leaving: its CallSid and label, and why
 * (participant-with-end-conference-on-exit-left, or last-participant-left). Ended by someone else
 * (the bridge ended by the other side): the kit does not know who, so none is sent.
 * @see page §conference-callback-params — rule interp.conference.callback
 */
function endingParams(bridged: BridgePhase, caller: { callSid: string; endsOnExit: boolean; label: string | undefined }): Record<string, string> {
  if (bridged.endedBy === 'callee-hangup') return {};
  return {
    CallSidEndingConference: caller.callSid,
    ...(caller.label ? { ParticipantLabelEndingConference: caller.label } : {}),
    ReasonConferenceEnded: caller.endsOnExit ? 'participant-with-end-conference-on-exit-left' : 'last-participant-left',
  };
}

/**
 * A caller who joins a conference that has not started (startConferenceOnEnter="false", nobody has
 * started it) hears the waitUrl TwiML: one request to waitUrl (waitMethod, default POST) about the
 * caller's call. The default waitUrl is Twilio's own hold music, not the app's: no request to the app.
 * The sources list no parameters for it; the caller's standard parameters are sent.
 * @see https://www.twilio.com/docs/voice/twiml/conference (waitUrl, waitMethod; only Play, Say, Pause, Redirect); facts §2.5 — rule interp.conference.wait-url
 */
export function waitUrlRequest(run: LegRun, bridged: BridgePhase, context: ConferenceContext, notes: string[]): Timed[] {
  if (run.leg.kind !== 'Conference') return [];
  const timeline = conferenceTimeline(run, bridged);
  if (!timeline.waiting) return [];
  const attributes = legAttributes(run.leg);
  const target = urlAttribute(attributes, 'waitUrl');
  if (target === undefined) {
    notes.push('interp.conference.wait-url: the caller waits for the conference to start with Twilio\'s default hold music; no request to the app.');
    return [];
  }
  const params = parentParams(context.request, { callSid: context.parentCallSid, accountSid: context.accountSid }, 'in-progress');
  const request = derivedRequest({ kind: 'waitUrl', at: bridged.answeredAt, method: methodOf(attributes.waitMethod), target, documentUrl: context.documentUrl, params, nounPath: run.leg.path });
  return request === undefined ? [] : [{ request, rank: 2 }];
}

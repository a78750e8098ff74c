import type { RecordingOutcome } from '../../src/model/outcome.js';
import { rfc2822 } from './clock.js';
import { derivedRequest } from './derivedRequest.js';
import type { Timed } from './legCallbacks.js';
import type { DialSettings } from './settings.js';

export interface Recording {
  readonly sid: string;
  readonly url: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly channels: 1 | 2;
}

/**
 * The recording made by `<Dial record>`, or undefined when none is made: `record-from-ringing*`
 * starts when the ringing begins (so a `<Dial>` where nothing rang has none), `record-from-answer*`
 * at the answer (so an unanswered call has none).
 * @see seed §record ("start the recording when the ringing begins") — rule interp.recording.start
 * @see seed §recordingTrack (inbound/outbound always mono), seed §record (dual = 2 channels) — rule interp.recording.channels
 */
export function recordingOf(
  settings: DialSettings,
  moments: { readonly ringingFrom: number | undefined; readonly answeredAt: number | undefined },
  endedAt: number,
  ids: { sid: string; accountSid: string },
): Recording | undefined {
  if (settings.record === 'do-not-record') return undefined;
  const fromRinging = settings.record.startsWith('record-from-ringing');
  const startedAt = fromRinging ? moments.ringingFrom : moments.answeredAt;
  if (startedAt === undefined) return undefined;
  const dual = settings.record.endsWith('-dual') && settings.recordingTrack === 'both';
  return {
    sid: ids.sid,
    url: `https://api.twilio.com/2010-04-01/Accounts/${ids.accountSid}/Recordings/${ids.sid}`,
    startedAt,
    endedAt,
    channels: dual ? 2 : 1,
  };
}

/**
 * recordingStatusCallback requests for the selected events. RecordingDuration is sent with
 * `completed` only: the sources list the parameters without saying which event carries which, and
 * the length is known only once the recording is complete.
 * @see seed §recordingStatusCallback (parameters; CallSid is the parent leg; RecordingSource DialVerb),
 * seed §recordingStatusCallbackEvent (in-progress, completed, absent; default completed) — rule interp.recording.callback
 */
export function recordingCallbacks(
  recording: Recording,
  settings: DialSettings,
  outcome: RecordingOutcome | undefined,
  context: { documentUrl: string; epochMs: number; parentCallSid: string; accountSid: string },
): Timed[] {
  if (settings.recordingStatusCallback === undefined) return [];
  const final = outcome?.status ?? 'completed';
  const events: { status: string; at: number; rank: number }[] = [{ status: 'in-progress', at: recording.startedAt, rank: 4 }, { status: final, at: recording.endedAt, rank: 7 }];
  const out: Timed[] = [];
  for (const event of events) {
    if (!settings.recordingStatusCallbackEvents.includes(event.status)) continue;
    const params: Record<string, string> = {
      AccountSid: context.accountSid,
      CallSid: context.parentCallSid,
      RecordingSid: recording.sid,
      RecordingUrl: recording.url,
      RecordingStatus: event.status,
      ...(event.status === 'completed' ? { RecordingDuration: String(recording.endedAt - recording.startedAt) } : {}),
      RecordingChannels: String(recording.channels),
      RecordingStartTime: rfc2822(context.epochMs, recording.startedAt),
      RecordingSource: 'DialVerb',
    };
    const request = derivedRequest({
      kind: 'recordingStatusCallback', at: event.at, method: settings.recordingStatusCallbackMethod, target: settings.recordingStatusCallback, documentUrl: context.documentUrl, params,
    });
    if (request !== undefined) out.push({ request, rank: event.rank });
  }
  return out;
}

import { sidFor } from '../../../reference/interpret/sid.js';
import type { CallerInput } from '../../model/callerInput.js';
import type { GenericElement } from '../../model/document.js';
import { recordSettings, type RecordSettings } from './recordSettings.js';
import { verbAction } from './verbAction.js';
import type { PlayContext, VerbPlay } from './verbPlay.js';
import { VERB_PLAY_OPTIONS, type VerbPlayOptions } from './verbPlayOptions.js';

/** What a `<Record>` records of the caller's input. */
export interface RecordTaken {
  /** Seconds of audio: what the caller said, cut at maxLength. */
  readonly seconds: number;
  /** How the recording ended. */
  readonly endedBy: 'key' | 'timeout' | 'maxLength' | 'hangup';
  /** The finish key pressed, when a key ended it. */
  readonly key: string;
}

/**
 * The recording a `<Record>` makes of the caller's input: the caller talks `seconds` (nothing when
 * silent), then presses keys, falls silent or hangs up. The first key that is one of finishOnKey ends
 * it; keys not in finishOnKey end nothing. Talk as long as maxLength is cut there, before any key or hangup.
 * @see page §record-finish (silence timeout; a finish key stops at once and is sent as Digits), page §record-attributes (maxLength)
 */
export function recordTaken(settings: RecordSettings, input: CallerInput): RecordTaken {
  const talk = input.kind === 'silence' ? 0 : input.seconds;
  if (talk >= settings.maxLength) return { seconds: settings.maxLength, endedBy: 'maxLength', key: '' };
  if (input.kind === 'hangup') return { seconds: talk, endedBy: 'hangup', key: '' };
  const key = input.kind === 'keys' ? ([...input.keys].find((pressed) => settings.finishOnKey.includes(pressed)) ?? '') : '';
  return { seconds: talk, endedBy: key === '' ? 'timeout' : 'key', key };
}

/**
 * Plays a `<Record>` against what the caller does: a recording with audio requests the action with
 * the call's parameters, RecordingUrl, RecordingDuration, RecordingSid (option) and Digits (the finish
 * key, or the hangup value); an empty recording goes on with the next verb, or ends the call when the
 * caller hung up. RecordingSid and RecordingUrl come from the seed, the URL in the shape the
 * interpreter gives `<Dial record>` recordings (reference/interpret/recording.ts).
 * @see page §record-action (empty recording: no request, next verb), page §record-params, page §record-finish;
 * the choices the pages leave open are {@link VerbPlayOptions}
 */
export function playRecord(record: GenericElement, context: PlayContext, input: CallerInput, options: VerbPlayOptions = VERB_PLAY_OPTIONS): VerbPlay {
  const settings = recordSettings(record.attributes);
  if (typeof settings === 'string') return { kind: 'unplayable', summary: settings };
  const taken = recordTaken(settings, input);
  const hungUp = taken.endedBy === 'hangup';
  if (taken.seconds === 0) {
    const empty = `the recording is empty (the caller ${input.kind === 'silence' ? 'said nothing' : 'talked 0 s'})`;
    return hungUp ? { kind: 'hangup', summary: `${empty} and the caller hung up; the call ends.` } : { kind: 'next', summary: `${empty}; <Record> requests nothing and goes on with the next verb.` };
  }
  const sid = sidFor('RE', context.seed, 'record');
  const account = context.callParams.AccountSid ?? sidFor('AC', context.seed, 'account');
  const params: Record<string, string> = {
    RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${account}/Recordings/${sid}`,
    RecordingDuration: String(taken.seconds),
  };
  if (options.recordingSid) params.RecordingSid = sid;
  const digits = hungUp ? options.recordHangupDigits : taken.key;
  if (digits !== '' || options.recordDigitsWithoutKey === 'empty') params.Digits = digits;
  const summary = `the caller talked ${taken.seconds} s, ended by ${taken.endedBy === 'key' ? `the key ${taken.key}` : taken.endedBy}; <Record> requests its action`;
  return verbAction(record, context, { role: 'record-action', params, callerOnLine: !hungUp, summary: hungUp ? `${summary}, whose answer is not executed.` : `${summary}.` }, options);
}

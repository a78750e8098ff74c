import type { AttributeMap } from '../../model/document.js';

/** The attributes of a `<Record>` that decide how it plays, defaults applied. */
export interface RecordSettings {
  /** Seconds of silence that end the recording. */
  readonly timeout: number;
  /** The keys that end the recording. */
  readonly finishOnKey: string;
  /** The longest recording, in seconds. */
  readonly maxLength: number;
}

const POSITIVE = /^[1-9]\d*$/;
const KEYS = '0123456789#*';
/** The largest maxLength any account allows (page §record-attributes: 14400 or 86400 by account). */
const MAX_LENGTH_CEILING = 86400;

/**
 * The settings of a `<Record>`, or a sentence saying which attribute cannot be played. An empty
 * finishOnKey is not among the values the page lists, so it cannot be played. playBeep, trim,
 * transcribe, transcribeCallback and the recordingStatusCallback attributes do not change what the
 * action receives and are not played here (the pages give no rule that ties trim to RecordingDuration).
 * @see page §record-attributes (timeout positive, default 5; finishOnKey any digit, # or *, default 1234567890*#;
 * maxLength an integer greater than 1, at most 14400 or 86400, default 3600); page §err-13613
 */
export function recordSettings(attributes: AttributeMap): RecordSettings | string {
  const timeout = (attributes.timeout ?? '5').trim();
  if (!POSITIVE.test(timeout)) return `<Record timeout=${JSON.stringify(attributes.timeout)}> is not a positive integer.`;
  const finishOnKey = attributes.finishOnKey ?? '1234567890*#';
  if (finishOnKey === '' || [...finishOnKey].some((key) => !KEYS.includes(key))) return `<Record finishOnKey=${JSON.stringify(finishOnKey)}> is not made of 0123456789#* (13613).`;
  const maxLength = (attributes.maxLength ?? '3600').trim();
  if (!POSITIVE.test(maxLength) || Number(maxLength) < 2 || Number(maxLength) > MAX_LENGTH_CEILING) {
    return `<Record maxLength=${JSON.stringify(attributes.maxLength)}> is not an integer from 2 to ${MAX_LENGTH_CEILING}.`;
  }
  return { timeout: Number(timeout), finishOnKey, maxLength: Number(maxLength) };
}

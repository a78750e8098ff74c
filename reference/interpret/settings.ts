import type { DialVerb } from '../../src/model/dial.js';
import { attributeSpec } from '../spec/attributes.js';
import { effectiveValue } from '../compare.js';
import type { ResolvedOptions } from './options.js';

export type RecordMode = 'do-not-record' | 'record-from-answer' | 'record-from-ringing' | 'record-from-answer-dual' | 'record-from-ringing-dual';

/** The typed values of the `<Dial>` attributes that drive the interpreter, after defaults and policies. */
export interface DialSettings {
  readonly action?: string;
  readonly method: 'GET' | 'POST';
  readonly timeout: number;
  /** Seconds after which an unanswered leg gives up: timeout plus the buffer. */
  readonly ringLimit: number;
  readonly timeLimit: number;
  readonly hangupOnStar: boolean;
  readonly answerOnBridge: boolean;
  readonly sequential: boolean;
  readonly record: RecordMode;
  readonly recordingTrack: 'inbound' | 'outbound' | 'both';
  readonly recordingStatusCallback?: string;
  readonly recordingStatusCallbackMethod: 'GET' | 'POST';
  readonly recordingStatusCallbackEvents: readonly string[];
  readonly referUrl?: string;
  readonly referMethod: 'GET' | 'POST';
}

const BOOLEANS = ['true', 'false'] as const;
const METHODS = ['GET', 'POST'] as const;
const RECORD_MODES: readonly RecordMode[] = ['do-not-record', 'record-from-answer', 'record-from-ringing', 'record-from-answer-dual', 'record-from-ringing-dual'];
const RECORDING_TRACKS = ['inbound', 'outbound', 'both'] as const;
const RECORDING_EVENTS: readonly string[] = ['in-progress', 'completed', 'absent'];

/** Records an invalid value, or refuses it under option invalidValue=refuse. */
function invalid(options: ResolvedOptions, notes: string[], note: string): void {
  if (options.invalidValue === 'refuse') throw new TypeError(`${note.replace(/^interp\.invalid-value: /, '').replace(/;.*$/, '')} (option invalidValue=refuse)`);
  notes.push(note);
}

/** Written value if it is one the table allows, else the table default; a note when replaced. */
function enumValue<T extends string>(dial: DialVerb, name: string, allowed: readonly T[], fallback: T, options: ResolvedOptions, notes: string[]): T {
  const value = effectiveValue(attributeSpec('Dial', name), dial.attributes[name]) ?? fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  invalid(options, notes, `interp.invalid-value: ${name}=${JSON.stringify(dial.attributes[name])} is not allowed; the default ${JSON.stringify(fallback)} applies (warnings only, facts §1.2).`);
  return fallback;
}

function booleanValue(dial: DialVerb, name: string, options: ResolvedOptions, notes: string[]): boolean {
  return enumValue(dial, name, BOOLEANS, 'false', options, notes) === 'true';
}

/** An empty attribute asks for nothing: an empty URL is treated as absent. */
function urlValue(dial: DialVerb, name: string): string | undefined {
  const value = dial.attributes[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integerValue(dial: DialVerb, name: string, fallback: number, min: number, max: number, options: ResolvedOptions, notes: string[]): number {
  const written = dial.attributes[name];
  if (written === undefined) return fallback;
  const text = written.trim();
  if (!/^[0-9]+$/.test(text)) {
    invalid(options, notes, `interp.invalid-value: ${name}=${JSON.stringify(written)} is not a positive integer; the default ${fallback} applies (warning only, facts §1.2).`);
    return fallback;
  }
  const value = Number(text);
  if (value >= min && value <= max) return value;
  const chosen = options.outOfRange === 'clamp' ? Math.min(max, Math.max(min, value)) : options.outOfRange === 'default' ? fallback : value;
  notes.push(`interp.out-of-range: ${name}=${value} is outside ${min}–${max}; option outOfRange=${options.outOfRange} gives ${chosen} (facts §8.2).`);
  return chosen;
}

/**
 * @see seed attribute table (defaults); facts §1.2 (invalid values are warnings, the call goes on)
 */
export function dialSettings(dial: DialVerb, options: ResolvedOptions, notes: string[]): DialSettings {
  /** @see seed §timeout (default 30, minimum 5, maximum 600, 5 s buffer) — rule interp.timeout */
  const timeout = integerValue(dial, 'timeout', 30, 5, 600, options, notes);
  const ringLimit = timeout + (options.timeoutBuffer ? 5 : 0);
  if (!options.timeoutBuffer) notes.push('interp.timeout.buffer: option timeoutBuffer=false, no 5-second buffer (facts §8.3).');
  const events = (dial.attributes.recordingStatusCallbackEvent ?? 'completed').split(/\s+/).filter((token) => token !== '');
  const validEvents = events.filter((token) => RECORDING_EVENTS.includes(token));
  if (validEvents.length !== events.length) invalid(options, notes, `interp.invalid-value: recordingStatusCallbackEvent=${JSON.stringify(dial.attributes.recordingStatusCallbackEvent)} has unknown events; they are ignored.`);
  const settings: { -readonly [Name in keyof DialSettings]: DialSettings[Name] } = {
    method: enumValue(dial, 'method', METHODS, 'POST', options, notes),
    timeout,
    ringLimit,
    /** @see seed §timeLimit (default 14400 = maximum, 86400 with the 24-hour feature) */
    timeLimit: integerValue(dial, 'timeLimit', 14400, 1, options.maxTimeLimit, options, notes),
    hangupOnStar: booleanValue(dial, 'hangupOnStar', options, notes),
    answerOnBridge: booleanValue(dial, 'answerOnBridge', options, notes),
    sequential: booleanValue(dial, 'sequential', options, notes),
    record: enumValue(dial, 'record', RECORD_MODES, 'do-not-record', options, notes),
    recordingTrack: enumValue(dial, 'recordingTrack', RECORDING_TRACKS, 'both', options, notes),
    recordingStatusCallbackMethod: enumValue(dial, 'recordingStatusCallbackMethod', METHODS, 'POST', options, notes),
    recordingStatusCallbackEvents: [...new Set(validEvents.length > 0 ? validEvents : ['completed'])],
    referMethod: enumValue(dial, 'referMethod', METHODS, 'POST', options, notes),
  };
  // Set only when written (not spread in: a copy each).
  const action = urlValue(dial, 'action');
  if (action !== undefined) settings.action = action;
  const recordingStatusCallback = urlValue(dial, 'recordingStatusCallback');
  if (recordingStatusCallback !== undefined) settings.recordingStatusCallback = recordingStatusCallback;
  const referUrl = urlValue(dial, 'referUrl');
  if (referUrl !== undefined) settings.referUrl = referUrl;
  return settings;
}

import type { InterpretOptions } from '../../src/model/trace.js';
import { DEFAULT_EPOCH_MS } from './clock.js';

export type ResolvedOptions = Required<Omit<InterpretOptions, 'accountSid'>> & { readonly accountSid?: string };

/** One option for behaviour the sources leave open: its default and why that default. */
export interface OptionDoc {
  readonly name: keyof InterpretOptions;
  readonly values: string;
  readonly default: string;
  readonly why: string;
}

export const DEFAULT_OPTIONS: ResolvedOptions = {
  outOfRange: 'clamp',
  timeoutBuffer: true,
  sequentialTimeout: 'per-leg',
  callerHangupAction: 'request-and-discard',
  callerHangupRingingStatus: 'canceled',
  unansweredParallelStatus: 'last-to-end',
  timeLimitFrom: 'answer',
  invalidValue: 'default',
  amdMode: 'async',
  whisperHangupStatus: 'no-answer',
  statusCallbackEventDefault: 'completed',
  conferenceSequenceStart: 0,
  busyLegRang: 'never',
  maxTimeLimit: 14400,
  epochMs: DEFAULT_EPOCH_MS,
};

export function resolveOptions(options: InterpretOptions | undefined): ResolvedOptions {
  const resolved: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  for (const [name, value] of Object.entries(options ?? {})) if (value !== undefined) resolved[name] = value;
  return resolved as ResolvedOptions;
}

/** The README table: every choice the sources leave open. */
export const OPTION_DOCS: readonly OptionDoc[] = [
  { name: 'outOfRange', values: 'clamp | default | as-written', default: 'clamp', why: 'facts §8.2: no source says what an out-of-range timeout/timeLimit does; the errors are only warnings (13212/13216), so the call goes on, and clamping keeps the documented bounds.' },
  { name: 'timeoutBuffer', values: 'true | false', default: 'true', why: 'seed §timeout says Twilio "always adds" 5 s; facts §8.3 notes other pages say "may".' },
  { name: 'sequentialTimeout', values: 'per-leg | shared', default: 'per-leg', why: 'facts §1.1: sequential rings nouns one after another; no source says whether timeout is per noun or for the whole <Dial>.' },
  { name: 'callerHangupAction', values: 'request-and-discard | no-request', default: 'request-and-discard', why: 'facts §3.6: "Twilio will always pass along the status" (seed §action) and <Record> does so after hangup; the response cannot run as the caller is gone.' },
  { name: 'callerHangupRingingStatus', values: 'canceled | no-answer', default: 'canceled', why: 'No source names the DialCallStatus when the caller hangs up before an answer; the child legs end canceled (facts §4.2).' },
  { name: 'unansweredParallelStatus', values: 'last-to-end | no-answer-first', default: 'last-to-end', why: 'No source says which status wins when parallel legs end differently (one busy, one no-answer); default: the leg whose end ended the <Dial>.' },
  { name: 'timeLimitFrom', values: 'answer | dial-start', default: 'answer', why: 'seed §timeLimit: "maximum duration of the <Dial>" yet "hang up on the called party two minutes into the phone call"; counted from the answer.' },
  { name: 'invalidValue', values: 'default | refuse', default: 'default', why: 'facts §1.2: every <Dial> attribute problem is only a warning (13210–13222), so the call goes on, but no source says with which value; the table default is the closest reading. `refuse` makes interpret throw instead of guessing.' },
  { name: 'amdMode', values: 'async | sync', default: 'async', why: 'The AMD page runs detection synchronously (the verdict in the TwiML request) or asynchronously (a callback); <Number> and <Sip> have amdStatusCallback and no asyncAmd attribute, so async is read as theirs. sync puts AnsweredBy on the noun url request and holds the bridge until the verdict.' },
  { name: 'whisperHangupStatus', values: 'no-answer | completed', default: 'no-answer', why: 'No source names the DialCallStatus when the url TwiML declines the call (<Gather> then <Hangup>, Number/Client pages); the seed defines completed as "answered and connected", which a declined call is not. DialBridged is false either way.' },
  { name: 'statusCallbackEventDefault', values: 'completed | none', default: 'completed', why: 'facts §8.6: the Client, Sip and WhatsApp tables give no default for statusCallbackEvent while the prose says completed is sent by default; <Number>\'s table says completed, so it always does.' },
  { name: 'conferenceSequenceStart', values: '0 | 1', default: '0', why: 'The Conference page lists SequenceNumber on every statusCallback request and never says where it starts (its example shows 1); call-progress SequenceNumber counts from 0 (facts §4.2), so the kit does the same by default.' },
  { name: 'busyLegRang', values: 'never | from-dial', default: 'never', why: 'seed §record: record-from-ringing starts "when the ringing begins", and seed §DialCallStatus names busy and failed legs, but no source says whether a leg that ends busy or failed rang first. never: a busy or failed leg was refused before it rang (no ringing callback, nothing recorded if no other leg rang); from-dial: it rang from the moment it was dialed, as an interpreter that has no ringing signal from its carrier sees it.' },
  { name: 'maxTimeLimit', values: '14400 | 86400', default: '14400', why: 'seed §timeLimit: 4 hours, 24 hours with the account feature.' },
  { name: 'epochMs', values: 'ms since 1970', default: '2026-01-01T00:00:00Z', why: 'Virtual clock for Timestamp and RecordingStartTime, so traces are reproducible.' },
  { name: 'accountSid', values: 'AC + 32 hex', default: 'the request\'s AccountSid, else derived from the seed', why: 'Identifiers are deterministic.' },
];

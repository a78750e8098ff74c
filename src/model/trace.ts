/**
 * What the reference interpreter derives from a document and an outcome: the requests Twilio
 * sends while and after a `<Dial>` runs, the `<Dial>` result, and what runs next. Times are
 * virtual seconds from the moment `<Dial>` starts.
 */
import type { TwimlDocument } from './document.js';
import type { DialOutcome, VoiceRequestParams } from './outcome.js';

/** Which URL of the document a request goes to. */
export type DerivedRequestKind = 'action' | 'recordingStatusCallback' | 'statusCallback' | 'referUrl' | 'url' | 'amdStatusCallback' | 'conferenceStatusCallback' | 'waitUrl';

export interface DerivedRequest {
  readonly kind: DerivedRequestKind;
  /** Virtual seconds from the start of `<Dial>`. */
  readonly at: number;
  readonly method: 'GET' | 'POST';
  /** Absolute; for GET the parameters are already in the query. */
  readonly url: string;
  /** The exact parameters, in sending order. */
  readonly params: Readonly<Record<string, string>>;
  /** `application/x-www-form-urlencoded` body, for POST only. */
  readonly body?: string;
  /** The noun a noun callback belongs to (`/Response/Dial[1]/Number[2]`). */
  readonly nounPath?: string;
  /** True when the answer is executed as TwiML (action, referUrl, url); false for status callbacks. */
  readonly expectsTwiml: boolean;
}

export type NextStep =
  /** The TwiML answered to `requests[requestIndex]` takes over the call. */
  | { readonly kind: 'action'; readonly requestIndex: number }
  /** Execution continues with the top-level verb at this index. */
  | { readonly kind: 'continue'; readonly verbIndex: number; readonly verbName: string }
  /** The call ends. */
  | { readonly kind: 'hangup'; readonly reason: string };

export type DialCallStatus = 'completed' | 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';

export interface DialResult {
  readonly dialCallStatus: DialCallStatus;
  /** Whether the caller and a dialed party were ever connected (DialBridged). */
  readonly bridged: boolean;
  /** Index into `DialOutcome.legs` of the leg that answered. */
  readonly answeredLeg?: number;
  /** Seconds from the start of `<Dial>` until it was answered or gave up. */
  readonly ringSeconds: number;
  /** Seconds the bridge lasted (0 when never bridged). */
  readonly talkSeconds: number;
  /** The DialCallDuration value, when that parameter is sent. */
  readonly dialCallDuration?: number;
  /** What ended the `<Dial>`: `callee-hangup`, `caller-hangup`, `star`, `time-limit`, `timeout`, `busy`, `failed`, `canceled`, `caller-hangup-ringing`. */
  readonly endedBy: string;
  /** `answerOnBridge="true"` took effect (only when `<Dial>` is the first verb). */
  readonly answerOnBridge: boolean;
  /** Whether the original caller is still on the line when `<Dial>` ends. */
  readonly callerOnLine: boolean;
}

export interface DialTrace {
  readonly requests: readonly DerivedRequest[];
  readonly result: DialResult;
  readonly next: NextStep;
  /** Which options and silent-source choices were applied, one sentence each. */
  readonly assumptions: readonly string[];
}

export type OutOfRangePolicy = 'clamp' | 'default' | 'as-written';
export type SequentialTimeoutPolicy = 'per-leg' | 'shared';
export type CallerHangupActionPolicy = 'request-and-discard' | 'no-request';
export type CallerHangupRingingStatus = 'canceled' | 'no-answer';
export type UnansweredParallelStatus = 'last-to-end' | 'no-answer-first';
export type TimeLimitFrom = 'answer' | 'dial-start';
export type InvalidValuePolicy = 'default' | 'refuse';
export type AmdMode = 'async' | 'sync';
export type WhisperHangupStatus = 'no-answer' | 'completed';
export type StatusCallbackEventDefault = 'completed' | 'none';
/** Whether a leg that ends busy or failed rang: `never` (it was refused before ringing) or `from-dial` (it rang from the moment it was dialed). */
export type BusyLegRang = 'never' | 'from-dial';

/**
 * Choices where the sources are silent (dial-facts §8). Every field is optional and has a
 * documented default (`reference/interpret/options.ts` OPTION_DOCS says which and why).
 */
export interface InterpretOptions {
  /** `timeout` outside 5–600 / `timeLimit` outside 1–maxTimeLimit. Default `clamp`. */
  readonly outOfRange?: OutOfRangePolicy;
  /** Add Twilio's 5-second ring buffer to `timeout`. Default true (seed: "always adds"). */
  readonly timeoutBuffer?: boolean;
  /** How `timeout` applies to `sequential="true"` legs. Default `per-leg`. */
  readonly sequentialTimeout?: SequentialTimeoutPolicy;
  /** The caller hangs up during a `<Dial>` with `action`. Default `request-and-discard` (facts §3.6). */
  readonly callerHangupAction?: CallerHangupActionPolicy;
  /** DialCallStatus when the caller hangs up before any leg answers. Default `canceled`. */
  readonly callerHangupRingingStatus?: CallerHangupRingingStatus;
  /** DialCallStatus when several legs ring in parallel and none answers. Default `last-to-end`. */
  readonly unansweredParallelStatus?: UnansweredParallelStatus;
  /** Whether `timeLimit` counts from the answer or from the start of `<Dial>`. Default `answer`. */
  readonly timeLimitFrom?: TimeLimitFrom;
  /** An attribute value the table does not allow: read as the default (`default`, the default) or refuse to interpret (`refuse`: interpret throws). */
  readonly invalidValue?: InvalidValuePolicy;
  /** How AMD on `<Number>`/`<Sip>` reports: `async` (default) to amdStatusCallback while the call goes on; `sync` on the noun url request, the bridge waiting for the verdict. */
  readonly amdMode?: AmdMode;
  /** DialCallStatus when the whisper (noun url TwiML) hangs up before the bridge. Default `no-answer`. */
  readonly whisperHangupStatus?: WhisperHangupStatus;
  /** Events a `<Client>`/`<Sip>`/`<WhatsApp>`/`<Application>` statusCallback gets without statusCallbackEvent: `completed` (default, the prose) or `none` (the tables). */
  readonly statusCallbackEventDefault?: StatusCallbackEventDefault;
  /** Where a `<Conference>` statusCallback's SequenceNumber starts counting: 0 (default, as call-progress events do) or 1 (the page's example). */
  readonly conferenceSequenceStart?: 0 | 1;
  /** Whether a leg that ends busy or failed rang, so `record-from-ringing*` records from its dialing. Default `never`. */
  readonly busyLegRang?: BusyLegRang;
  /** Upper bound of `timeLimit` (14400, or 86400 with the 24-hour account option). Default 14400. */
  readonly maxTimeLimit?: number;
  /** Virtual clock: ms since 1970 at which `<Dial>` starts. Default 2026-01-01T00:00:00Z. */
  readonly epochMs?: number;
  /** AccountSid used when the initial request has none. Default: derived from the seed. */
  readonly accountSid?: string;
}

export interface InterpretInput {
  readonly document: TwimlDocument;
  /** The absolute URL the document was fetched from (base for relative URLs). */
  readonly documentUrl: string;
  /** The initial call's parameters (dial-facts §3.5). */
  readonly request: VoiceRequestParams;
  readonly outcome: DialOutcome;
  /** Index in `document.verbs` of the `<Dial>` reached; default the first `<Dial>`. */
  readonly dialIndex?: number;
  readonly options?: InterpretOptions;
  /** Seed for identifiers (CallSid, DialCallSid, RecordingSid). Default 0. */
  readonly seed?: number;
}

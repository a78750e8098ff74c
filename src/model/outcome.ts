/**
 * What happens on the telephone network while a `<Dial>` runs. An outcome is the input the
 * reference interpreter needs besides the document: it says how each dialed leg responds and how
 * the call ends; the interpreter derives everything Twilio does from it. Times are virtual
 * seconds counted from the moment `<Dial>` starts.
 */

/** How one dialed leg (one noun, or the bare number) responds to the call attempt. */
export type LegResponse =
  /** The party picks up (a conference is joined, a queue member is served) after ringing this long. */
  | { readonly kind: 'answer'; readonly afterSeconds: number }
  /** A busy signal arrives after this long. */
  | { readonly kind: 'busy'; readonly afterSeconds: number }
  /** Twilio cannot route the call (e.g. a well-formed but non-existent number, an unknown queue). */
  | { readonly kind: 'fail'; readonly afterSeconds: number }
  /** The leg rings and never answers (an empty queue waits the same way). */
  | { readonly kind: 'ring' };

/** SIP details of a `<Sip>` leg's final response ([SIP]: DialSipCallId, DialSipResponseCode, DialSipHeader_*). */
export interface SipLegDetails {
  readonly callId: string;
  readonly responseCode: number;
  /** X-headers of the final response, name without the `X-` prefix handling: written as received. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * What answering machine detection decides on a leg ([AMD]: https://www.twilio.com/docs/voice/answering-machine-detection,
 * AnsweredBy). `Enable` answers human, machine_start, fax or unknown; `DetectMessageEnd` waits for the
 * end of a machine's greeting: human, machine_end_beep, machine_end_silence, machine_end_other, fax or unknown.
 */
export type AnsweredBy = 'human' | 'machine_start' | 'machine_end_beep' | 'machine_end_silence' | 'machine_end_other' | 'fax' | 'unknown';

/** AMD on an answered `<Number>`/`<Sip>` leg with `machineDetection`: the verdict and how long detection took. */
export interface AmdOutcome {
  readonly answeredBy: AnsweredBy;
  /** Milliseconds from the answer to the verdict (MachineDetectionDuration); past machineDetectionTimeout the verdict is `unknown`. */
  readonly afterMs: number;
}

/** The TwiML of a noun's `url` (whisper, queue announcement) as it runs before the bridge. */
export interface WhisperOutcome {
  /** Seconds it runs before the parties are connected. */
  readonly seconds: number;
  /** It ends the called party's call (`<Hangup>`, or the called party hangs up): no bridge. Ignored for `<Queue>`. */
  readonly hangup: boolean;
}

/** Something that happens to the caller's participant while in a `<Conference>` (REST updates, speech). */
export interface ConferenceEvent {
  readonly afterSeconds: number;
  readonly kind: 'mute' | 'unmute' | 'hold' | 'unhold' | 'speech-start' | 'speech-stop';
}

/** The conference room around the caller ([CONF]); read only for an answered `<Conference>` leg. */
export interface ConferenceOutcome {
  /** The conference was already in progress when the caller joined. Default false: the caller is the first. */
  readonly alreadyStarted?: boolean;
  /**
   * Seconds after the caller's join at which the conference starts: a second participant joins (or, for a
   * caller with startConferenceOnEnter="false", one with startConferenceOnEnter="true"). Absent: it never starts
   * while the caller is in it, since a conference needs two participants (https://www.twilio.com/docs/voice/twiml/conference).
   */
  readonly startedAfterSeconds?: number;
  /** Other participants are still there when the caller leaves. Default false: the caller is the last. */
  readonly othersRemain?: boolean;
  readonly events?: readonly ConferenceEvent[];
}

export interface LegOutcome {
  readonly response: LegResponse;
  readonly conference?: ConferenceOutcome;
  /** Only read for an answered `<Number>`/`<Sip>` with `machineDetection`. */
  readonly amd?: AmdOutcome;
  /** Only read for an answered leg whose noun has a `url`. */
  readonly whisper?: WhisperOutcome;
  readonly sip?: SipLegDetails;
  /** `<Queue>` legs: seconds the dequeued caller had waited in the queue (QueueTime, [QUEUE]). Default 0. */
  readonly queueWaitSeconds?: number;
  /**
   * `<Queue>` legs: the dequeued call's own standard parameters (From, To, Direction, …), sent on the
   * `<Queue url>` request ([QUEUE]: "in addition to the standard TwiML Voice request parameters").
   */
  readonly queueCaller?: Readonly<Record<string, string>>;
}

/** Who ends a bridged call, and after how many seconds of talk. */
export type BridgeEnder =
  /** The dialed party hangs up. */
  | 'callee-hangup'
  /** The original caller hangs up: the whole session ends. */
  | 'caller-hangup'
  /** The original caller presses `*` (has effect only with `hangupOnStar="true"`). */
  | 'star';

export interface BridgeOutcome {
  /** Seconds of conversation before `endedBy` happens. If `timeLimit` is reached first, the time limit ends the call. */
  readonly talkSeconds: number;
  readonly endedBy: BridgeEnder;
  /** The child leg was redirected to other TwiML before it was disconnected (no DialCallDuration, seed: action parameters). */
  readonly childRedirected?: boolean;
}

/** A SIP REFER sent by the called party while bridged (seed: referUrl). */
export interface ReferOutcome {
  readonly afterSeconds: number;
  readonly transferTarget: string;
}

export interface RecordingOutcome {
  /** `completed`: the file is available; `absent`: it is absent and inaccessible (seed: recordingStatusCallbackEvent). */
  readonly status: 'completed' | 'absent';
}

export interface DialOutcome {
  /** One entry per dialed leg, in document order (the bare number counts as one leg). */
  readonly legs: readonly LegOutcome[];
  /** How the call ends once a leg is answered. Ignored when no leg answers. */
  readonly bridge: BridgeOutcome;
  /** The original caller hangs up at this second, if it happens before any leg answers. */
  readonly callerHangupWhileRingingAt?: number;
  /** The dialed call is canceled through the REST API at this second, if before any answer. */
  readonly canceledAt?: number;
  readonly recording?: RecordingOutcome;
  readonly refer?: ReferOutcome;
}

/** The parameters of Twilio's first request to the voice URL (dial-facts §3.5), in sending order. */
export type VoiceRequestParams = Readonly<Record<string, string>>;

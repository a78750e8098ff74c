// What Twilio documents about <Dial>, as small functions the engine (call.mjs, dial.mjs) asks.
// Each cites its source: "seed §x" is a section of https://www.twilio.com/docs/voice/twiml/dial,
// "facts §n" a paragraph of the project's fact sheet. Where the sources are silent the comment says
// so and names the choice. A platform that behaves differently changes one function here; the
// kit's zoo does exactly that to prove the kit notices.
import { createHash, randomBytes } from 'node:crypto';
import { resolveUrl } from './webhook.mjs';

/** Whole seconds written with digits only, else undefined. */
function wholeSeconds(written) {
  const text = written?.trim();
  return text !== undefined && /^[0-9]+$/.test(text) ? Number(text) : undefined;
}

/** Out-of-range values are clamped: the sources say only "warning 13212/13216" (facts §8.2, silent). */
function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}

export const twilioRules = {
  name: 'mini-emulator',
  /** Every request carries X-Twilio-Signature (facts §5.1). */
  signs: true,
  /** The instant virtual time 0 stands for, in Timestamp and RecordingStartTime (a fixed clock, for repeatable runs). */
  epochMs: Date.UTC(2026, 0, 1),

  /** @see seed §timeout (default 30, minimum 5, maximum 600); an unreadable value keeps the default (facts §1.2). */
  timeout: (written) => clamp(wholeSeconds(written) ?? 30, 5, 600),
  /** @see seed §timeout ("Twilio always adds a five-second timeout buffer") */
  ringSeconds: (timeout) => timeout + 5,
  /** @see seed §timeLimit (default 14400 s, which is also the maximum) */
  timeLimit: (written) => clamp(wholeSeconds(written) ?? 14400, 1, 14400),
  /** @see seed §hangupOnStar (true, false; default false) */
  hangupOnStar: (written) => written === 'true',
  /** @see facts §1.1 (sequential="true" rings the nouns one after another; default false) */
  sequential: (written) => written === 'true',
  /** GET or POST; POST is every method attribute's default. @see seed §method, facts §2.2 */
  method: (written) => (written?.trim() === 'GET' ? 'GET' : 'POST'),
  /** @see seed §method (the method of the action request) */
  actionMethod(attributes) {
    return this.method(attributes.method);
  },
  /** @see facts §5 (relative URLs resolve against the document's URL, RFC 3986) */
  resolveUrl: (target, documentUrl) => resolveUrl(target, documentUrl),

  /** @see seed §record (true = record-from-answer, false = do-not-record; default do-not-record) */
  record(written) {
    const mode = written === 'true' ? 'record-from-answer' : written === 'false' ? 'do-not-record' : written;
    const modes = ['record-from-answer', 'record-from-ringing', 'record-from-answer-dual', 'record-from-ringing-dual'];
    return modes.includes(mode) ? mode : 'do-not-record';
  },
  /** @see seed §record (dual = 2 channels), §recordingTrack (inbound/outbound are always mono) */
  recordingChannels: (mode, track) => (mode.endsWith('-dual') && (track ?? 'both') === 'both' ? 2 : 1),
  /** @see seed §recordingStatusCallbackEvent (in-progress, completed, absent; default completed) */
  recordingEvents: (written) => events(written, ['in-progress', 'completed', 'absent']),
  /** @see facts §4.2 (initiated, ringing, answered, completed; default completed) */
  statusEvents: (written) => events(written, ['initiated', 'ringing', 'answered', 'completed']),
  /** Nouns whose statusCallback reports the child call (facts §4.2); a <Conference>'s reports the conference. */
  statusCallbackNouns: new Set(['Number', 'Client', 'Sip', 'Application', 'WhatsApp']),

  /**
   * @see seed §DialCallStatus (completed; answered for a conference; busy; no-answer; failed; canceled).
   * A caller hanging up while it rings: the sources are silent; `canceled`, as the child legs are.
   * A <Dial> that dials nothing: the sources are silent; `failed`.
   */
  dialCallStatus({ end, leg }) {
    if (end === 'answered') return leg.kind === 'Conference' ? 'answered' : 'completed';
    if (end === 'caller-hangup') return 'canceled';
    if (end === 'no-legs') return 'failed';
    return end;
  },
  /**
   * The <Dial> parameters of the action request.
   * @see seed §action (DialCallSid and DialCallDuration not after a conference; DialBridged always;
   * RecordingUrl only with record); facts §3.1 (DialSip* for a <Sip> leg)
   */
  dialParams({ status, leg, bridged, talkSeconds, recording }) {
    const params = { DialCallStatus: status };
    if (leg !== undefined && leg.kind !== 'Conference') {
      params.DialCallSid = leg.callSid;
      params.DialCallDuration = String(talkSeconds);
    }
    params.DialBridged = String(bridged);
    if (recording !== undefined) params.RecordingUrl = recording.url;
    if (leg?.kind === 'Sip') Object.assign(params, sipParams(leg));
    return params;
  },
  /**
   * Whether the action is requested. @see seed §action ("Twilio will always pass along the status
   * of the <Dial> attempt"); facts §3.6: also when the caller has hung up (its answer is not run).
   */
  actionWanted: () => true,
  /** @see seed §action: the action's TwiML takes over; without one, the next verb; a caller who hung up ends it all. */
  afterDial({ actionRequested, callerOnLine }) {
    if (!callerOnLine) return 'end';
    return actionRequested ? 'action' : 'next-verb';
  },
  /** CallStatus on later requests about the parent call (facts §3.5, §3.6). */
  parentCallStatus: (callerOnLine) => (callerOnLine ? 'in-progress' : 'completed'),

  /** Seconds as reported in durations. */
  durationSeconds: (seconds) => seconds,
  /** Status callbacks queued at one instant, in the order they are sent (Twilio's order among legs is not defined, facts §4.2). */
  callbackOrder: (callbacks) => callbacks,
  /** `prefix` + 32 hex digits; derived from the parent call so a replayed call gets the same SIDs. */
  newSid: (prefix, parentCallSid, label) => `${prefix}${createHash('sha256').update(`${parentCallSid}/${label}`).digest('hex').slice(0, 32)}`,
};

/** A space-separated event list, keeping the known events; none known → the default `completed`. */
function events(written, known) {
  const chosen = (written ?? '').split(/\s+/).filter((token) => known.includes(token));
  return chosen.length > 0 ? chosen : ['completed'];
}

/**
 * The SIP details of a <Sip> leg's final response, as the carrier reported them; without a report,
 * the standard final code for how the leg ended (RFC 3261 §21) and a made-up Call-ID.
 */
function sipParams(leg) {
  const standard = { completed: 200, busy: 486, failed: 404 }[leg.status] ?? 487;
  const params = {
    DialSipCallId: leg.sip?.callId ?? `${leg.callSid.slice(2, 18)}@mini-emulator.invalid`,
    DialSipResponseCode: String(leg.sip?.code ?? standard),
  };
  for (const [name, value] of Object.entries(leg.sip?.headers ?? {})) params[`DialSipHeader_${name}`] = value;
  return params;
}

/** SIDs that differ on every run: what a real platform does; the kit checks shape and consistency only. */
export const randomSid = (prefix) => `${prefix}${randomBytes(16).toString('hex')}`;

/**
 * Every rule the interpreter applies, with its id and source. `sourced` rules restate a source;
 * `choice` rules are where the sources are silent and an option (or a stated kit choice) decides.
 * Assumption notes in a trace start with the id of the rule that produced them.
 */
export interface InterpretRule {
  readonly id: string;
  readonly kind: 'sourced' | 'choice';
  readonly title: string;
  readonly source: string;
}

export const INTERPRET_RULES: readonly InterpretRule[] = [
  { id: 'interp.action', kind: 'sourced', title: 'with action, the action is requested when the dialed call ends and its TwiML takes over; verbs after <Dial> are unreachable', source: 'seed §action' },
  { id: 'interp.action.method', kind: 'sourced', title: 'the action is requested with method (GET or POST, default POST)', source: 'seed §method' },
  { id: 'interp.next', kind: 'sourced', title: 'without action, the next verb runs if the caller is on the line; with none, the call ends', source: 'seed §action' },
  { id: 'interp.request.url', kind: 'sourced', title: 'relative URLs resolve against the document URL (RFC 3986); the fragment is not sent', source: 'facts §5 (Relative URLs; connection overrides)' },
  { id: 'interp.request.encoding', kind: 'sourced', title: 'GET parameters go in the query, after any query already there; POST parameters in a form body', source: 'facts §5 (Method & encoding)' },
  { id: 'interp.dial-call-status', kind: 'sourced', title: 'DialCallStatus: completed, answered (conference), busy, no-answer, failed, canceled', source: 'seed §DialCallStatus' },
  { id: 'interp.params.standard', kind: 'sourced', title: 'requests about the parent call carry the standard voice parameters, CallStatus brought up to date', source: 'facts §3.5; seed §action' },
  { id: 'interp.params.dial', kind: 'sourced', title: 'DialBridged always; DialCallSid not after a conference; DialCallDuration not after a conference nor a redirected child', source: 'seed §action (parameters)' },
  { id: 'interp.params.recording-url', kind: 'sourced', title: 'RecordingUrl only when record is set (and a recording was made)', source: 'seed §action (RecordingUrl)' },
  { id: 'interp.params.sip', kind: 'sourced', title: 'a <Sip> dial adds DialSipCallId, DialSipResponseCode, DialSipHeader_*', source: 'facts §3.1 [SIP]' },
  { id: 'interp.timeout', kind: 'sourced', title: 'an unanswered leg gives up after timeout (default 30, 5–600) plus a 5-second buffer: no-answer', source: 'seed §timeout' },
  { id: 'interp.time-limit', kind: 'sourced', title: 'timeLimit (default and maximum 14400) hangs up on the called party', source: 'seed §timeLimit' },
  { id: 'interp.hangup-on-star', kind: 'sourced', title: 'with hangupOnStar="true" the caller\'s * ends the bridge: completed (answered for a conference); action or next verb', source: 'seed §hangupOnStar' },
  { id: 'interp.caller-hangup.bridged', kind: 'sourced', title: 'the caller hanging up ends the session: no further verb runs', source: 'seed (Goodbye example); facts §3.3' },
  { id: 'interp.caller-hangup.ringing', kind: 'sourced', title: 'the caller hanging up while legs ring cancels them and ends the session', source: 'facts §3.3, §4.2 (canceled)' },
  { id: 'interp.parallel', kind: 'sourced', title: 'several nouns ring at once; the first answer wins, the others are ended', source: 'facts §2.1 [NUMBER] [CLIENT]' },
  { id: 'interp.sequential', kind: 'sourced', title: 'sequential="true" rings the nouns one after another in document order', source: 'facts §1.1' },
  { id: 'interp.queue', kind: 'sourced', title: 'an empty queue waits until timeout; a non-existent queue fails', source: 'facts §2.6 [QUEUE]' },
  { id: 'interp.noun-url', kind: 'sourced', title: 'a noun url is fetched on the answered leg before the bridge; a queue url carries QueueSid, CallSid, QueueTime, DequeingCallSid', source: 'facts §2.2, §2.6' },
  { id: 'interp.recording.start', kind: 'sourced', title: 'record-from-ringing* records from when the ringing begins (nothing if no leg rang), record-from-answer* from the answer', source: 'seed §record' },
  { id: 'interp.recording.channels', kind: 'sourced', title: 'dual modes give 2 channels, mono 1; recordingTrack inbound/outbound always 1', source: 'seed §record, §recordingTrack' },
  { id: 'interp.recording.callback', kind: 'sourced', title: 'recordingStatusCallback for the selected events (default completed) with CallSid of the parent and RecordingSource=DialVerb', source: 'seed §recordingStatusCallback, §recordingStatusCallbackEvent' },
  { id: 'interp.status-callback', kind: 'sourced', title: 'child-leg statusCallback events initiated/ringing/answered/completed (default completed) with ParentCallSid, SequenceNumber, CallbackSource, Timestamp', source: 'facts §4.2' },
  { id: 'interp.answer-on-bridge', kind: 'sourced', title: 'answerOnBridge takes effect only when <Dial> is the first verb', source: 'seed §answerOnBridge' },
  { id: 'interp.refer', kind: 'sourced', title: 'a SIP REFER while bridged requests referUrl with ReferTransferTarget; none without referUrl (13802) or with <Application>', source: 'seed §referUrl; facts §2.7, §1.3 13802' },
  { id: 'interp.params.child', kind: 'sourced', title: 'requests about a child leg (noun url, statusCallback) carry the child\'s CallSid, Direction=outbound-dial and ParentCallSid', source: 'facts §3.5, §4.2; https://www.twilio.com/docs/voice/twiml/number (url)' },
  { id: 'interp.params.e164', kind: 'sourced', title: 'phone numbers in To/From of child legs are E.164 when normalisable (unformatted US numbers gain +1), else as written', source: 'facts §3.5; https://www.twilio.com/docs/voice/twiml/number' },
  { id: 'interp.application.copy-parent-to', kind: 'sourced', title: '<Application copyParentTo="true">: the child leg\'s To is the parent\'s To instead of the App SID', source: 'facts §2.7; https://www.twilio.com/docs/voice/twiml/dial/application' },
  { id: 'interp.queue.url-params', kind: 'sourced', title: 'the <Queue url> request carries the dequeued call\'s standard parameters (from the outcome\'s queueCaller) plus QueueSid, CallSid, QueueTime, DequeingCallSid', source: 'facts §2.6; https://www.twilio.com/docs/voice/twiml/queue' },
  { id: 'interp.queue.action-params', kind: 'choice', title: 'not modelled: the "additional parameters" the seed promises to the action after a <Queue> are named nowhere; none is sent', source: 'seed §action (Queue paragraph)' },
  { id: 'interp.amd', kind: 'sourced', title: 'machineDetection (Enable, DetectMessageEnd) on an answered <Number>/<Sip>: the outcome\'s AnsweredBy, or unknown once machineDetectionTimeout (3–60 s, default 30) passes', source: 'facts §2.2 (machineDetection*); https://www.twilio.com/docs/voice/twiml/number; https://www.twilio.com/docs/voice/answering-machine-detection' },
  { id: 'interp.amd.callback', kind: 'sourced', title: 'async AMD: amdStatusCallback (amdStatusCallbackMethod, default POST) with AccountSid, CallSid of the child, AnsweredBy, MachineDetectionDuration; none without amdStatusCallback (21262)', source: 'facts §2.2 (amdStatusCallback, amdStatusCallbackMethod); https://www.twilio.com/docs/voice/answering-machine-detection; https://www.twilio.com/docs/api/errors/21262' },
  { id: 'interp.amd.no-callback', kind: 'sourced', title: 'machineDetection without amdStatusCallback: warning 21262, the verdict is not sent', source: 'facts §2.2 (amdStatusCallback); https://www.twilio.com/docs/api/errors/21262' },
  { id: 'interp.amd.sync', kind: 'choice', title: 'option amdMode=sync: AnsweredBy on the noun url request, the bridge held until the verdict (whole seconds)', source: 'https://www.twilio.com/docs/voice/answering-machine-detection (synchronous AMD)' },
  { id: 'interp.amd.outcome-missing', kind: 'choice', title: 'an answered leg with machineDetection and no AMD verdict in the outcome: detection times out, AnsweredBy=unknown', source: 'kit' },
  { id: 'interp.amd.ended-first', kind: 'choice', title: 'a verdict after the child leg ended is not sent', source: 'no source' },
  { id: 'interp.whisper', kind: 'sourced', title: 'a noun url TwiML runs after the answer and before the bridge for the outcome\'s whisper seconds; the bridge starts after it', source: 'https://www.twilio.com/docs/voice/twiml/number; https://www.twilio.com/docs/voice/twiml/client; facts §2.2' },
  { id: 'interp.whisper.hangup', kind: 'choice', title: 'option whisperHangupStatus: a whisper that hangs up ends the <Dial> unbridged with no-answer (default) or completed; DialBridged=false, DialCallDuration=0', source: 'https://www.twilio.com/docs/voice/twiml/number (decline with <Gather>/<Hangup>); seed §DialCallStatus (completed = connected)' },
  { id: 'interp.conference.timeline', kind: 'sourced', title: 'a <Conference> starts when a participant with startConferenceOnEnter="true" (default) is in it, and ends when one with endConferenceOnExit="true" or the last participant leaves', source: 'facts §2.5 (startConferenceOnEnter true, endConferenceOnExit false); https://www.twilio.com/docs/voice/twiml/conference; https://www.twilio.com/en-us/blog/introducing-conference-events-html' },
  { id: 'interp.conference.callback', kind: 'sourced', title: '<Conference statusCallback> for the selected events (conference-start/end, participant-join/leave/mute/unmute/hold/unhold/speech-start/speech-stop) with ConferenceSid, FriendlyName, StatusCallbackEvent, SequenceNumber, Timestamp; participant events add CallSid, Muted, Hold, EndConferenceOnExit, StartConferenceOnEnter', source: 'https://www.twilio.com/docs/voice/twiml/conference; facts §2.5' },
  { id: 'interp.conference.events-default', kind: 'choice', title: '<Conference statusCallback> without statusCallbackEvent sends nothing: no source names a default', source: 'facts §2.5 (no default listed)' },
  { id: 'interp.conference.not-modelled', kind: 'choice', title: 'not modelled: the modify and announcement events (their triggers are outside the outcome), ReasonConferenceEnded and the conference recording callbacks', source: 'https://www.twilio.com/docs/voice/twiml/conference' },
  { id: 'interp.conference.wait-url', kind: 'sourced', title: 'a caller waiting for the conference to start fetches waitUrl (waitMethod, default POST) with its standard parameters; the default hold music is Twilio\'s, no request to the app', source: 'https://www.twilio.com/docs/voice/twiml/conference; facts §2.5' },
  { id: 'interp.status-callback.default', kind: 'choice', title: 'option statusCallbackEventDefault: without statusCallbackEvent, <Client>/<Sip>/<WhatsApp>/<Application> send completed (default, the prose) or nothing (the tables); <Number> always completed', source: 'facts §2.2, §2.3, §8.6' },
  { id: 'interp.invalid-value', kind: 'choice', title: 'option invalidValue: an invalid attribute value is read as the table default (default; the warnings do not fail the call) or refused', source: 'facts §1.2' },
  { id: 'interp.out-of-range', kind: 'choice', title: 'option outOfRange: clamp (default), default or as-written', source: 'facts §8.2' },
  { id: 'interp.timeout.buffer', kind: 'choice', title: 'option timeoutBuffer: the 5-second buffer (default on)', source: 'seed §timeout; facts §8.3' },
  { id: 'interp.sequential.timeout', kind: 'choice', title: 'option sequentialTimeout: per-leg (default) or shared', source: 'facts §1.1 (silent)' },
  { id: 'interp.caller-hangup.action', kind: 'choice', title: 'option callerHangupAction: request-and-discard (default) or no-request', source: 'facts §3.6' },
  { id: 'interp.caller-hangup.status', kind: 'choice', title: 'option callerHangupRingingStatus: canceled (default) or no-answer', source: 'facts §3.6, §4.2 (silent)' },
  { id: 'interp.parallel.status', kind: 'choice', title: 'option unansweredParallelStatus: last-to-end (default) or no-answer-first', source: 'facts §2.1 (silent)' },
  { id: 'interp.time-limit.from', kind: 'choice', title: 'option timeLimitFrom: answer (default) or dial-start', source: 'seed §timeLimit (ambiguous)' },
  { id: 'interp.hangup-on-star.ignored', kind: 'choice', title: '* without hangupOnStar="true" does nothing; the bridge lasts until timeLimit', source: 'seed §hangupOnStar' },
  { id: 'interp.recording.none', kind: 'choice', title: 'record-from-answer with no answer, or record-from-ringing with no leg ringing, records nothing: no RecordingUrl, no recording callback', source: 'seed §record, §action (RecordingUrl "only if")' },
  { id: 'interp.no-legs', kind: 'choice', title: 'a <Dial> that dials nothing ends at once as failed', source: 'no source' },
  { id: 'interp.outcome.missing-leg', kind: 'choice', title: 'a leg with no outcome entry rings without answer', source: 'kit' },
  { id: 'interp.action.invalid-url', kind: 'choice', title: 'an action that is not a resolvable http(s) URL is not requested (11100)', source: 'facts §1.3 11100' },
  { id: 'interp.recording.invalid-url', kind: 'sourced', title: 'an invalid recordingStatusCallback URL: the recording is still made, no notification is sent', source: 'facts §1.1, §1.3 13256' },
  { id: 'interp.refer.no-url', kind: 'sourced', title: 'REFER without referUrl: error 13802, no request', source: 'facts §1.3 13802' },
  { id: 'interp.refer.application', kind: 'sourced', title: 'referUrl is not supported with <Application>', source: 'facts §2.7 [APP]' },
];

import type { TraceRow } from './traceRow.js';

/** Sentences that are examples, links or headings: nothing to implement. */
const EXAMPLE = 'not normative: an example, a heading or a link';
const AUDIO = 'what the parties hear is not observable in requests or in the call flow the kit derives';
const ACCOUNT = 'depends on account settings or number ownership the kit cannot see; only the form of the document is checked';

const seed = (section: string, key: string, quotes: readonly string[], rest: Omit<TraceRow, 'kind' | 'section' | 'key' | 'quotes'>): TraceRow => ({
  kind: 'seed',
  section,
  key,
  quotes,
  ...rest,
});

/** Every sentence of the seed, section by section. @see reference/trace/seedSections.ts */
export const SEED_ROWS: readonly TraceRow[] = [
  seed('intro', 'purpose', ['to connect the current caller to another party'], { interpret: ['interp.parallel', 'interp.caller-hangup.bridged'] }),
  seed('intro', 'basic', ['the most basic use of', 'the two parties can communicate until one hangs up'], {
    rules: ['dial.text.format'],
    interpret: ['interp.caller-hangup.bridged'],
  }),
  seed('intro', 'ends-if', ['will end the new call if'], {
    interpret: ['interp.timeout', 'interp.dial-call-status'],
    notModelled: 'the list that follows is lost in the scrape; facts §8.1 restores it (no answer, busy, no such number)',
  }),
  seed('intro', 'no-initiate', ['cannot initiate a call directly from Twilio', 'To start a new outbound call from Twilio'], {
    notModelled: 'the kit always starts from an active call (a first voice request); placing calls is the REST API\'s job',
  }),
  seed('intro', 'links', ['For a step-by-step guide'], { notModelled: EXAMPLE }),
  seed('intro', 'action-request', ['request to the action URL (if provided)', 'Call flow will then continue'], {
    interpret: ['interp.action', 'interp.action.method'],
  }),
  seed('intro', 'no-action', ['Twilio will continue to render the original TwiML document'], { interpret: ['interp.next'], properties: ['INT-NEXT'] }),
  seed('intro', 'goodbye', ['With this code, Twilio will connect the original call', 'Several things might happen next'], {
    interpret: ['interp.caller-hangup.bridged', 'interp.next'],
  }),

  seed('Attributes', 'header', ['Attribute | Allowed Values', 'Use one or more of these attributes'], { notModelled: EXAMPLE }),
  seed('Attributes', 'action', ['action | Relative or absolute URL'], { rules: ['dial.action.url'], properties: ['attribute:Dial.action'] }),
  seed('Attributes', 'answerOnBridge', ['answerOnBridge | true , false'], { rules: ['dial.answerOnBridge.boolean'], properties: ['attribute:Dial.answerOnBridge'] }),
  seed('Attributes', 'callerId', ['callerId | A valid phone number'], { rules: ['dial.callerId.format'], properties: ['attribute:Dial.callerId'] }),
  seed('Attributes', 'callReason', ['callReason | String (Maximum 50 characters)'], { rules: ['dial.callReason.length'], properties: ['attribute:Dial.callReason'] }),
  seed('Attributes', 'hangupOnStar', ['hangupOnStar | true , false'], { rules: ['dial.hangupOnStar.boolean'], properties: ['attribute:Dial.hangupOnStar'] }),
  seed('Attributes', 'method', ['method | GET , POST | POST |'], { rules: ['dial.method.enum'], properties: ['attribute:Dial.method'] }),
  seed('Attributes', 'record', ['record | do-not-record', 'true is an alias for record-from-answer'], { rules: ['dial.record.enum'], properties: ['attribute:Dial.record'] }),
  seed('Attributes', 'recordingStatusCallback', ['recordingStatusCallback | Relative or absolute URL'], {
    rules: ['dial.recordingStatusCallback.url'],
    properties: ['attribute:Dial.recordingStatusCallback'],
  }),
  seed('Attributes', 'recordingStatusCallbackMethod', ['recordingStatusCallbackMethod | GET , POST'], {
    rules: ['dial.recordingStatusCallbackMethod.enum'],
    properties: ['attribute:Dial.recordingStatusCallbackMethod'],
  }),
  seed('Attributes', 'recordingStatusCallbackEvent', ['recordingStatusCallbackEvent | in-progress'], {
    rules: ['dial.recordingStatusCallbackEvent.event'],
    properties: ['attribute:Dial.recordingStatusCallbackEvent'],
  }),
  seed('Attributes', 'recordingTrack', ['recordingTrack | inbound , outbound , both'], { rules: ['dial.recordingTrack.enum'], properties: ['attribute:Dial.recordingTrack'] }),
  seed('Attributes', 'referUrl', ['referUrl | Relative or absolute URL'], { rules: ['dial.referUrl.url'], properties: ['attribute:Dial.referUrl'] }),
  seed('Attributes', 'referMethod', ['referMethod | GET , POST'], { rules: ['dial.referMethod.enum'], properties: ['attribute:Dial.referMethod'] }),
  seed('Attributes', 'ringTone', ['ringTone | ISO 3166-1 alpha-2 country code'], { rules: ['dial.ringTone.enum'], properties: ['attribute:Dial.ringTone'] }),
  seed('Attributes', 'timeLimit', ['timeLimit | Positive integer (seconds)'], { rules: ['dial.timeLimit.*'], properties: ['attribute:Dial.timeLimit'] }),
  seed('Attributes', 'timeout', ['timeout | Positive integer (seconds)'], { rules: ['dial.timeout.*'], properties: ['attribute:Dial.timeout'] }),
  seed('Attributes', 'trim', ['trim | trim-silence , do-not-trim'], { rules: ['dial.trim.enum'], properties: ['attribute:Dial.trim'] }),

  seed('action', 'url', ['The action attribute accepts a URL', 'This URL tells Twilio where to make a POST or GET request'], {
    rules: ['dial.action.url'],
    interpret: ['interp.action', 'interp.request.url'],
  }),
  seed('action', 'params', ['will include the following parameters', 'Parameter | Description'], { interpret: ['interp.params.dial'], properties: ['INT-ACTION-PARAMS'] }),
  seed('action', 'DialCallStatus', ['DialCallStatus | The outcome of the'], { interpret: ['interp.dial-call-status'] }),
  seed('action', 'DialCallSid', ['DialCallSid | The call sid of the new call leg'], { interpret: ['interp.params.dial'], properties: ['INT-ACTION-PARAMS'] }),
  seed('action', 'DialCallDuration', ['DialCallDuration | The duration in seconds'], { interpret: ['interp.params.dial'] }),
  seed('action', 'DialBridged', ['DialBridged | Boolean indicator'], { interpret: ['interp.params.dial'], properties: ['INT-UNANSWERED'] }),
  seed('action', 'RecordingUrl', ['RecordingUrl | The URL of the recorded audio. This parameter is included only if record is set'], {
    interpret: ['interp.params.recording-url', 'interp.recording.none'],
  }),
  seed('action', 'queue-params', ['Twilio will pass additional parameters to your action URL', 'Read the in-depth <Queue> documentation'], {
    interpret: ['interp.queue.action-params'],
    notModelled: 'the seed names no parameter and facts §2.6 only says QueueResult is not one; no parameter is added rather than guessed',
  }),
  seed('action', 'takes-over', ['Twilio will continue the initial call after the dialed party hangs up', 'will be unreachable', 'If you want to take more actions on that initial call'], {
    interpret: ['interp.action'],
    properties: ['INT-NEXT'],
  }),
  seed('action', 'no-action', ['will finish and Twilio will move on to the next TwiML verb', 'If there is no further verb, Twilio will end the phone call', 'different from the behavior of <Record> and <Gather>'], {
    interpret: ['interp.next'],
    properties: ['INT-NEXT'],
  }),
  seed('action', 'always', ['Twilio will always pass along the status'], {
    interpret: ['interp.action', 'interp.caller-hangup.action'],
    options: ['interpret.callerHangupAction'],
  }),

  seed('DialCallStatus', 'values', ['Possible DialCallStatus values are', 'Value | Description', 'completed | The called party answered', 'answered | When calling a conference', 'busy | Twilio received a busy signal', 'no-answer | The called party did not pick up', 'failed | Twilio was unable to route', 'canceled | The call was canceled via the REST API'], {
    interpret: ['interp.dial-call-status', 'interp.timeout'],
    properties: ['INT-ACTION-PARAMS'],
  }),

  seed('answerOnBridge', 'first-verb', ['will cause the inbound call to ring until the dialed number answers'], {
    rules: ['dial.answerOnBridge.boolean'],
    interpret: ['interp.answer-on-bridge'],
  }),
  seed('answerOnBridge', 'sip-signalling', ['Twilio will send a 180 or 183 to your SIP server', 'It will wait until the <Dial> call connects to return a 200'], {
    notModelled: 'SIP signalling of the inbound leg is below the HTTP requests the kit derives and observes',
  }),

  seed('callerId', 'default', ["the dialed party sees the inbound caller's number as the caller ID", 'For example: 1-415-123-4567 calls your Twilio number'], {
    interpret: ['interp.status-callback'],
    properties: ['attribute:Dial.callerId'],
  }),
  seed('callerId', 'number-forms', ['You may change the phone number that the called party sees'], { rules: ['dial.callerId.format'], notModelled: ACCOUNT }),
  seed('callerId', 'inbound-sip', ['In the case of an inbound SIP call', 'It can only be either a Twilio number or a phone number verified'], {
    notModelled: 'needs the first request (an inbound SIP call) and number ownership; the validator sees only the document',
  }),
  seed('callerId', 'client', ['you can also set a valid client identifier', 'you could set the callerId attribute to client:joey'], {
    rules: ['dial.callerId.format'],
    options: ['validate.combinations'],
  }),
  seed('callerId', 'sip', ['enter any alphanumeric string as the callerId', 'Optionally include the following characters'], {
    rules: ['dial.callerId.format'],
    options: ['validate.combinations'],
  }),
  seed('callerId', 'example', ['to call a phone number from a Voice SDK Device instance'], { notModelled: EXAMPLE }),

  seed('hangupOnStar', 'star', ['lets the initial caller hang up on the called party', 'The hangupOnStar feature allows the initial caller', 'Twilio will hang up on the called party'], {
    rules: ['dial.hangupOnStar.boolean'],
    interpret: ['interp.hangup-on-star', 'interp.hangup-on-star.ignored'],
  }),
  seed('hangupOnStar', 'blocks', ['Twilio blocks execution of further verbs'], { interpret: ['interp.caller-hangup.bridged', 'interp.next'] }),
  seed('hangupOnStar', 'status', ['Twilio submits a DialCallStatus to that URL', 'the DialCallStatus will be answered', 'All other call types will have a completed', 'If no action was provided, Twilio continues'], {
    interpret: ['interp.hangup-on-star'],
  }),

  seed('method', 'method', ['The method attribute accepts either GET or POST', 'with POST as its default value'], {
    rules: ['dial.method.enum'],
    interpret: ['interp.action.method'],
  }),
  seed('method', 'example', ['specified GET as the method', 'to connect the initial caller to the phone number', 'Twilio will send a GET request to our action URL', 'This request will include the DialCallStatus parameter', 'Our web application hosted at this action URL', 'verb will never execute'], {
    interpret: ['interp.action', 'interp.request.encoding'],
  }),

  seed('record', 'record', ['lets you record both legs of a call', 'Recordings are available in two options', 'both legs of the call are mixed down'], {
    rules: ['dial.record.enum'],
    interpret: ['interp.recording.channels'],
  }),
  seed('record', 'start', ['For mono-channel record options', 'For dual-channel record options'], {
    interpret: ['interp.recording.start', 'interp.recording.channels', 'interp.busy-leg.rang'],
    options: ['interpret.busyLegRang'],
    notModelled: `which party is in which channel: ${AUDIO}`,
  }),
  seed('record', 'conference', ['with a nested <Conference> , the resulting recording file will have two channels', 'The parent leg (inbound caller) is represented', 'The second channel includes the audio'], {
    interpret: ['interp.recording.channels'],
    notModelled: `the audio of each channel: ${AUDIO}`,
  }),

  seed('recordingStatusCallback', 'url', ['takes a relative or absolute URL as an argument', "If you've requested recording for this"], {
    rules: ['dial.recordingStatusCallback.url'],
    interpret: ['interp.recording.callback', 'interp.recording.none', 'interp.request.url'],
  }),
  seed('recordingStatusCallback', 'params', ['Twilio will pass the following parameters', 'Parameter | Description', 'AccountSid | The unique identifier of the Account', 'CallSid | A unique identifier for the call', 'RecordingSid | The unique identifier', 'RecordingUrl | The URL', 'RecordingStatus | The status', 'RecordingDuration | The length', 'RecordingChannels | The number of channels', 'RecordingStartTime | The timestamp', 'RecordingSource | The initiation method'], {
    interpret: ['interp.recording.callback', 'interp.recording.channels'],
    options: ['interpret.epochMs', 'interpret.accountSid'],
  }),

  seed('recordingStatusCallbackEvent', 'events', ['specify which recording status changes', 'The available values are', 'The default value is: completed'], {
    rules: ['dial.recordingStatusCallbackEvent.event'],
    interpret: ['interp.recording.callback'],
  }),
  seed('recordingStatusCallbackEvent', 'rest-api', ['To pause, resume, or stop recordings'], { notModelled: 'the Recording REST API is outside <Dial>' }),
  seed('recordingStatusCallbackEvent', 'example', ['each participant on the <Dial> call to be represented in their own channel'], {
    interpret: ['interp.recording.start', 'interp.recording.channels'],
  }),

  seed('recordingTrack', 'track', ['lets you select whether the inbound', 'Inbound track represents the audio', 'The default value is both', 'will be always mono-channel', 'When audio is recorded using both'], {
    rules: ['dial.recordingTrack.enum'],
    interpret: ['interp.recording.channels'],
  }),

  seed('referUrl', 'enable', ['you must enable the "Enhanced Programmable SIP Features"'], { notModelled: ACCOUNT }),
  seed('referUrl', 'refer', ['If the called party sends a SIP REFER request', 'Your application must respond with how to handle the transfer', 'are added to the standard Twilio Voice Webhook Request', 'Parameter | Description', 'ReferTransferTarget | The phone number or SIP Endpoint'], {
    rules: ['dial.referUrl.url'],
    interpret: ['interp.refer'],
  }),
  seed('referUrl', 'link', ['Learn more about Inbound SIP REFER'], { notModelled: EXAMPLE }),

  seed('referMethod', 'method', ['The referMethod attribute accepts either GET or POST', 'whether to request the action URL via HTTP GET or POST'], {
    rules: ['dial.referMethod.enum'],
    interpret: ['interp.refer'],
  }),

  seed('ringTone', 'ringback', ['override the ringback tone', 'Twilio will play ringback or pass ringback', 'This works automatically'], { notModelled: AUDIO }),
  seed('ringTone', 'values', ['Accepted values are: at , au'], { rules: ['dial.ringTone.enum'] }),
  seed('ringTone', 'sip', ['ringTone will only work as expected if you have enabled'], { notModelled: ACCOUNT }),

  seed('timeLimit', 'limit', ['sets the maximum duration of the <Dial> in seconds', 'by setting a time limit of 120 seconds'], {
    rules: ['dial.timeLimit.*'],
    interpret: ['interp.time-limit', 'interp.time-limit.from'],
    options: ['interpret.timeLimitFrom'],
    properties: ['INT-TIME-LIMIT'],
  }),
  seed('timeLimit', 'maximum', ['The default time limit on calls is 4 hours'], {
    rules: ['dial.timeLimit.range'],
    options: ['validate.allow24HourCalls', 'interpret.maxTimeLimit'],
  }),

  seed('timeout', 'timeout', ['Specifying a timeout will set the limit', 'how long to let the call ring before giving up'], {
    rules: ['dial.timeout.*'],
    interpret: ['interp.timeout', 'interp.out-of-range'],
    options: ['interpret.outOfRange'],
    properties: ['INT-UNANSWERED'],
  }),
  seed('timeout', 'buffer', ['Twilio always adds a five-second timeout buffer'], { interpret: ['interp.timeout.buffer'], options: ['interpret.timeoutBuffer'] }),

  seed('trim', 'trim', ['Setting the trim attribute to trim-silence', 'The trim attribute defaults to do-not-trim'], { rules: ['dial.trim.enum'], properties: ['attribute:Dial.trim'] }),
  seed('trim', 'duration', ['Trimming a file may cause the duration'], { notModelled: AUDIO }),

  seed('callReason', 'reason', ['The Reason for the outgoing call', 'Use it to specify the purpose of the call', '(Branded Calls Private Beta)'], {
    rules: ['dial.callReason.length'],
    notModelled: `what the called phone shows: ${AUDIO}`,
  }),

  seed('Nouns', 'plain-text', ['You may always choose to nest plain text'], { rules: ['dial.text.format', 'dial.empty'], interpret: ['interp.no-legs'] }),
  seed('Nouns', 'nouns', ['You may also choose to nest nouns', 'The noun of a TwiML verb describes', 'TwiML nouns are whatever the verb', 'The following are the nouns that you can use', 'Each is a nested XML element', 'Noun | Description'], {
    rules: ['dial.child.invalid'],
  }),
  seed('Nouns', 'Client', ['<Client> | Describes a Twilio Voice SDK connection'], { rules: ['client.content', 'dial.legs.count'], interpret: ['interp.parallel'] }),
  seed('Nouns', 'Conference', ['<Conference> | Describes a conference'], { rules: ['conference.content', 'dial.conference-queue.alone'] }),
  seed('Nouns', 'Number', ['<Number> | Describes a phone number'], { rules: ['number.content', 'dial.legs.count'], interpret: ['interp.parallel'] }),
  seed('Nouns', 'Sip', ['<Sip> | Describes a SIP connection'], { rules: ['sip.content'] }),
  seed('Nouns', 'Queue', ['<Queue> | Identifies a queue'], { rules: ['queue.content.short', 'queue.content.long'], interpret: ['interp.queue'] }),
  seed('Nouns', 'same-as-text', ['Nest one of these nouns inside a', 'behaves exactly like our basic example'], { properties: ['GEN-BUILD-001'] }),
  seed('Nouns', 'conference-example', ['noun nesting one step further', 'we want a dual-channel recording for a', 'forward the active caller into a conference called myteamroom', 'A dual-channel recording of the call will begin when the ringing begins', 'After the call ends and the recording is ready'], {
    interpret: ['interp.recording.start', 'interp.recording.callback'],
  }),
  seed('Nouns', 'twimlets', ['Twimlets are URLs hosted by Twilio'], { notModelled: EXAMPLE }),
];

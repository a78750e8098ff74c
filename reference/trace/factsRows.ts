import type { TraceRow } from './traceRow.js';

const NOTE = 'not normative: a note about the sources';
const RUNTIME = 'a network, carrier or account condition at run time, not something a document or an outcome says';
const URLS = ['dial.action.url', 'dial.referUrl.url', '*.url.url', '*.statusCallback.url', '*.amdStatusCallback.url', 'conference.recordingStatusCallback.url', 'conference.eventCallbackUrl.url'];

const facts = (section: string, key: string, quotes: readonly string[], rest: Omit<TraceRow, 'kind' | 'section' | 'key' | 'quotes'>): TraceRow => ({
  kind: 'facts',
  section,
  key,
  quotes,
  ...rest,
});

/** Every paragraph, table row and list item of the fact sheet. @see reference/trace/factsParagraphs.ts */
export const FACTS_ROWS: readonly TraceRow[] = [
  facts('sources', 'tags', ['**[DIAL]**', '**[TWIML]**', '**[NUMBER]**', '**[CLIENT]**', '**[SIP]**', '**[QUEUE]**', '**[CONF]**', '**[APP]**', '**[WA]**', '**[RECORD]**', '**[OVR]**', '**[SEC]**', '**[AVAIL]**', '**[ERR-JSON]**', '**[OLD2008]**', '**[NODE]**', '**[SW]**', '**[TELNYX]**', '**[SOMLENG]**', 'Confidence notes'], {
    notModelled: NOTE,
  }),

  facts('1.1', 'action', ['`action` | relative or absolute URL'], { rules: ['dial.action.url'], interpret: ['interp.action'] }),
  facts('1.1', 'method', ['`method` | `GET`, `POST` | `POST` | Method for `action`'], { rules: ['dial.method.enum'], interpret: ['interp.action.method'] }),
  facts('1.1', 'answerOnBridge', ['`answerOnBridge` | `true`, `false`'], { rules: ['dial.answerOnBridge.boolean'], interpret: ['interp.answer-on-bridge'] }),
  facts('1.1', 'callerId', ['`callerId` | a valid phone number'], {
    rules: ['dial.callerId.format', 'dial.whatsapp.no-caller-id'],
    options: ['validate.combinations'],
    notModelled: 'ownership and verification of numbers, the Client calling leg (needs the first request) and the length limit 13248 (no figure given)',
  }),
  facts('1.1', 'callReason', ['`callReason` | string, **max 50 characters**'], {
    rules: ['dial.callReason.length'],
    notModelled: 'the SIP-header form X-Branded-CallReason (32115) is not TwiML',
  }),
  facts('1.1', 'hangupOnStar', ['`hangupOnStar` | `true`, `false`'], { rules: ['dial.hangupOnStar.boolean'], interpret: ['interp.hangup-on-star'] }),
  facts('1.1', 'record', ['`record` | `do-not-record`'], { rules: ['dial.record.enum'], interpret: ['interp.recording.channels'] }),
  facts('1.1', 'recordingStatusCallback', ['`recordingStatusCallback` | relative or absolute URL'], {
    rules: ['dial.recordingStatusCallback.url'],
    interpret: ['interp.recording.invalid-url'],
  }),
  facts('1.1', 'recordingStatusCallbackMethod', ['`recordingStatusCallbackMethod` | `GET`, `POST`'], { rules: ['dial.recordingStatusCallbackMethod.enum'] }),
  facts('1.1', 'recordingStatusCallbackEvent', ['`recordingStatusCallbackEvent` | `in-progress`'], { rules: ['dial.recordingStatusCallbackEvent.event'] }),
  facts('1.1', 'recordingTrack', ['`recordingTrack` | `inbound`, `outbound`, `both`'], { rules: ['dial.recordingTrack.enum'], interpret: ['interp.recording.channels'] }),
  facts('1.1', 'referUrl', ['`referUrl` | relative or absolute URL'], {
    rules: ['dial.referUrl.url'],
    interpret: ['interp.refer', 'interp.refer.no-url', 'interp.refer.application'],
  }),
  facts('1.1', 'referMethod', ['`referMethod` | `GET`, `POST`'], { rules: ['dial.referMethod.enum'] }),
  facts('1.1', 'ringTone', ['`ringTone` | `at au bg'], { rules: ['dial.ringTone.enum'] }),
  facts('1.1', 'timeLimit', ['`timeLimit` | positive integer (seconds)'], { rules: ['dial.timeLimit.*'], options: ['validate.allow24HourCalls', 'interpret.maxTimeLimit'] }),
  facts('1.1', 'timeout', ['`timeout` | positive integer (seconds)'], { rules: ['dial.timeout.*'], interpret: ['interp.timeout', 'interp.timeout.buffer'] }),
  facts('1.1', 'trim', ['`trim` | `trim-silence`, `do-not-trim`'], { rules: ['dial.trim.enum'], properties: ['attribute:Dial.trim'] }),
  facts('1.1', 'sequential', ['`sequential` | `true`, `false`'], {
    rules: ['dial.sequential.boolean'],
    interpret: ['interp.sequential', 'interp.sequential.timeout'],
    options: ['interpret.sequentialTimeout'],
  }),
  facts('1.1', 'recordingConfigurationId', ['`recordingConfigurationId` | string'], { properties: ['attribute:Dial.recordingConfigurationId'] }),
  facts('1.1', 'helper-only', ["Attributes present in twilio-node's typed"], { rules: ['dial.events.enum'], properties: ['attribute:Dial.passports'] }),
  facts('1.1', 'historical', ['Historical defaults worth knowing'], { notModelled: 'the 2008 API (DialStatus) is not modelled; the kit follows the 2010-04-01 API' }),

  facts('1.2', 'warnings', ['lists the Dial attribute problems as **WARNING** level'], {
    rules: ['dial.timeout.range', 'dial.timeLimit.range'],
    interpret: ['interp.invalid-value', 'interp.out-of-range'],
    options: ['interpret.invalidValue', 'interpret.outOfRange'],
  }),
  facts('1.2', 'schema', ['Misspelled or unknown attributes, wrong-case verbs and unknown nested elements'], {
    rules: ['*.unknown-attribute', '*.child.invalid', 'response.unknown-verb', 'dial.nested'],
  }),
  facts('1.2', 'parse', ['XML that is not well-formed'], { rules: ['xml.malformed', 'xml.dtd', 'response.root'], properties: ['EP-XML'] }),

  facts('1.3', 'level-note', ['Level as given in [ERR-JSON]'], { notModelled: NOTE }),
  facts('1.3', '11100', ['| 11100 |'], { rules: URLS, interpret: ['interp.action.invalid-url'] }),
  facts('1.3', 'http', ['| 11200 |', '| 11201 |', '| 11202 |', '| 11203 |', '| 11205 |', '| 11206 / 11251 |'], { properties: ['EP-ANSWER', 'EP-STATUS'] }),
  facts('1.3', 'dns-tls', ['| 11210 |', '| 11220, 11235–11237 |', '| 11240–11243 |'], { notModelled: RUNTIME }),
  facts('1.3', 'redirects', ['| 11215 |', '| 11216 |'], { properties: ['EP-REDIRECT'] }),
  facts('1.3', '11750', ['| 11750 |'], { rules: ['xml.size'], options: ['validate.maxBytes'], properties: ['EP-SIZE'] }),
  facts('1.3', '12100', ['| 12100 |'], { rules: ['xml.malformed', 'xml.dtd'], properties: ['EP-XML'] }),
  facts('1.3', '12101', ['| 12101 |'], { rules: ['response.version'] }),
  facts('1.3', '12102', ['| 12102 |'], { rules: ['response.root'] }),
  facts('1.3', '12200', ['| 12200 |'], { rules: ['*.unknown-attribute', '*.child.invalid', 'response.unknown-verb'] }),
  facts('1.3', '12300', ['| 12300 |'], { properties: ['EP-CONTENT-TYPE'] }),
  facts('1.3', '12400', ['| 12400 |'], { notModelled: 'a Twilio internal failure' }),
  facts('1.3', '13201', ['| 13201 |'], { notModelled: 'what a noun url answers is not validated (issue 11 part 3: whisper TwiML)' }),
  facts('1.3', '13210', ['| 13210 |'], { rules: ['dial.method.enum'] }),
  facts('1.3', '13211', ['| 13211 |'], { rules: ['dial.unknown-attribute'], notModelled: 'ifMachine is a legacy attribute the current docs drop; it is reported as unknown (12200)' }),
  facts('1.3', '13212', ['| 13212 |'], { rules: ['dial.timeout.*'] }),
  facts('1.3', '13213', ['| 13213 |'], { rules: ['dial.hangupOnStar.boolean'] }),
  facts('1.3', '13214', ['| 13214 |'], { rules: ['dial.callerId.format'] }),
  facts('1.3', '13215', ['| 13215 |'], { rules: ['dial.child.invalid', 'dial.legs.count', 'dial.application.alone', 'dial.mix.text-and-nouns', 'dial.conference-queue.alone'] }),
  facts('1.3', '13216', ['| 13216 |'], { rules: ['dial.timeLimit.*'] }),
  facts('1.3', '13217', ['| 13217 |'], { rules: ['dial.record.enum'] }),
  facts('1.3', '13218', ['| 13218 |'], { rules: ['dial.sequential.boolean'] }),
  facts('1.3', '13219', ['| 13219 |'], { rules: ['dial.answerOnBridge.boolean'] }),
  facts('1.3', '13220', ['| 13220 |'], { rules: ['dial.ringTone.enum'] }),
  facts('1.3', '13221', ['| 13221 |'], { rules: ['number.method.enum'] }),
  facts('1.3', '13222', ['| 13222 |'], { rules: ['number.sendDigits.chars'] }),
  facts('1.3', '13223', ['| 13223 |'], { rules: ['dial.text.format', 'dial.empty', 'number.content', 'whatsapp.content'] }),
  facts('1.3', 'reachability', ['| 13224 |', '| 13225 |', '| 13226 |', '| 13227 |'], { interpret: ['interp.dial-call-status'], notModelled: RUNTIME }),
  facts('1.3', 'conference', ['| 13230–13240 |'], {
    rules: ['conference.*'],
    notModelled: 'the SID codes and the verbs a waitUrl answers (issue 11 part 3) are not checked',
  }),
  facts('1.3', 'sip', ['| 13241–13243 |'], { rules: ['sip.method.enum', 'sip.content'], notModelled: 'sendDigits is not a documented <Sip> attribute (facts §2.4), so 13242 has no rule' }),
  facts('1.3', 'sip-account', ['| 13244–13246 |', '| 13247 |', '| 13248 |', '| 13254, 13255 |', '| 13258 |'], { notModelled: RUNTIME }),
  facts('1.3', 'sip-uris', ['| 13249–13253 |'], {
    rules: ['dial.sip.count', 'sip.header.name', 'sip.headers.length'],
    notModelled: 'SIP credentials (13249) need the account; no source gives the most headers (13251)',
  }),
  facts('1.3', '13256', ['| 13256 |'], { rules: ['dial.recordingStatusCallback.url'], interpret: ['interp.recording.invalid-url'] }),
  facts('1.3', '13802', ['| 13802 |'], { interpret: ['interp.refer.no-url'] }),
  facts('1.3', 'queue', ['| 14210–14219 |'], {
    rules: ['queue.method.enum', 'queue.url.url', 'queue.content.short', 'queue.content.long'],
    notModelled: 'reservation problems need TaskRouter state',
  }),
  facts('1.3', '15003', ['| 15003 |'], { properties: ['EP-CALLBACK-STATUS'] }),
  facts('1.3', '15004', ['| 15004 |'], { notModelled: 'inline TwiML through the REST API: the kit always fetches TwiML from a URL' }),
  facts('1.3', '16025', ['| 16025 |'], { notModelled: RUNTIME }),
  facts('1.3', '32115', ['| 32115 |'], { notModelled: 'a SIP header, not TwiML' }),

  facts('2.1', 'text', ['| plain text | a phone number'], { rules: ['dial.text.format', 'dial.mix.text-and-nouns'] }),
  facts('2.1', 'Number', ['| `<Number>` | phone number'], {
    rules: ['number.content', 'dial.legs.count'],
    interpret: ['interp.parallel', 'interp.parallel.status'],
    options: ['interpret.unansweredParallelStatus'],
  }),
  facts('2.1', 'Client', ['| `<Client>` | identity'], { rules: ['client.content', 'dial.legs.count'], interpret: ['interp.parallel'] }),
  facts('2.1', 'Sip', ['| `<Sip>` | SIP URI'], { rules: ['sip.content', 'sip.headers.length', 'dial.sip.count'], options: ['validate.combinations'] }),
  facts('2.1', 'Conference', ['| `<Conference>` | room name'], { rules: ['conference.content', 'dial.conference-queue.alone'] }),
  facts('2.1', 'Queue', ['| `<Queue>` | queue name'], { rules: ['queue.content.short', 'queue.content.long'] }),
  facts('2.1', 'Application', ['| `<Application>` |'], { rules: ['application.content.missing', 'dial.application.alone'] }),
  facts('2.1', 'WhatsApp', ['| `<WhatsApp>` | phone number'], { rules: ['whatsapp.content', 'dial.callerId.format', 'dial.whatsapp.no-caller-id'] }),
  facts('2.1', 'Sim', ['| `<Sim>` | Super SIM SID'], { rules: ['sim.*'] }),
  facts('2.1', 'mixing', ['turns the up-to-ten nouns into ordered ring-one-after-another'], {
    rules: ['dial.mix.text-and-nouns', 'dial.conference-queue.alone'],
    interpret: ['interp.sequential'],
    options: ['validate.combinations'],
  }),

  facts('2.2', 'sendDigits', ['| `sendDigits` |'], { rules: ['number.sendDigits.chars'], notModelled: 'the digits sent after the answer are audio' }),
  facts('2.2', 'url', ['| `url` | relative or absolute URL | none | "Whisper"'], {
    rules: ['number.url.url'],
    interpret: ['interp.noun-url', 'interp.whisper', 'interp.whisper.hangup'],
    options: ['interpret.whisperHangupStatus'],
    notModelled: 'which verbs the whisper answer may hold (13201) is not validated',
  }),
  facts('2.2', 'method', ['| `method` | `GET`, `POST` | `POST` | for `url`'], { rules: ['number.method.enum'] }),
  facts('2.2', 'byoc', ['| `byoc` |'], { properties: ['attribute:Number.byoc'], notModelled: 'the trunk a call leaves by is not observable' }),
  facts('2.2', 'status', ['| `statusCallbackEvent` | `initiated ringing answered completed`', '| `statusCallback` | any URL', '| `statusCallbackMethod` |'], {
    rules: ['number.statusCallbackEvent.event', 'number.statusCallback.url', 'number.statusCallbackMethod.enum'],
    properties: ['attribute:Number.statusCallback'],
    interpret: ['interp.status-callback'],
  }),
  facts('2.2', 'amd', ['| `machineDetection` |', '| `machineDetectionTimeout` |', '| `machineDetectionSpeechThreshold` |', '| `machineDetectionSpeechEndThreshold` |', '| `machineDetectionSilenceTimeout` |', '| `amdStatusCallback` /'], {
    rules: ['number.machineDetection*', 'number.amdStatusCallback*'],
    interpret: ['interp.amd', 'interp.amd.callback', 'interp.amd.no-callback', 'interp.amd.sync', 'interp.amd.outcome-missing', 'interp.amd.ended-first'],
    options: ['interpret.amdMode'],
  }),

  facts('2.3', 'client', ['`statusCallbackEvent` (`initiated ringing answered completed`;'], {
    rules: ['client.*'],
    interpret: ['interp.status-callback', 'interp.status-callback.default'],
    options: ['interpret.statusCallbackEventDefault'],
  }),
  facts('2.4', 'sip', ['`username`, `password`, `statusCallbackEvent` (table: none)'], {
    rules: ['sip.*'],
    notModelled: 'URI parameters (region, transport) are not checked: no source gives the code for a bad one',
  }),
  facts('2.5', 'conference', ['`startConferenceOnEnter` (true)'], {
    rules: ['conference.*'],
    interpret: ['interp.conference.timeline', 'interp.conference.callback', 'interp.conference.events-default', 'interp.conference.wait-url', 'interp.conference.not-modelled'],
    notModelled: 'the modify and announcement events and the conference recording (interp.conference.not-modelled)',
  }),
  facts('2.6', 'queue', ['Connects the caller to the first call waiting in the named queue'], {
    rules: ['queue.*'],
    interpret: ['interp.queue', 'interp.noun-url', 'interp.queue.url-params'],
    options: ['validate.queueNameLimit'],
  }),
  facts('2.6', 'queue-result', ['`QueueResult` is **not** a `<Dial>` parameter'], { interpret: ['interp.params.dial'] }),
  facts('2.7', 'application', ['`customerId` (string ≤256 chars'], {
    rules: ['application.*', 'dial.application.alone'],
    interpret: ['interp.refer.application', 'interp.application.copy-parent-to'],
  }),
  facts('2.8', 'whatsapp', ['must be a registered, voice-enabled WhatsApp sender'], { rules: ['whatsapp.*', 'dial.callerId.format', 'dial.whatsapp.no-caller-id'] }),

  facts('3.1', 'status', ['| `DialCallStatus` | always'], { interpret: ['interp.dial-call-status'] }),
  facts('3.1', 'dial', ['| `DialCallSid` |', '| `DialCallDuration` |', '| `DialBridged` |'], { interpret: ['interp.params.dial'], properties: ['INT-ACTION-PARAMS'] }),
  facts('3.1', 'recording', ['| `RecordingUrl` | only when'], { interpret: ['interp.params.recording-url'] }),
  facts('3.1', 'sip', ['| `DialSipCallId`'], { interpret: ['interp.params.sip'] }),
  facts('3.1', 'standard', ['| plus the standard voice request parameters'], { interpret: ['interp.params.standard'] }),
  facts('3.2', 'values', ['| `completed` | callee answered', '| `answered` | conference dials', '| `busy` |', '| `no-answer` |', '| `failed` |', '| `canceled` |'], {
    interpret: ['interp.dial-call-status', 'interp.hangup-on-star', 'interp.timeout'],
  }),
  facts('3.3', 'with-action', ['**With `action`**'], { interpret: ['interp.action'], properties: ['INT-NEXT'] }),
  facts('3.3', 'without-action', ['**Without `action`**'], { interpret: ['interp.next'] }),
  facts('3.3', 'goodbye', ['Worked example from the page'], { interpret: ['interp.caller-hangup.bridged', 'interp.caller-hangup.ringing'] }),
  facts('3.3', 'ends', ['The new call is ended'], { interpret: ['interp.timeout', 'interp.outcome.missing-leg'] }),
  facts('3.4', 'star', ['While bridged, Twilio blocks further verbs'], { interpret: ['interp.hangup-on-star', 'interp.hangup-on-star.ignored'] }),
  facts('3.5', 'standard', ['Always sent (as POST body or as query string'], {
    interpret: ['interp.params.standard', 'interp.params.child', 'interp.params.e164'],
    options: ['interpret.accountSid'],
    properties: ['GEN-REQUEST-001'],
  }),
  facts('3.6', 'hangup-action', ['Not stated in current docs'], {
    interpret: ['interp.caller-hangup.action', 'interp.caller-hangup.status'],
    options: ['interpret.callerHangupAction', 'interpret.callerHangupRingingStatus'],
  }),
  facts('4.1', 'recording', ['`CallSid` (always the **parent** leg)'], { interpret: ['interp.recording.callback'], options: ['interpret.epochMs'] }),
  facts('4.2', 'status', ['Events `initiated` (Twilio starts dialing)'], { interpret: ['interp.status-callback', 'interp.params.child'], properties: ['EP-CALLBACK-STATUS'] }),

  facts('5', 'encoding', ['| Method & encoding |'], { interpret: ['interp.request.encoding'], properties: ['INT-ABSOLUTE'] }),
  facts('5', 'caching', ['| Caching |'], { notModelled: 'the kit sends each request once and caches nothing' }),
  facts('5', 'relative', ['| Relative URLs |'], { interpret: ['interp.request.url'], notModelled: 'inline TwiML (15004) is never the kit\'s case' }),
  facts('5', 'redirects', ['| Redirects |'], { properties: ['EP-REDIRECT'] }),
  facts('5', 'timeouts', ['| Timeouts |'], { properties: ['EP-ANSWER'] }),
  facts('5', 'overrides', ['| Connection overrides'], { interpret: ['interp.request.url'], notModelled: 'retries and edges are not played; the fragment is dropped' }),
  facts('5', 'types', ['| Accepted response types |'], { properties: ['EP-CONTENT-TYPE', 'EP-SIZE'] }),
  facts('5', 'fallback', ['| Failures & fallback |'], { notModelled: 'the fallback URL is number configuration, not part of the document' }),
  facts('5', 'headers', ['| Request headers seen |'], { properties: ['EP-SIGNATURE'] }),
  facts('5.1', 'signature', ['Start from the full URL Twilio requested', 'For GET the parameters are already in the query', 'Connection-override fragments', 'Voice over HTTPS', 'For POST with form body', 'HMAC-SHA1 with the (primary) Auth Token', 'Compare with the header', 'JSON bodies', 'Test vectors', '`12345` |', 'The signed string of the first vector'], {
    properties: ['EP-SIGNATURE'],
  }),

  facts('6', 'twilio-node', ['Facts from the source', 'XML library', '`toString()` = `end()`', '**Attribute names are passed through verbatim**', 'Attribute order = JS object insertion order', 'Values: `undefined`/`null`', 'Escaping — attribute values', '`dial(attrs, number)`', '`addText(s)`', 'Typed API (TypeScript)', 'Exact outputs'], {
    properties: ['GEN-BUILD-001', 'GEN-BUILD-002'],
  }),
  facts('6.1', 'twilio-node-tests', ['`spec/unit/twiml/VoiceResponse.spec.js`', '<Dial hangupOnStar="true" timeout="5"', '<Sip method="GET"', '<Sim>DEaaaa', '<Reject/>', 'statusCallbackEvents=', 'action=getTwiml', '<Ninja sword="always"/>'], {
    properties: ['GEN-BUILD-001'],
  }),
  facts('7', 'platforms', ['**SignalWire cXML/LaML**', '**Telnyx TeXML**', '**Somleng**', 'adhearsion-twilio (2019'], {
    notModelled: 'other platforms: the kit checks against Twilio; a target\'s known divergences belong in its profile',
  }),

  facts('8.1', 'lists', ['**Empty lists in the rendered HTML.**'], { interpret: ['interp.timeout', 'interp.caller-hangup.bridged', 'interp.next'] }),
  facts('8.2', 'range', ['**Out-of-range numbers**'], { interpret: ['interp.out-of-range'], options: ['interpret.outOfRange'] }),
  facts('8.3', 'buffer', ['**The 5-second buffer**'], { interpret: ['interp.timeout.buffer'], options: ['interpret.timeoutBuffer'] }),
  facts('8.4', 'hangup', ['**Caller hangs up during Dial with action**'], { options: ['interpret.callerHangupAction'] }),
  facts('8.5', 'mixing', ['**Mixing nouns**'], {
    rules: ['dial.mix.text-and-nouns', 'dial.conference-queue.alone', 'dial.sip.count'],
    options: ['validate.combinations'],
  }),
  facts('8.6', 'defaults', ['**Defaults that contradict**'], { properties: ['attribute:Dial.trim', 'attribute:Client.statusCallbackEvent', 'attribute:Dial.sequential'] }),
  facts('8.7', 'refer-method', ['**Copy-paste slip**'], { interpret: ['interp.refer'] }),
  facts('8.8', 'status-list', ['**Status list slip**'], { interpret: ['interp.status-callback'] }),
  facts('8.9', 'queue-name', ['**Queue name length**'], { rules: ['queue.content.long'], options: ['validate.queueNameLimit'] }),
  facts('8.10', 'record-aliases', ['**`record` aliases**'], { rules: ['dial.record.enum'] }),
  facts('8.11', 'redirect-method', ['**Redirect method after 302/303**'], {
    properties: ['EP-REDIRECT'],
    notModelled: 'no option: the endpoint check follows browsers (POST becomes GET after 301/302/303, 307 keeps it)',
  }),
  facts('8.12', 'callReason', ['**`callReason`** is documented'], { properties: ['attribute:Dial.callReason'] }),
  facts('8.13', 'drift', ['**Historical drift**'], { notModelled: 'legacy forms (DialStatus, ifMachine, 40 participants) are not modelled' }),
  facts('8.14', 'caps', ['**Endpoint caps below `timeout`**'], { notModelled: 'SDK and media caps are not in the <Dial> page; no knob is offered' }),
  facts('8.15', 'hangup', ['**Caller hangup + action**'], { options: ['interpret.callerHangupAction'] }),
  facts('summary', 'summary', ["Twilio's own documentation silently loses content"], { notModelled: 'restates the sections above' }),
];

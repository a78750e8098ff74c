/**
 * Facts taken from Twilio's own pages beyond the seed and the fact sheet, each with its page and the
 * date it was read. A citation `page §err-12101` names one. Paraphrased; codes and names verbatim.
 */
export interface PageFact {
  readonly id: string;
  readonly url: string;
  /** When the page was read (ISO date). */
  readonly retrieved: string;
  readonly fact: string;
}

const READ = '2026-12-01';
/** When the Gather and Record pages were read. */
const READ_INPUT = '2026-12-02';
const READ_CALLERS = '2026-12-02';
/** When the Conference, Number and AMD pages were read for the interpreter's callbacks. */
const READ_ORACLE = '2026-12-02';
const CONFERENCE = 'https://www.twilio.com/docs/voice/twiml/conference';

export const PAGE_FACTS: readonly PageFact[] = [
  {
    id: 'err-12101',
    url: 'https://www.twilio.com/docs/api/errors/12101',
    retrieved: READ,
    fact: 'ERROR 12101 "Invalid Twilio Markup XML version": the version attribute of the Response root element is not valid.',
  },
  {
    id: 'response-version',
    url: 'http://www.twilio.com/docs/api/2008-08-01/twiml/response',
    retrieved: READ,
    fact: 'Response takes a version attribute, a Twilio version identifier (default: the account\'s default version); the example writes version="2008-08-01".',
  },
  {
    id: 'api-versions',
    url: 'https://twilio.com/docs/api/errors/30028',
    retrieved: READ,
    fact: 'The API versions are 2008-08-01 and 2010-04-01 (error 30028: the version is not either 2008-08-01 or 2010-04-01).',
  },
  {
    id: 'response-nesting',
    url: 'http://www.twilio.com/docs/api/2008-08-01/twiml/response',
    retrieved: READ,
    fact: 'All verbs must be nested within Response, any other structure is invalid; Response is the top level element and may not be nested in any other verb element.',
  },
  {
    id: 'err-13320',
    url: 'https://www.twilio.com/docs/api/errors/13320',
    retrieved: READ,
    fact: 'WARNING 13320 "Gather: Invalid nested verb": the only valid nested elements of Gather are Say and Play.',
  },
  {
    id: 'gather-nesting',
    url: 'https://www.twilio.com/docs/api/twiml/gather',
    retrieved: READ,
    fact: 'You may optionally nest Say and Play verbs within a Gather verb while waiting for input.',
  },
  {
    id: 'gather-pause',
    url: 'https://www.rubydoc.info/gems/twilio-ruby/Twilio/TwiML/Gather',
    retrieved: READ,
    fact: 'Twilio\'s helper library gives Gather three child builders: say, play and pause (Pause nests in Gather besides Say and Play).',
  },
  {
    id: 'err-13252',
    url: 'https://www.twilio.com/docs/api/errors/13252',
    retrieved: READ,
    fact: 'WARNING 13252 "Dial: Invalid header name": a custom header of a Dial Sip URI needs the x- prefix; User-to-User, Remote-Party-ID, P-Preferred-Identity and P-Called-Party-ID are supported without it; names use characters valid in SIP.',
  },
  {
    id: 'err-13253',
    url: 'https://www.twilio.com/docs/api/errors/13253',
    retrieved: READ,
    fact: 'WARNING 13253 "Dial: Header is too long": you sent a header that is too long.',
  },
  {
    id: 'err-21227',
    url: 'https://www.twilio.com/docs/api/errors/21227',
    retrieved: READ,
    fact: 'WARNING 21227: the headers portion of a SIP URI must be fewer than 1024 characters.',
  },
  {
    id: 'gather-attributes',
    url: 'https://www.twilio.com/docs/voice/twiml/gather',
    retrieved: READ_INPUT,
    fact: 'Gather attributes and defaults: action, a relative or absolute URL, defaults to the current document URL; method GET or POST, default POST; input dtmf, speech or dtmf speech, default dtmf; finishOnKey 0-9, #, * or the empty string, default #; numDigits a positive integer, default unlimited; partialResultCallback a URL, default none.',
  },
  {
    id: 'gather-finish-key',
    url: 'https://www.twilio.com/docs/voice/twiml/gather',
    retrieved: READ_INPUT,
    fact: 'finishOnKey works only when a digit sequence comes before it; it cannot stop a Gather that has had no digit input.',
  },
  {
    id: 'gather-flow',
    url: 'https://www.twilio.com/docs/voice/twiml/gather',
    retrieved: READ_INPUT,
    fact: 'With the defaults Twilio waits up to five seconds; digits followed by # or by 5 seconds of silence go as a parameter of a POST to the action URL, or to the URL of the document holding the Gather when there is no action; when no digits come and 5 seconds pass, Twilio moves on to the next verb, and the call ends when there is none.',
  },
  {
    id: 'gather-timeout',
    url: 'https://www.twilio.com/docs/api/twiml/gather',
    retrieved: READ_INPUT,
    fact: 'timeout is a positive integer, default 5 seconds; if no input is received before timeout, Gather falls through to the next verb.',
  },
  {
    id: 'gather-no-digits',
    url: 'http://www.twilio.com/docs/api/twiml/gather',
    retrieved: READ_INPUT,
    fact: 'If the timeout is reached before any digit, or the caller presses the finishOnKey value before any other digit, Twilio makes no request to the action URL and goes on with the verb after the Gather; verbs after a Gather are unreachable unless the caller enters no digits.',
  },
  {
    id: 'gather-digits',
    url: 'http://www.twilio.com/docs/api/2008-08-01/twiml/gather',
    retrieved: READ_INPUT,
    fact: 'The action request carries the form parameter Digits, the digits received from the caller; timeout is how long Gather waits for the caller to press another digit before submitting the digits entered so far.',
  },
  {
    id: 'err-13310',
    url: 'https://twilio.com/docs/api/errors/13310',
    retrieved: READ_INPUT,
    fact: 'WARNING 13310 "Gather: Invalid finishOnKey value": finishOnKey must be one of the characters 0123456789#*.',
  },
  {
    id: 'err-13314',
    url: 'https://twilio.com/docs/api/errors/13314',
    retrieved: READ_INPUT,
    fact: 'WARNING 13314 "Gather: Invalid numDigits value": numDigits must be a positive integer.',
  },
  {
    id: 'err-13338',
    url: 'https://twilio.com/docs/api/errors/13338',
    retrieved: READ_INPUT,
    fact: 'ERROR 13338 "Gather: Invalid actionOnEmptyResult value": Gather takes an actionOnEmptyResult attribute (the page names it, not its meaning).',
  },
  {
    id: 'record-attributes',
    url: 'https://www.twilio.com/docs/voice/twiml/record',
    retrieved: READ_INPUT,
    fact: 'Record attributes and defaults: action a relative or absolute URL, default the current document URL; method GET or POST, default POST; timeout a positive integer, default 5; finishOnKey any digit, # or *, default 1234567890*#; maxLength an integer greater than 1 and at most 14400 or 86400 by account, default 3600; playBeep default true; trim trim-silence or do-not-trim, default trim-silence; recordingStatusCallback default none; recordingStatusCallbackMethod default POST; recordingStatusCallbackEvent in-progress, completed, absent, default completed; transcribe default false; transcribeCallback default none.',
  },
  {
    id: 'record-action',
    url: 'http://www.twilio.com/docs/api/twiml/record',
    retrieved: READ_INPUT,
    fact: 'When the recording is finished Twilio requests the action URL (default: the current document URL) and goes on with the TwiML it receives; verbs after a Record are unreachable, with one exception: when Twilio receives an empty recording it makes no request to the action URL and goes on with the next verb.',
  },
  {
    id: 'record-params',
    url: 'http://www.twilio.com/docs/api/twiml/record',
    retrieved: READ_INPUT,
    fact: 'The action request carries the standard voice request parameters plus RecordingUrl, the URL of the recorded audio, and RecordingDuration, its duration in seconds.',
  },
  {
    id: 'record-finish',
    url: 'http://www.twilio.com/docs/api/2008-08-01/twiml/record',
    retrieved: READ_INPUT,
    fact: 'timeout ends the recording after that many seconds of silence (default 5); finishOnKey is a set of digits that end the recording: pressing one stops it at once and the key goes to the action URL with the recording; Digits is the key, if any, pressed to end the recording.',
  },
  {
    id: 'err-13613',
    url: 'https://www.twilio.com/docs/api/errors/13613',
    retrieved: READ_INPUT,
    fact: 'WARNING 13613 "Record: Invalid finishOnKey value": finishOnKey must be one of the characters 0123456789#*.',
  },
  {
    id: 'sip-request-params',
    url: 'https://www.twilio.com/docs/voice/api/sip-twiml',
    retrieved: READ_CALLERS,
    fact: 'For a call to a SIP Domain, the request for TwiML carries To (the URI of the INVITE), From (the From header of the INVITE), SipDomain, SipDomainSid, SipUsername (only with Credential List authentication), SipCallId (the Call-Id of the INVITE), SipSourceIp, and one SipHeader_<name> per X- header of the INVITE.',
  },
  {
    id: 'sip-domain-resource',
    url: 'https://static0.twilio.com/docs/voice/sip/api/sip-domain-resource',
    retrieved: READ_CALLERS,
    fact: 'A SIP Domain SID matches ^SD[0-9a-fA-F]{32}$; a domain name holds letters, digits and "-" and must end with sip.twilio.com (a request to sip:alice@example.sip.twilio.com routes to Twilio).',
  },
  {
    id: 'request-client-from',
    url: 'https://www.twilio.com/docs/api/twiml/twilio_request',
    retrieved: READ_CALLERS,
    fact: 'From and To of a voice request are phone numbers in E.164 or client identifiers with the client: scheme: a call from a client named tommy has From client:tommy, a call to a client named jenny has To client:jenny.',
  },
  {
    id: 'client-identity',
    url: 'https://www.twilio.com/docs/voice/sdks/javascript/twiliodevice',
    retrieved: READ_CALLERS,
    fact: 'The identity in a Voice SDK Access Token is at most 121 characters and may only hold alpha-numeric and underscore characters.',
  },
  {
    id: 'client-connect-params',
    url: 'https://support.twilio.com/hc/en-us/articles/115011213347-Passing-custom-information-via-requests-to-Twilio',
    retrieved: READ_CALLERS,
    fact: 'The params given to Device.connect() reach the application of the Device\'s token as POST/GET parameters of its request (for example app=Support and location=Seattle).',
  },
  {
    id: 'conference-start',
    url: CONFERENCE,
    retrieved: READ_ORACLE,
    fact: 'Conferences will not start until at least two participants join; while waiting, background music is played. The start event occurs when there are at least two participants in the conference and at least one of them has startConferenceOnEnter="true".',
  },
  {
    id: 'conference-first-participant',
    url: CONFERENCE,
    retrieved: READ_ORACLE,
    fact: 'The statusCallback URL and the statusCallbackEvent events are set by the first participant to join the conference; those of later participants are ignored.',
  },
  {
    id: 'conference-events',
    url: CONFERENCE,
    retrieved: READ_ORACLE,
    fact: 'statusCallbackEvent takes start, end, join, leave, mute, hold, modify, speaker and announcement (default none); StatusCallbackEvent is one of conference-start, conference-end, participant-join, participant-leave, participant-mute, participant-unmute, participant-hold, participant-unhold, participant-modify, participant-speech-start, participant-speech-stop, announcement-end, announcement-fail.',
  },
  {
    id: 'conference-callback-params',
    url: CONFERENCE,
    retrieved: READ_ORACLE,
    fact: 'The statusCallback request carries ConferenceSid, FriendlyName, AccountSid, SequenceNumber, Timestamp and StatusCallbackEvent on every event; CallSid, Muted, Hold, Coaching, EndConferenceOnExit, StartConferenceOnEnter and ParticipantLabel on participant events; CallSidEndingConference, ParticipantLabelEndingConference, ReasonConferenceEnded (among them last-participant-left, participant-with-end-conference-on-exit-left) and Reason on end; ParticipantCallStatus and ReasonParticipantLeft on participant-leave.',
  },
  {
    id: 'conference-wait-url',
    url: CONFERENCE,
    retrieved: READ_ORACLE,
    fact: 'waitUrl is played before the conference has started and may return MP3, WAV or TwiML with Play, Say, Pause and Redirect; waitMethod defaults to POST when a waitUrl is given; without one Twilio makes a GET to its default classical playlist.',
  },
  {
    id: 'number-amd-attributes',
    url: 'https://twilio.com/docs/api/twiml/number',
    retrieved: READ_ORACLE,
    fact: 'Number attributes: url (none), method GET or POST (POST), machineDetection Enable or DetectMessageEnd (none), machineDetectionTimeout 3-60 (30), machineDetectionSpeechThreshold 1000-6000 (2400), machineDetectionSpeechEndThreshold 500-5000 (1200), machineDetectionSilenceTimeout 2000-10000 (5000), amdStatusCallback any URL (none), amdStatusCallbackMethod GET or POST (POST).',
  },
  {
    id: 'amd-timeout-unknown',
    url: 'https://www.twilio.com/docs/api/rest/answering-machine-detection',
    retrieved: READ_ORACLE,
    fact: 'MachineDetectionTimeout is how long Twilio attempts detection before timing out, and then AnsweredBy is unknown; with DetectMessageEnd, AnsweredBy comes at once for a human, for a machine only at the end of its greeting.',
  },
  {
    id: 'err-21262',
    url: 'https://twilio.com/docs/api/errors/21262',
    retrieved: READ_ORACLE,
    fact: 'WARNING 21262 "No AMD status callback URL provided": AMD was enabled without an AMD status callback URL, so Twilio has nowhere to send the results; they stay available in the /Calls resource.',
  },
  {
    id: 'err-21263',
    url: 'https://twilio.com/docs/api/errors/21263',
    retrieved: READ_ORACLE,
    fact: 'WARNING 21263 "Invalid Answering Machine Detection Parameters": AsyncAmd, AsyncAmdStatusCallback and AsyncAmdStatusCallbackMethod must not be added to <Dial><Number> or <Dial><Sip> TwiML.',
  },
];

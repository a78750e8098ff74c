import type { TraceRow } from './traceRow.js';

/** A row of a page fact; `key` is `fact` unless `rest` names another (a fact traced by several rows). */
const page = (section: string, quotes: readonly string[], rest: Omit<TraceRow, 'kind' | 'section' | 'key' | 'quotes'> & { readonly key?: string }): TraceRow => ({
  kind: 'page',
  section,
  key: 'fact',
  quotes,
  ...rest,
});

/** The facts of {@link PAGE_FACTS}, each traced like a sentence of the seed. */
export const PAGE_ROWS: readonly TraceRow[] = [
  page('err-12101', ['Invalid Twilio Markup XML version'], { rules: ['response.version'] }),
  page('response-version', ['a Twilio version identifier'], { rules: ['response.version', 'response.unknown-attribute'] }),
  page('api-versions', ['2008-08-01 and 2010-04-01'], { rules: ['response.version'] }),
  page('response-nesting', ['All verbs must be nested within Response'], { rules: ['response.root', 'response.unknown-verb', 'dial.nested'] }),
  page('err-13320', ['Gather: Invalid nested verb'], { rules: ['gather.child.invalid'] }),
  page('gather-nesting', ['nest Say and Play verbs within a Gather'], { rules: ['gather.child.invalid'] }),
  page('gather-pause', ['say, play and pause'], { rules: ['gather.child.invalid'] }),
  page('err-13252', ['Dial: Invalid header name'], { rules: ['sip.header.name'] }),
  page('err-13253', ['Dial: Header is too long'], { rules: ['sip.headers.length'] }),
  page('err-21227', ['fewer than 1024 characters'], { rules: ['sip.headers.length'] }),
  page('gather-attributes', ['input dtmf, speech or dtmf speech', 'numDigits a positive integer', 'defaults to the current document URL'], { plays: ['playGather'] }),
  page('gather-attributes', ['partialResultCallback a URL'], { key: 'partial', notModelled: 'partialResultCallback reports partial speech; its answer drives nothing, so the walk does not play it.' }),
  page('gather-finish-key', ['it cannot stop a Gather that has had no digit input'], { plays: ['playGather'] }),
  page('gather-flow', ['digits followed by # or by 5 seconds of silence', 'moves on to the next verb'], { plays: ['playGather', 'VERB_PLAY_OPTIONS.gatherDigitsWithFinishKey'] }),
  page('gather-timeout', ['default 5 seconds', 'falls through to the next verb'], { plays: ['playGather'] }),
  page('gather-no-digits', ['before any other digit', 'makes no request to the action URL'], { plays: ['playGather', 'VERB_PLAY_OPTIONS.gatherHangup'] }),
  page('gather-digits', ['the form parameter Digits'], { plays: ['playGather', 'VERB_PLAY_OPTIONS.speechParams', 'VERB_PLAY_OPTIONS.confidenceDecimals'] }),
  page('err-13310', ['Gather: Invalid finishOnKey value'], { plays: ['playGather'] }),
  page('err-13314', ['Gather: Invalid numDigits value'], { plays: ['playGather'] }),
  page('err-13338', ['Gather: Invalid actionOnEmptyResult value'], { plays: ['playGather', 'VERB_PLAY_OPTIONS.actionOnEmptyResult'] }),
  page('record-attributes', ['default 1234567890*#', 'default 3600', 'default the current document URL'], { plays: ['playRecord'] }),
  page('record-attributes', ['playBeep default true', 'transcribeCallback default none'], { key: 'callbacks', notModelled: 'playBeep, trim, transcription and recording status callbacks do not change the action request; the walk plays the action only.' }),
  page('record-action', ['when Twilio receives an empty recording'], { plays: ['playRecord'] }),
  page('record-params', ['RecordingUrl', 'RecordingDuration, its duration in seconds'], { plays: ['playRecord', 'VERB_PLAY_OPTIONS.recordingSid', 'VERB_PLAY_OPTIONS.statusAfterHangup'] }),
  page('record-finish', ['that many seconds of silence', 'Digits is the key, if any'], { plays: ['playRecord', 'VERB_PLAY_OPTIONS.recordHangupDigits', 'VERB_PLAY_OPTIONS.recordDigitsWithoutKey'] }),
  page('err-13613', ['Record: Invalid finishOnKey value'], { plays: ['playRecord'] }),
  page('sip-request-params', ['SipDomain, SipDomainSid', 'one SipHeader_<name> per X- header'], {
    properties: ['GEN-REQUEST-001'],
    notModelled: 'first requests only: voiceRequest({ callers }) draws them; the inbound-SIP callerId rule needs the request, so the endpoint check applies it',
  }),
  page('sip-domain-resource', ['must end with sip.twilio.com'], { properties: ['GEN-REQUEST-001'] }),
  page('request-client-from', ['From client:tommy'], {
    properties: ['GEN-REQUEST-001'],
    notModelled: 'who calls changes what callerId must be (13214 for a client caller); the endpoint check applies that rule to the request it sent',
  }),
  page('client-identity', ['at most 121 characters'], { properties: ['GEN-REQUEST-001'] }),
  page('client-connect-params', ['as POST/GET parameters'], {
    notModelled: 'custom parameters are the app\'s own; voiceRequest sends a To among them or none',
  }),
  page('conference-start', ['at least two participants join', 'background music is played'], { interpret: ['interp.conference.timeline', 'interp.conference.wait-url'] }),
  page('conference-first-participant', ['set by the first participant to join'], { interpret: ['interp.conference.first-participant'] }),
  page('conference-events', ['participant-speech-start', 'default none'], { interpret: ['interp.conference.callback', 'interp.conference.events-default'] }),
  page('conference-events', ['participant-modify', 'announcement-end'], { key: 'modify', interpret: ['interp.conference.not-modelled'] }),
  page('conference-callback-params', ['Coaching, EndConferenceOnExit', 'last-participant-left'], { interpret: ['interp.conference.callback'] }),
  page('conference-callback-params', ['ParticipantCallStatus and ReasonParticipantLeft', 'and Reason on end'], {
    key: 'leave',
    interpret: ['interp.conference.not-modelled'],
    notModelled: 'the outcome does not say why the caller left nor its call status then; Reason is free text; who ended a conference the caller did not end is unknown',
  }),
  page('conference-wait-url', ['played before the conference has started', 'waitMethod defaults to POST'], { interpret: ['interp.conference.wait-url'] }),
  page('number-amd-attributes', ['machineDetectionTimeout 3-60 (30)', 'amdStatusCallbackMethod GET or POST (POST)'], { interpret: ['interp.amd', 'interp.amd.callback'] }),
  page('number-amd-attributes', ['machineDetectionSpeechThreshold 1000-6000 (2400)'], { key: 'tuning', notModelled: 'the speech and silence thresholds tune detection; the outcome gives the verdict and its time directly' }),
  page('amd-timeout-unknown', ['then AnsweredBy is unknown'], { interpret: ['interp.amd', 'interp.amd.outcome-missing'] }),
  page('err-21262', ['No AMD status callback URL provided'], { interpret: ['interp.amd.no-callback'] }),
  page('err-21263', ['must not be added to <Dial><Number>'], { options: ['interpret.amdMode'] }),
];

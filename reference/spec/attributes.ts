import type { TwilioCode } from './codes.js';
import type { Source } from './sources.js';
import type { ValueKind } from './valueKinds.js';

export type ElementName = 'Dial' | 'Number' | 'Client' | 'Sip' | 'Conference' | 'Queue' | 'Application' | 'WhatsApp' | 'Sim';

export interface AttributeSpec {
  readonly element: ElementName;
  readonly name: string;
  readonly value: ValueKind;
  /** The documented default, as it would be written in the XML; absent when there is none or it is not a writable value. */
  readonly default?: string;
  /** The code Twilio reports for an invalid value. */
  readonly code: TwilioCode;
  /** Set when the sources name no code for this attribute and the generic schema warning is used. */
  readonly codeIsGeneric?: true;
  readonly source: Source;
  /** Where the sources disagree or are silent about this attribute, and what the table chose. */
  readonly note?: string;
}

const METHOD = { kind: 'enum', values: ['GET', 'POST'] } as const satisfies ValueKind;
const BOOLEAN = { kind: 'boolean' } as const satisfies ValueKind;
const URL = { kind: 'url' } as const satisfies ValueKind;
const CALL_EVENTS = { kind: 'eventList', values: ['initiated', 'ringing', 'answered', 'completed'] } as const satisfies ValueKind;
const RECORDING_EVENTS = { kind: 'eventList', values: ['in-progress', 'completed', 'absent'] } as const satisfies ValueKind;

/** The 40 ringTone values listed by the seed (two of them, `uk` and `us-old`, are not ISO 3166-1 codes). */
export const RING_TONES = [
  'at', 'au', 'bg', 'br', 'be', 'ch', 'cl', 'cn', 'cz', 'de', 'dk', 'ee', 'es', 'fi', 'fr', 'gr', 'hu', 'il', 'in', 'it',
  'lt', 'jp', 'mx', 'my', 'nl', 'no', 'nz', 'ph', 'pl', 'pt', 'ru', 'se', 'sg', 'th', 'uk', 'us', 'us-old', 'tw', 've', 'za',
] as const;

const GENERIC = { code: 12200, codeIsGeneric: true } as const;

/** Attributes of `<Dial>` (seed: attribute table and one section per attribute). */
export const DIAL_ATTRIBUTES: readonly AttributeSpec[] = [
  { element: 'Dial', name: 'action', value: URL, code: 11100, source: 'seed §action' },
  { element: 'Dial', name: 'method', value: METHOD, default: 'POST', code: 13210, source: 'seed §method' },
  { element: 'Dial', name: 'answerOnBridge', value: BOOLEAN, default: 'false', code: 13219, source: 'seed §answerOnBridge' },
  {
    element: 'Dial', name: 'callerId', value: { kind: 'callerId' }, code: 13214, source: 'seed §callerId',
    note: 'Default is the caller\'s own caller id, which is not a value one can write.',
  },
  {
    element: 'Dial', name: 'callReason', value: { kind: 'text', maxLength: 50 }, ...GENERIC, source: 'seed §callReason (attribute table: maximum 50 characters)',
    note: 'No code is documented for a callReason over 50 characters in TwiML (32115 is for the SIP header form); the schema warning 12200 is used.',
  },
  { element: 'Dial', name: 'hangupOnStar', value: BOOLEAN, default: 'false', code: 13213, source: 'seed §hangupOnStar' },
  {
    element: 'Dial', name: 'record',
    value: {
      kind: 'enum',
      values: ['do-not-record', 'record-from-answer', 'record-from-ringing', 'record-from-answer-dual', 'record-from-ringing-dual'],
      aliases: { true: 'record-from-answer', false: 'do-not-record' },
    },
    default: 'do-not-record', code: 13217, source: 'seed §record (attribute table: true/false aliases)',
  },
  { element: 'Dial', name: 'recordingStatusCallback', value: URL, code: 13256, source: 'seed §recordingStatusCallback; facts §1.3 13256' },
  { element: 'Dial', name: 'recordingStatusCallbackMethod', value: METHOD, default: 'POST', ...GENERIC, source: 'seed attribute table' },
  { element: 'Dial', name: 'recordingStatusCallbackEvent', value: RECORDING_EVENTS, default: 'completed', ...GENERIC, source: 'seed §recordingStatusCallbackEvent' },
  { element: 'Dial', name: 'recordingTrack', value: { kind: 'enum', values: ['inbound', 'outbound', 'both'] }, default: 'both', ...GENERIC, source: 'seed §recordingTrack' },
  { element: 'Dial', name: 'referUrl', value: URL, code: 11100, source: 'seed §referUrl' },
  { element: 'Dial', name: 'referMethod', value: METHOD, default: 'POST', ...GENERIC, source: 'seed §referMethod' },
  { element: 'Dial', name: 'ringTone', value: { kind: 'enum', values: RING_TONES }, code: 13220, source: 'seed §ringTone' },
  {
    element: 'Dial', name: 'timeLimit', value: { kind: 'integer', min: 1, max: 14400, maxWhen24h: 86400 }, default: '14400', code: 13216,
    source: 'seed §timeLimit (4 hours is also the maximum; 24 hours with the 24-Hour Maximum Call Duration setting)',
  },
  { element: 'Dial', name: 'timeout', value: { kind: 'integer', min: 5, max: 600 }, default: '30', code: 13212, source: 'seed §timeout (minimum 5, maximum 600)' },
  { element: 'Dial', name: 'trim', value: { kind: 'enum', values: ['trim-silence', 'do-not-trim'] }, default: 'do-not-trim', ...GENERIC, source: 'seed §trim' },
  {
    element: 'Dial', name: 'sequential', value: BOOLEAN, default: 'false', code: 13218, source: 'facts §1.1 [DIAL], [NODE] d.ts',
    note: 'The docs leave the default blank; the twilio helper documents false (simultaneous dialing), which is what the Number and Client pages describe.',
  },
  { element: 'Dial', name: 'recordingConfigurationId', value: { kind: 'text' }, ...GENERIC, source: 'facts §1.1 [DIAL]' },
  {
    element: 'Dial', name: 'events', value: { kind: 'enum', values: ['call-progress-event'] }, ...GENERIC, source: 'facts §1.1 [NODE] DialAttributes',
    note: 'Not on the Dial page; the twilio helper\'s types accept it, so it is known and not reported as unknown.',
  },
  {
    element: 'Dial', name: 'passports', value: { kind: 'text' }, ...GENERIC, source: 'facts §1.1 [NODE] DialAttributes',
    note: 'Not on the Dial page; the twilio helper\'s types accept it.',
  },
];

/** Machine detection attributes shared by `<Number>` and `<Sip>` ([NUMBER], [SIP]). */
function machineDetection(element: 'Number' | 'Sip', source: Source): AttributeSpec[] {
  return [
    { element, name: 'machineDetection', value: { kind: 'enum', values: ['Enable', 'DetectMessageEnd'] }, ...GENERIC, source },
    { element, name: 'machineDetectionTimeout', value: { kind: 'integer', min: 3, max: 60 }, default: '30', ...GENERIC, source },
    { element, name: 'machineDetectionSpeechThreshold', value: { kind: 'integer', min: 1000, max: 6000 }, default: '2400', ...GENERIC, source },
    { element, name: 'machineDetectionSpeechEndThreshold', value: { kind: 'integer', min: 500, max: 5000 }, default: '1200', ...GENERIC, source },
    { element, name: 'machineDetectionSilenceTimeout', value: { kind: 'integer', min: 2000, max: 10000 }, default: '5000', ...GENERIC, source },
    { element, name: 'amdStatusCallback', value: URL, code: 11100, source },
    { element, name: 'amdStatusCallbackMethod', value: METHOD, default: 'POST', ...GENERIC, source },
  ];
}

/** A URL whose host may not hold `_` ([NUMBER] statusCallback, [CLIENT] clientNotificationUrl). */
const URL_NO_UNDERSCORE_HOST = { kind: 'url', hostWithoutUnderscore: true } as const satisfies ValueKind;

/** Status callback attributes of the call-leg nouns. */
function statusCallbacks(element: ElementName, source: Source, eventDefault: string | undefined, note?: string): AttributeSpec[] {
  const events: AttributeSpec = { element, name: 'statusCallbackEvent', value: CALL_EVENTS, ...GENERIC, source };
  // @see facts §2.2: "Non-relative URLs need a valid hostname, underscores not allowed" (the Number page only).
  const callbackUrl = element === 'Number' ? URL_NO_UNDERSCORE_HOST : URL;
  return [
    eventDefault === undefined ? { ...events, ...(note === undefined ? {} : { note }) } : { ...events, default: eventDefault },
    { element, name: 'statusCallback', value: callbackUrl, code: 11100, source },
    { element, name: 'statusCallbackMethod', value: METHOD, default: 'POST', ...GENERIC, source },
  ];
}

const NUMBER_SOURCE = 'facts §2.2 [NUMBER]';
const SIP_SOURCE = 'facts §2.4 [SIP]';
const CLIENT_SOURCE = 'facts §2.3 [CLIENT]';
const CONF_SOURCE = 'facts §2.5 [CONF]';
const QUEUE_SOURCE = 'facts §2.6 [QUEUE]';
const APP_SOURCE = 'facts §2.7 [APP]';
const WA_SOURCE = 'facts §2.8 [WA]';
const EVENTS_DEFAULT_GAP =
  'The table gives no default while the prose says completed is sent by default (facts §8.6); no default is assumed, so writing completed is not treated as equal to leaving it out.';

export const NOUN_ATTRIBUTES: readonly AttributeSpec[] = [
  { element: 'Number', name: 'sendDigits', value: { kind: 'digits', alphabet: '0123456789ABCDWw#*' }, code: 13222, source: NUMBER_SOURCE },
  { element: 'Number', name: 'url', value: URL, code: 11100, source: NUMBER_SOURCE },
  { element: 'Number', name: 'method', value: METHOD, default: 'POST', code: 13221, source: NUMBER_SOURCE },
  { element: 'Number', name: 'byoc', value: { kind: 'text' }, ...GENERIC, source: NUMBER_SOURCE },
  ...statusCallbacks('Number', NUMBER_SOURCE, 'completed'),
  ...machineDetection('Number', NUMBER_SOURCE),

  { element: 'Client', name: 'url', value: URL, code: 11100, source: CLIENT_SOURCE },
  { element: 'Client', name: 'method', value: METHOD, default: 'POST', ...GENERIC, source: CLIENT_SOURCE },
  ...statusCallbacks('Client', CLIENT_SOURCE, undefined, EVENTS_DEFAULT_GAP),
  { element: 'Client', name: 'clientNotificationUrl', value: URL_NO_UNDERSCORE_HOST, code: 11100, source: CLIENT_SOURCE },

  { element: 'Sip', name: 'username', value: { kind: 'text' }, ...GENERIC, source: SIP_SOURCE },
  { element: 'Sip', name: 'password', value: { kind: 'text' }, ...GENERIC, source: SIP_SOURCE },
  { element: 'Sip', name: 'url', value: URL, code: 11100, source: SIP_SOURCE },
  { element: 'Sip', name: 'method', value: METHOD, default: 'POST', code: 13241, source: SIP_SOURCE },
  ...statusCallbacks('Sip', SIP_SOURCE, undefined, EVENTS_DEFAULT_GAP),
  ...machineDetection('Sip', SIP_SOURCE),

  { element: 'Conference', name: 'muted', value: BOOLEAN, default: 'false', code: 13230, source: CONF_SOURCE },
  { element: 'Conference', name: 'beep', value: { kind: 'enum', values: ['true', 'false', 'onEnter', 'onExit'] }, default: 'true', code: 13235, source: CONF_SOURCE },
  { element: 'Conference', name: 'startConferenceOnEnter', value: BOOLEAN, default: 'true', code: 13232, source: CONF_SOURCE },
  { element: 'Conference', name: 'endConferenceOnExit', value: BOOLEAN, default: 'false', code: 13231, source: CONF_SOURCE },
  { element: 'Conference', name: 'participantLabel', value: { kind: 'text', maxLength: 128 }, ...GENERIC, source: CONF_SOURCE },
  { element: 'Conference', name: 'jitterBufferSize', value: { kind: 'enum', values: ['small', 'medium', 'large', 'off'] }, default: 'large', ...GENERIC, source: CONF_SOURCE },
  {
    element: 'Conference', name: 'waitUrl', value: URL, code: 13233, source: CONF_SOURCE,
    note: 'The default is Twilio\'s classical hold playlist, not a value one writes; an empty waitUrl means silence, which is a different behaviour.',
  },
  { element: 'Conference', name: 'waitMethod', value: METHOD, default: 'POST', code: 13234, source: CONF_SOURCE },
  { element: 'Conference', name: 'maxParticipants', value: { kind: 'integer', min: 1, max: 250 }, default: '250', ...GENERIC, source: CONF_SOURCE, note: 'The page gives only the maximum (250); the minimum is taken as 1, the smallest positive integer.' },
  { element: 'Conference', name: 'record', value: { kind: 'enum', values: ['do-not-record', 'record-from-start'] }, default: 'do-not-record', ...GENERIC, source: CONF_SOURCE },
  { element: 'Conference', name: 'region', value: { kind: 'enum', values: ['us1', 'ie1', 'de1', 'sg1', 'br1', 'au1', 'jp1'] }, ...GENERIC, source: CONF_SOURCE },
  { element: 'Conference', name: 'trim', value: { kind: 'enum', values: ['trim-silence', 'do-not-trim'] }, default: 'trim-silence', code: 13239, source: CONF_SOURCE },
  { element: 'Conference', name: 'coach', value: { kind: 'text' }, ...GENERIC, source: CONF_SOURCE },
  {
    element: 'Conference', name: 'statusCallbackEvent',
    value: { kind: 'eventList', values: ['start', 'end', 'join', 'leave', 'mute', 'hold', 'modify', 'speaker', 'announcement'] },
    ...GENERIC, source: CONF_SOURCE,
  },
  { element: 'Conference', name: 'statusCallback', value: URL, code: 11100, source: CONF_SOURCE },
  { element: 'Conference', name: 'statusCallbackMethod', value: METHOD, default: 'POST', ...GENERIC, source: CONF_SOURCE },
  { element: 'Conference', name: 'recordingStatusCallback', value: URL, code: 11100, source: CONF_SOURCE },
  { element: 'Conference', name: 'recordingStatusCallbackMethod', value: METHOD, default: 'POST', ...GENERIC, source: CONF_SOURCE },
  { element: 'Conference', name: 'recordingStatusCallbackEvent', value: RECORDING_EVENTS, default: 'completed', ...GENERIC, source: CONF_SOURCE },
  { element: 'Conference', name: 'eventCallbackUrl', value: URL, code: 11100, source: CONF_SOURCE },
  { element: 'Conference', name: 'recordingConfigurationId', value: { kind: 'text' }, ...GENERIC, source: CONF_SOURCE },

  { element: 'Queue', name: 'url', value: URL, code: 14211, source: QUEUE_SOURCE },
  { element: 'Queue', name: 'method', value: METHOD, default: 'POST', code: 14210, source: QUEUE_SOURCE },
  { element: 'Queue', name: 'reservationSid', value: { kind: 'text' }, ...GENERIC, source: QUEUE_SOURCE },
  { element: 'Queue', name: 'postWorkActivitySid', value: { kind: 'text' }, ...GENERIC, source: QUEUE_SOURCE },

  { element: 'Application', name: 'url', value: URL, code: 11100, source: APP_SOURCE },
  { element: 'Application', name: 'method', value: METHOD, default: 'POST', ...GENERIC, source: APP_SOURCE },
  ...statusCallbacks('Application', APP_SOURCE, undefined, EVENTS_DEFAULT_GAP),
  { element: 'Application', name: 'customerId', value: { kind: 'text', maxLength: 256 }, ...GENERIC, source: APP_SOURCE },
  { element: 'Application', name: 'copyParentTo', value: BOOLEAN, default: 'false', ...GENERIC, source: APP_SOURCE },

  { element: 'WhatsApp', name: 'url', value: URL, code: 11100, source: WA_SOURCE },
  { element: 'WhatsApp', name: 'method', value: METHOD, default: 'POST', ...GENERIC, source: WA_SOURCE },
  ...statusCallbacks('WhatsApp', WA_SOURCE, undefined, EVENTS_DEFAULT_GAP),
];

export const ALL_ATTRIBUTES: readonly AttributeSpec[] = [...DIAL_ATTRIBUTES, ...NOUN_ATTRIBUTES];

const BY_ELEMENT = new Map<ElementName, ReadonlyMap<string, AttributeSpec>>();
for (const spec of ALL_ATTRIBUTES) {
  const forElement = (BY_ELEMENT.get(spec.element) ?? new Map<string, AttributeSpec>()) as Map<string, AttributeSpec>;
  forElement.set(spec.name, spec);
  BY_ELEMENT.set(spec.element, forElement);
}

/** The attributes of one element, by name, in table order (which is also the canonical serialization order). */
export function attributesOf(element: ElementName): ReadonlyMap<string, AttributeSpec> {
  return BY_ELEMENT.get(element) ?? new Map();
}

export function attributeSpec(element: ElementName, name: string): AttributeSpec | undefined {
  return attributesOf(element).get(name);
}

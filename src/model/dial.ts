import type { AttributeMap, GenericElement, TextNode } from './document.js';

/** Attributes of `<Dial>`: the seed's table plus `sequential`, `recordingConfigurationId` (dial-facts §1.1)
 * and the two the twilio helper types carry (`events`, `passports`). */
export type DialAttributeName =
  | 'action'
  | 'answerOnBridge'
  | 'callerId'
  | 'callReason'
  | 'hangupOnStar'
  | 'method'
  | 'record'
  | 'recordingStatusCallback'
  | 'recordingStatusCallbackMethod'
  | 'recordingStatusCallbackEvent'
  | 'recordingTrack'
  | 'referUrl'
  | 'referMethod'
  | 'ringTone'
  | 'timeLimit'
  | 'timeout'
  | 'trim'
  | 'sequential'
  | 'recordingConfigurationId'
  | 'events'
  | 'passports';

export type NumberAttributeName =
  | 'sendDigits'
  | 'url'
  | 'method'
  | 'byoc'
  | 'statusCallbackEvent'
  | 'statusCallback'
  | 'statusCallbackMethod'
  | 'machineDetection'
  | 'machineDetectionTimeout'
  | 'machineDetectionSpeechThreshold'
  | 'machineDetectionSpeechEndThreshold'
  | 'machineDetectionSilenceTimeout'
  | 'amdStatusCallback'
  | 'amdStatusCallbackMethod';

export type ClientAttributeName = 'url' | 'method' | 'statusCallbackEvent' | 'statusCallback' | 'statusCallbackMethod' | 'clientNotificationUrl';

export type SipAttributeName =
  | 'username'
  | 'password'
  | 'url'
  | 'method'
  | 'statusCallbackEvent'
  | 'statusCallback'
  | 'statusCallbackMethod'
  | 'machineDetection'
  | 'machineDetectionTimeout'
  | 'machineDetectionSpeechThreshold'
  | 'machineDetectionSpeechEndThreshold'
  | 'machineDetectionSilenceTimeout'
  | 'amdStatusCallback'
  | 'amdStatusCallbackMethod';

export type ConferenceAttributeName =
  | 'muted'
  | 'beep'
  | 'startConferenceOnEnter'
  | 'endConferenceOnExit'
  | 'participantLabel'
  | 'jitterBufferSize'
  | 'waitUrl'
  | 'waitMethod'
  | 'maxParticipants'
  | 'record'
  | 'region'
  | 'trim'
  | 'coach'
  | 'statusCallbackEvent'
  | 'statusCallback'
  | 'statusCallbackMethod'
  | 'recordingStatusCallback'
  | 'recordingStatusCallbackMethod'
  | 'recordingStatusCallbackEvent'
  | 'eventCallbackUrl'
  | 'recordingConfigurationId';

export type QueueAttributeName = 'url' | 'method' | 'reservationSid' | 'postWorkActivitySid';

export type ApplicationAttributeName =
  | 'url'
  | 'method'
  | 'statusCallbackEvent'
  | 'statusCallback'
  | 'statusCallbackMethod'
  | 'customerId'
  | 'copyParentTo';

export type WhatsAppAttributeName = 'url' | 'method' | 'statusCallbackEvent' | 'statusCallback' | 'statusCallbackMethod';

export type SimAttributeName = never;

/** `<Parameter name="…" value="…"/>` inside `<Client>` or `<Application>`. */
export interface ParameterElement {
  readonly kind: 'Parameter';
  readonly attributes: AttributeMap<'name' | 'value'>;
}

/** Nouns whose whole content is one text value (a number, a URI, a room or queue name, a SID). */
export interface NumberNoun {
  readonly kind: 'Number';
  readonly attributes: AttributeMap<NumberAttributeName>;
  readonly text: string;
}
export interface SipNoun {
  readonly kind: 'Sip';
  readonly attributes: AttributeMap<SipAttributeName>;
  readonly text: string;
}
export interface ConferenceNoun {
  readonly kind: 'Conference';
  readonly attributes: AttributeMap<ConferenceAttributeName>;
  readonly text: string;
}
export interface QueueNoun {
  readonly kind: 'Queue';
  readonly attributes: AttributeMap<QueueAttributeName>;
  readonly text: string;
}
export interface WhatsAppNoun {
  readonly kind: 'WhatsApp';
  readonly attributes: AttributeMap<WhatsAppAttributeName>;
  readonly text: string;
}
export interface SimNoun {
  readonly kind: 'Sim';
  readonly attributes: AttributeMap<SimAttributeName>;
  readonly text: string;
}

/**
 * `<Client>`: the identity is either the text content (`<Client>joey</Client>`) or an
 * `<Identity>` child, optionally with `<Parameter>` children ([CLIENT]).
 * `text` is '' when the identity is given as a child.
 */
export interface ClientNoun {
  readonly kind: 'Client';
  readonly attributes: AttributeMap<ClientAttributeName>;
  readonly text: string;
  /** Text of the `<Identity>` child, when there is one. */
  readonly identity?: string;
  readonly parameters: readonly ParameterElement[];
}

/** `<Application>`: an `<ApplicationSid>` child and optional `<Parameter>` children ([APP]). */
export interface ApplicationNoun {
  readonly kind: 'Application';
  readonly attributes: AttributeMap<ApplicationAttributeName>;
  readonly applicationSid?: string;
  readonly parameters: readonly ParameterElement[];
}

export type DialNoun =
  | NumberNoun
  | ClientNoun
  | SipNoun
  | ConferenceNoun
  | QueueNoun
  | ApplicationNoun
  | WhatsAppNoun
  | SimNoun;

export type NounName = DialNoun['kind'];

/** What may stand inside `<Dial>`: a bare number as text, a noun, or (invalid) any other element. */
export type DialChild = TextNode | DialNoun | GenericElement;

export interface DialVerb {
  readonly kind: 'Dial';
  readonly attributes: AttributeMap<DialAttributeName>;
  readonly children: readonly DialChild[];
}

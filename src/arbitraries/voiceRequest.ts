import fc from 'fast-check';
import type { VoiceRequestParams } from '../model/outcome.js';
import { clientCaller } from './clientCaller.js';
import { hexSid } from './hexSid.js';
import { hostileText } from './hostileText.js';
import { phoneNumber } from './phoneNumber.js';
import { plainRecord } from './plainRecord.js';
import { sipCaller } from './sipCaller.js';

/** Who places the call: a phone on the public network, a SIP endpoint through a SIP Domain, or a Voice SDK client. */
export type CallerKind = 'pstn' | 'sip' | 'client';

export interface VoiceRequestConstraints {
  /** Which Direction values a PSTN call takes. Default inbound, outbound-api, outbound-dial. SIP and client calls are inbound. */
  readonly directions?: readonly ('inbound' | 'outbound-api' | 'outbound-dial')[];
  /**
   * Which callers. Default all three, or only pstn when `directions` leaves out inbound (a SIP
   * Domain or SDK call reaches the app inbound). Draws shrink toward the first of pstn, sip, client.
   */
  readonly callers?: readonly CallerKind[];
}

/** How often each caller is drawn, relative to the others: mostly the phone calls the kit began with. */
const CALLER_WEIGHTS: readonly (readonly [CallerKind, number])[] = [
  ['pstn', 3],
  ['sip', 1],
  ['client', 1],
];

/** A phone caller or callee as Twilio writes it: E.164, national, or a withheld id. @see facts §3.5 */
function party(): fc.Arbitrary<string> {
  return fc.oneof(
    phoneNumber({ forms: ['e164'] }),
    phoneNumber({ forms: ['national'] }),
    fc.constantFrom('anonymous', 'unknown', 'restricted'),
  );
}

const GEO = ['City', 'State', 'Zip', 'Country'] as const;
const PLACES: Readonly<Record<(typeof GEO)[number], readonly string[]>> = {
  City: ['SAN FRANCISCO', 'MÜNCHEN', "O'FALLON"],
  State: ['CA', 'BY', 'MO'],
  Zip: ['94103', '80331', ''],
  Country: ['US', 'DE', 'GB'],
};

/**
 * The parameters of Twilio's first request to the voice URL, in sending order: SIDs, From/To,
 * CallStatus ringing, ApiVersion, Direction, then what the caller adds. A phone call may carry
 * CallerName (hostile text, non-BMP), ForwardedFrom and geographic parameters; a SIP Domain call
 * carries sip: From/To on the domain and the Sip* parameters ({@link sipCaller}); a Voice SDK call
 * carries From client:… and ApplicationSid ({@link clientCaller}). A gate drawn beside the phone
 * call picks the caller and shrinks to 0, so a failing SIP or client call shrinks to a phone call
 * when the caller does not matter.
 * @see facts §3.5, page §sip-request-params, page §request-client-from
 */
export function voiceRequest(constraints: VoiceRequestConstraints = {}): fc.Arbitrary<VoiceRequestParams> {
  const inbound = constraints.directions?.includes('inbound') ?? true;
  const allowed = constraints.callers ?? (inbound ? ['pstn', 'sip', 'client'] : ['pstn']);
  const slots = CALLER_WEIGHTS.filter(([kind]) => allowed.includes(kind)).flatMap(([kind, weight]) => Array<CallerKind>(weight).fill(kind));
  if (slots.length === 0) throw new RangeError('voiceRequest: callers must name at least one of pstn, sip, client');
  const gate = fc.integer({ min: 0, max: slots.length - 1 });
  return fc.tuple(phoneCall(constraints), gate, sipCaller(), clientCaller()).map(([phone, slot, sip, client]) => {
    const kind = slots[slot] as CallerKind;
    if (kind === 'pstn') return phone;
    const { From = '', To = '', ...rest } = kind === 'sip' ? sip : client;
    const sids = { CallSid: phone.CallSid ?? '', AccountSid: phone.AccountSid ?? '' };
    return { ...sids, From, To, CallStatus: 'ringing', ApiVersion: '2010-04-01', Direction: 'inbound', ...rest };
  });
}

/** A call from (or to) a phone: the request the kit drew before it knew other callers. */
function phoneCall(constraints: VoiceRequestConstraints): fc.Arbitrary<VoiceRequestParams> {
  const geo = (side: 'From' | 'To'): fc.Arbitrary<Record<string, string> | undefined> =>
    fc.option(
      fc.tuple(...GEO.map((part) => fc.constantFrom(...PLACES[part]))).map((values) => Object.fromEntries(GEO.map((part, index) => [`${side}${part}`, values[index] as string]))),
      { nil: undefined },
    );
  return plainRecord({
    callSid: hexSid('CA'),
    accountSid: hexSid('AC'),
    from: party(),
    to: party(),
    direction: fc.constantFrom(...(constraints.directions ?? ['inbound', 'outbound-api', 'outbound-dial'])),
    callerName: fc.option(hostileText({ maxLength: 40 }), { nil: undefined }),
    fromGeo: geo('From'),
    toGeo: geo('To'),
    forwardedFrom: fc.option(phoneNumber({ forms: ['e164'] }), { nil: undefined }),
  }).map(({ callSid, accountSid, from, to, direction, callerName, fromGeo, toGeo, forwardedFrom }) => ({
    CallSid: callSid,
    AccountSid: accountSid,
    From: from,
    To: to,
    CallStatus: 'ringing',
    ApiVersion: '2010-04-01',
    Direction: direction,
    ...(forwardedFrom === undefined ? {} : { ForwardedFrom: forwardedFrom }),
    ...(callerName === undefined ? {} : { CallerName: callerName }),
    ...fromGeo,
    ...toGeo,
  }));
}

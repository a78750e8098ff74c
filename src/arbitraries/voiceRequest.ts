import fc from 'fast-check';
import type { VoiceRequestParams } from '../model/outcome.js';
import { hexSid } from './hexSid.js';
import { hostileText } from './hostileText.js';
import { phoneNumber } from './phoneNumber.js';

export interface VoiceRequestConstraints {
  /** Which Direction values. Default inbound, outbound-api, outbound-dial. */
  readonly directions?: readonly ('inbound' | 'outbound-api' | 'outbound-dial')[];
}

/** A caller or callee as Twilio writes it: E.164, national, `client:`, `sip:`, or a withheld id. @see facts §3.5 */
function party(): fc.Arbitrary<string> {
  return fc.oneof(
    phoneNumber({ forms: ['e164'] }),
    phoneNumber({ forms: ['national'] }),
    fc.stringMatching(/^[a-z][a-z0-9_.]{0,15}$/).map((id) => `client:${id}`),
    fc.constantFrom('sip:alice@example.sip.twilio.com', 'sip:+14155551212@pbx.example.com;transport=tls'),
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
 * The parameters of Twilio's first request to the voice URL, in sending order: SIDs, From/To in
 * every form, CallStatus ringing, ApiVersion, Direction, and optional CallerName (hostile text,
 * non-BMP) and geographic parameters.
 * @see facts §3.5
 */
export function voiceRequest(constraints: VoiceRequestConstraints = {}): fc.Arbitrary<VoiceRequestParams> {
  const geo = (side: 'From' | 'To'): fc.Arbitrary<Record<string, string> | undefined> =>
    fc.option(
      fc.tuple(...GEO.map((part) => fc.constantFrom(...PLACES[part]))).map((values) => Object.fromEntries(GEO.map((part, index) => [`${side}${part}`, values[index] as string]))),
      { nil: undefined },
    );
  return fc
    .record({
      callSid: hexSid('CA'),
      accountSid: hexSid('AC'),
      from: party(),
      to: party(),
      direction: fc.constantFrom(...(constraints.directions ?? ['inbound', 'outbound-api', 'outbound-dial'])),
      callerName: fc.option(hostileText({ maxLength: 40 }), { nil: undefined }),
      fromGeo: geo('From'),
      toGeo: geo('To'),
      forwardedFrom: fc.option(phoneNumber({ forms: ['e164'] }), { nil: undefined }),
    })
    .map(({ callSid, accountSid, from, to, direction, callerName, fromGeo, toGeo, forwardedFrom }) => ({
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

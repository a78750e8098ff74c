// What a <Dial> dials: its legs, in document order. Each leg is addressed the way the carrier
// protocol addresses it: by its dial string and, among equal dial strings, by `nth`.
import { textOf } from './twiml.mjs';

/** The nouns of <Dial> (seed §Nouns; facts §2.1). Other nested elements dial nothing. */
const NOUNS = new Set(['Number', 'Client', 'Sip', 'Conference', 'Queue', 'Sim', 'WhatsApp', 'Application']);

function childText(element, name) {
  const child = element.children.find((node) => typeof node !== 'string' && node.name === name);
  return child === undefined ? undefined : textOf(child);
}

/** The dial string: the noun's text, a Client's <Identity>, an Application's <ApplicationSid>. */
function dialStringOf(noun) {
  if (noun.name === 'Client') return (childText(noun, 'Identity') ?? textOf(noun)).trim();
  if (noun.name === 'Application') return (childText(noun, 'ApplicationSid') ?? '').trim();
  return textOf(noun).trim();
}

/**
 * The legs of a <Dial>: a bare number written in it (seed §Nouns: "plain text … a phone number")
 * and every noun, as `{ kind, dialString, nth, attributes }`.
 */
export function dialLegs(dial) {
  const legs = [];
  for (const child of dial.children) {
    if (typeof child === 'string') {
      if (child.trim() !== '') legs.push({ kind: 'text', dialString: child.trim(), attributes: {} });
    } else if (NOUNS.has(child.name)) {
      legs.push({ kind: child.name, dialString: dialStringOf(child), attributes: child.attributes });
    }
  }
  return legs.map((leg, index) => ({
    ...leg,
    index,
    nth: legs.slice(0, index).filter((other) => other.dialString === leg.dialString).length,
  }));
}

/**
 * A phone number as Twilio reports it: E.164 when it can be normalised (a North American number
 * written with dashes, dots, spaces or brackets, with or without its leading 1), otherwise as written.
 * @see facts §3.5 ("Phone numbers are E.164 when normalisable, otherwise raw"), §2.1 (unformatted US numbers)
 */
export function asE164(number) {
  const digits = number.trim().replace(/[\s().-]/g, '');
  if (/^\+[1-9]\d{1,14}$/.test(digits)) return digits;
  if (/^[2-9]\d{9}$/.test(digits)) return `+1${digits}`;
  if (/^1[2-9]\d{9}$/.test(digits)) return `+${digits}`;
  return number.trim();
}

/** The `To` Twilio reports for a child leg: the number (E.164) or URI, `client:` + identity for a Client. */
export function legAddress(leg) {
  if (leg.kind === 'Client') return `client:${leg.dialString}`;
  return leg.kind === 'Number' || leg.kind === 'text' ? asE164(leg.dialString) : leg.dialString;
}

/**
 * A phone number as Twilio reports it in request parameters: E.164 when it can be normalised,
 * otherwise as written. Formatting characters (spaces, parentheses, dashes, dots) are dropped; an
 * unformatted US number (ten digits, or eleven starting with 1) gains +1. Anything else is left
 * alone: no source says how other national formats are read.
 * @see facts §3.5 (phone numbers are E.164 when normalisable, otherwise raw);
 * https://www.twilio.com/docs/voice/twiml/number ("Twilio will also accept unformatted US numbers,
 * e.g., (415) 555-1212 or 415-555-1212") — rule interp.params.e164
 */
export function e164(text: string): string {
  const written = text.trim();
  const compact = written.replace(/[\s().-]/g, '');
  if (/^\+[1-9][0-9]{1,14}$/.test(compact)) return compact;
  if (/^[2-9][0-9]{9}$/.test(compact)) return `+1${compact}`;
  if (/^1[2-9][0-9]{9}$/.test(compact)) return `+${compact}`;
  return written;
}

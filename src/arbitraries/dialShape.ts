/**
 * What a `<Dial>` dials, as one of the combinations that validate under the conservative reading:
 * a bare number alone; 1–10 Numbers and Clients with at most one Sip; or one Conference, Queue,
 * Application, WhatsApp, Sim or Sip alone.
 * @see seed §Nouns; facts §2.1, §8.5
 */
export type DialShape =
  | 'bare'
  | 'numbers'
  | 'clients'
  | 'legs'
  | 'sip'
  | 'conference'
  | 'queue'
  | 'application'
  | 'whatsapp'
  | 'sim';

export const DIAL_SHAPES: readonly DialShape[] = ['bare', 'numbers', 'clients', 'legs', 'sip', 'conference', 'queue', 'application', 'whatsapp', 'sim'];

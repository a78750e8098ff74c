import { dialedLegs, type DialedLeg } from '../../../reference/legs.js';
import type { DialVerb } from '../../model/dial.js';

/** A dialed leg as the carrier protocol addresses it. */
export interface AddressedLeg {
  readonly leg: DialedLeg;
  /** The dial string: the trimmed text of the noun, a `<Client>`'s identity, an `<Application>`'s ApplicationSid, or the bare number. */
  readonly dialString: string;
  /** Which of the equal dial strings of this `<Dial>` (0 for the first). */
  readonly nth: number;
}

function dialString(leg: DialedLeg): string {
  const node = leg.node;
  switch (node.kind) {
    case 'text':
      return node.text.trim();
    case 'Client':
      return (node.identity ?? node.text).trim();
    case 'Application':
      return (node.applicationSid ?? '').trim();
    default:
      return node.text.trim();
  }
}

/** The legs of a `<Dial>` with their protocol addresses (carrier protocol: "legs are addressed by dial string + nth"). */
export function addressedLegs(dial: DialVerb): AddressedLeg[] {
  const seen = new Map<string, number>();
  return dialedLegs(dial).map((leg) => {
    const text = dialString(leg);
    const nth = seen.get(text) ?? 0;
    seen.set(text, nth + 1);
    return { leg, dialString: text, nth };
  });
}

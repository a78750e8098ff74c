import type { AttributeMap } from '../../src/model/document.js';
import type { DialedLeg } from '../legs.js';

/** Attributes of the leg's noun; a bare number has none. */
export function legAttributes(leg: DialedLeg): AttributeMap {
  return leg.node.kind === 'text' ? {} : leg.node.attributes;
}

/** GET when written so, POST otherwise: POST is the default of every method attribute and what an invalid value falls back to. */
export function methodOf(written: string | undefined): 'GET' | 'POST' {
  return written?.trim() === 'GET' ? 'GET' : 'POST';
}

/** An attribute holding a URL, or undefined when absent or blank. */
export function urlAttribute(attributes: AttributeMap, name: string): string | undefined {
  const value = attributes[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The `To` of the child leg: what the leg dials, in the form Twilio reports it. */
export function legAddress(leg: DialedLeg): string {
  const node = leg.node;
  switch (node.kind) {
    case 'text':
      return node.text.trim();
    case 'Client':
      return `client:${(node.identity ?? node.text).trim()}`;
    case 'Application':
      return (node.applicationSid ?? '').trim();
    default:
      return node.text.trim();
  }
}

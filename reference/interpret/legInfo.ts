import type { AttributeMap } from '../../src/model/document.js';
import type { DialedLeg } from '../legs.js';
import { e164 } from './e164.js';

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

/**
 * The `To` of the child leg: what the leg dials, in the form Twilio reports it (phone numbers in E.164).
 * @see https://www.twilio.com/docs/voice/twiml/dial/application (copyParentTo: the parent's To instead
 * of the App SID); facts §2.7 — rule interp.application.copy-parent-to
 */
export function legAddress(leg: DialedLeg, parentTo?: string): string {
  const node = leg.node;
  switch (node.kind) {
    case 'text':
    case 'Number':
      return e164(node.text);
    case 'Client':
      return `client:${(node.identity ?? node.text).trim()}`;
    case 'Application':
      if (node.attributes.copyParentTo?.trim() === 'true' && parentTo !== undefined) return parentTo;
      return (node.applicationSid ?? '').trim();
    default:
      return node.text.trim();
  }
}

// Reading TwiML: text in, plain elements out ({ name, attributes, children }, children being
// elements or strings). Only what XML 1.0 defines without a DTD is read: the five predefined
// entities and character references; a DOCTYPE is refused, so no entity is ever expanded.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Twilio refuses a TwiML answer over 64 kB (error 11750, facts §1.3). */
export const MAX_TWIML_BYTES = 64 * 1024;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
});

const PREDEFINED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw) {
  return raw.replace(/&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g, (_, name, decimal, hex) =>
    name !== undefined ? PREDEFINED[name] : String.fromCodePoint(decimal !== undefined ? Number(decimal) : Number.parseInt(hex, 16)),
  );
}

function nameOf(node) {
  return Object.keys(node).find((key) => key !== ':@' && !key.startsWith('#'));
}

function toElement(node) {
  const name = nameOf(node);
  const attributes = {};
  // XML 1.0 §3.3.3: a literal tab or line feed in an attribute value reads as a space.
  for (const [key, value] of Object.entries(node[':@'] ?? {})) attributes[key] = decode(value.replace(/[\t\n]/g, ' '));
  const children = [];
  for (const child of node[name]) {
    const text = typeof child['#text'] === 'string' ? decode(child['#text'])
      : Array.isArray(child['#cdata']) ? child['#cdata'].map((part) => String(part['#text'] ?? '')).join('')
      : undefined;
    if (text === undefined) {
      if (nameOf(child) !== undefined) children.push(toElement(child));
    } else if (typeof children.at(-1) === 'string') {
      children[children.length - 1] += text;
    } else {
      children.push(text);
    }
  }
  return { name, attributes, children };
}

/** The root element of a TwiML document; throws an Error whose message is one sentence. */
export function parseTwiml(text) {
  if (Buffer.byteLength(text, 'utf8') > MAX_TWIML_BYTES) throw new Error('the TwiML is over 64 kB (11750)');
  const xml = text.replace(/\r\n?/g, '\n');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('the TwiML declares a DOCTYPE, which is not read (12100)');
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) throw new Error(`the TwiML is not well-formed: ${verdict.err.msg} (12100)`);
  const root = parser.parse(xml).find((node) => nameOf(node) !== undefined);
  if (root === undefined) throw new Error('the TwiML has no root element (12100)');
  const element = toElement(root);
  if (element.name !== 'Response') throw new Error(`the root element is <${element.name}>, not <Response> (12102)`);
  return element;
}

/** The text content of an element, its child elements left out. */
export function textOf(element) {
  return element.children.filter((child) => typeof child === 'string').join('');
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ApplicationNoun, ClientNoun, DialChild, DialNoun, DialVerb, NounName, ParameterElement } from '../model/dial.js';
import type { AttributeMap, GenericElement, GenericNode, TextNode, TwimlDocument, Verb } from '../model/document.js';
import { describeCodePoint, firstNonXmlChar, lineAndColumn } from './chars.js';
import { decodeReferences } from './entities.js';

export type XmlProblem = 'size' | 'dtd' | 'malformed';

export interface XmlError {
  readonly problem: XmlProblem;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type ParseOutcome = { readonly ok: true; readonly document: TwimlDocument } | { readonly ok: false; readonly error: XmlError };

export interface ParseOptions {
  /** Largest body accepted, in UTF-8 bytes. Twilio refuses TwiML over 64 kB (11750). */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 64 * 1024;

/** Nouns whose whole content is text. */
const TEXT_NOUNS = new Set<string>(['Number', 'Sip', 'Conference', 'Queue', 'WhatsApp', 'Sim']);

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: false,
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

type RawNode = Record<string, unknown>;

/**
 * Reads TwiML text into the model. Hardened for hostile input: the size is checked before anything
 * else, a DOCTYPE is refused outright (so no entity is ever declared, let alone expanded), and every
 * `&` must be a predefined entity or a character reference.
 */
export function parseTwiml(xml: string, options: ParseOptions = {}): ParseOutcome {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // A UTF-8 byte is at least a third of a UTF-16 unit, so only long strings need the exact count.
  if (xml.length * 3 > maxBytes && Buffer.byteLength(xml, 'utf8') > maxBytes) {
    return fail('size', `the document is ${Buffer.byteLength(xml, 'utf8')} bytes, over the limit of ${maxBytes} bytes`);
  }
  const text = xml.replace(/\r\n?/g, '\n');
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(text);
  if (doctype !== null) {
    return fail('dtd', 'a DOCTYPE or entity declaration is not accepted (entities are never expanded)', text, doctype.index);
  }
  const bad = firstNonXmlChar(text);
  if (bad !== -1) {
    return fail('malformed', `character ${describeCodePoint(text, bad)} is not allowed in XML 1.0`, text, bad);
  }
  const reference = firstBadReference(text);
  if (reference !== undefined) return fail('malformed', reference.message, text, reference.offset);
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (verdict !== true) {
    return { ok: false, error: { problem: 'malformed', message: lowerFirst(verdict.err.msg), line: verdict.err.line, column: verdict.err.col } };
  }
  let nodes: RawNode[];
  try {
    nodes = parser.parse(text) as RawNode[];
  } catch (error) {
    // fast-xml-parser refuses names such as __proto__ that could pollute prototypes; Twilio would not know them either.
    return fail('malformed', `the XML reader refused the document: ${lowerFirst((error as Error).message.replace(/^\[SECURITY\] /, ''))}`);
  }
  const elements = nodes.filter((node) => elementName(node) !== undefined);
  const strayText = nodes.some((node) => typeof node['#text'] === 'string' && (node['#text'] as string).trim() !== '');
  if (elements.length !== 1 || strayText) {
    return fail('malformed', elements.length === 0 ? 'the document has no root element' : 'the document has content after its root element');
  }
  const root = toGeneric(elements[0] as RawNode);
  return { ok: true, document: { root: root.name, attributes: root.attributes, verbs: toVerbs(root.children) } };
}

function fail(problem: XmlProblem, message: string, text?: string, offset?: number): ParseOutcome {
  const position = text !== undefined && offset !== undefined ? lineAndColumn(text, offset) : undefined;
  return { ok: false, error: { problem, message, ...position } };
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** Finds the first `&` outside comments, CDATA and processing instructions that is not a valid reference. */
function firstBadReference(text: string): { message: string; offset: number } | undefined {
  const scanner = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|&(?:(?:amp|lt|gt|quot|apos)|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});|&/g;
  for (const match of text.matchAll(scanner)) {
    const token = match[0];
    if (token === '&') {
      const named = /^&[^;\s<&]{1,40};/.exec(text.slice(match.index))?.[0];
      return {
        message: named === undefined ? 'a bare "&" must be written &amp;' : `undefined entity ${named} (entities are never expanded)`,
        offset: match.index,
      };
    }
    if (token.startsWith('&#')) {
      try {
        decodeReferences(token);
      } catch (error) {
        return { message: (error as Error).message, offset: match.index };
      }
    }
  }
  return undefined;
}

function elementName(node: RawNode): string | undefined {
  for (const key of Object.keys(node)) {
    if (key !== ':@' && key !== '#text' && key !== '#cdata' && key !== '#comment') return key;
  }
  return undefined;
}

function rawAttributes(node: RawNode): AttributeMap {
  const raw = (node[':@'] ?? {}) as Record<string, string>;
  // XML 1.0 §3.3.3: literal white space characters in an attribute value read as spaces; references keep theirs.
  return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, decodeReferences(value.replace(/[\t\n]/g, ' '))]));
}

/** Text and CDATA children merged, comments dropped, elements converted. */
function toGenericChildren(raw: RawNode[]): GenericNode[] {
  const children: GenericNode[] = [];
  for (const node of raw) {
    let text: string | undefined;
    if (typeof node['#text'] === 'string') text = decodeReferences(node['#text']);
    else if (Array.isArray(node['#cdata'])) text = (node['#cdata'] as RawNode[]).map((part) => String(part['#text'] ?? '')).join('');
    if (text !== undefined) {
      const previous = children.at(-1);
      if (previous?.kind === 'text') children[children.length - 1] = { kind: 'text', text: previous.text + text };
      else children.push({ kind: 'text', text });
      continue;
    }
    if (elementName(node) !== undefined) children.push(toGeneric(node));
  }
  return children;
}

function toGeneric(node: RawNode): GenericElement {
  const name = elementName(node) as string;
  return { kind: 'element', name, attributes: rawAttributes(node), children: toGenericChildren(node[name] as RawNode[]) };
}

function isBlank(node: GenericNode): boolean {
  return node.kind === 'text' && node.text.trim() === '';
}

function toVerbs(children: readonly GenericNode[]): (Verb | TextNode)[] {
  return children.filter((child) => !isBlank(child)).map((child) => (child.kind === 'element' && child.name === 'Dial' ? toDial(child) : child));
}

function toDial(element: GenericElement): DialVerb {
  const children: DialChild[] = element.children.filter((child) => !isBlank(child)).map((child) => (child.kind === 'text' ? child : toNoun(child)));
  return { kind: 'Dial', attributes: element.attributes, children };
}

function textOf(children: readonly GenericNode[]): string {
  return children.map((child) => (child.kind === 'text' ? child.text : '')).join('');
}

/** A noun when its content fits the model; otherwise the element stays generic so the validator can report it. */
function toNoun(element: GenericElement): DialNoun | GenericElement {
  const { name, attributes, children } = element;
  if (TEXT_NOUNS.has(name)) {
    if (children.some((child) => child.kind === 'element')) return element;
    return { kind: name as Exclude<NounName, 'Client' | 'Application'>, attributes, text: textOf(children) } as DialNoun;
  }
  if (name === 'Client') return toClient(element) ?? element;
  if (name === 'Application') return toApplication(element) ?? element;
  return element;
}

function toParameter(element: GenericElement): ParameterElement | undefined {
  return element.children.length === 0 ? { kind: 'Parameter', attributes: element.attributes } : undefined;
}

function toClient(element: GenericElement): ClientNoun | undefined {
  let identity: string | undefined;
  const parameters: ParameterElement[] = [];
  for (const child of element.children) {
    if (child.kind === 'text') continue;
    if (child.name === 'Identity' && identity === undefined && child.children.every((node) => node.kind === 'text')) {
      identity = textOf(child.children);
    } else if (child.name === 'Parameter' && toParameter(child) !== undefined) {
      parameters.push(toParameter(child) as ParameterElement);
    } else {
      return undefined;
    }
  }
  const text = identity === undefined ? textOf(element.children) : textOf(element.children).trim() === '' ? '' : undefined;
  if (text === undefined) return undefined;
  return { kind: 'Client', attributes: element.attributes, text, ...(identity === undefined ? {} : { identity }), parameters };
}

function toApplication(element: GenericElement): ApplicationNoun | undefined {
  let applicationSid: string | undefined;
  const parameters: ParameterElement[] = [];
  for (const child of element.children) {
    if (child.kind === 'text') {
      if (child.text.trim() !== '') return undefined;
      continue;
    }
    if (child.name === 'ApplicationSid' && applicationSid === undefined && child.children.every((node) => node.kind === 'text')) {
      applicationSid = textOf(child.children);
    } else if (child.name === 'Parameter' && toParameter(child) !== undefined) {
      parameters.push(toParameter(child) as ParameterElement);
    } else {
      return undefined;
    }
  }
  return { kind: 'Application', attributes: element.attributes, ...(applicationSid === undefined ? {} : { applicationSid }), parameters };
}

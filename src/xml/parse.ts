import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';
import type { ApplicationNoun, ClientNoun, DialChild, DialNoun, DialVerb, NounName, ParameterElement } from '../model/dial.js';
import type { AttributeMap, GenericElement, GenericNode, TextNode, TwimlDocument, Verb } from '../model/document.js';
import { describeCodePoint, firstNonXmlChar, lineAndColumn } from './chars.js';
import { decodeReferences } from './entities.js';
import { maskMarkup } from './markup.js';

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

// The package's CommonJS build, the same version of the same code in one bundled file: its ES build is
// some 45 modules that Node resolves, reads and links one at a time, which made loading it take about
// four times as long, before the first document of any command was parsed.
const { XMLParser, XMLValidator } = createRequire(import.meta.url)('fast-xml-parser') as typeof FastXmlParser;

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
  // Names such as toString or hasOwnProperty are kept as written (fast-xml-parser would report `__toString`):
  // the model holds them as own properties of plain objects, read only by name or by Object.keys.
  onDangerousProperty: (name: string) => name,
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
  const masked = maskMarkup(text);
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(masked)?.index;
  if (doctype !== undefined) {
    return fail('dtd', 'a DOCTYPE or entity declaration is not accepted (entities are never expanded)', text, doctype);
  }
  const bad = firstNonXmlChar(text);
  if (bad !== -1) {
    return fail('malformed', `character ${describeCodePoint(text, bad)} is not allowed in XML 1.0`, text, bad);
  }
  const reference = firstBadReference(masked);
  if (reference !== undefined) return fail('malformed', reference.message, text, reference.offset);
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (verdict !== true) {
    const message = sentence(verdict.err.msg);
    // fast-xml-parser places an unclosed element at 1:1; the scanner finds where it was opened.
    if (message.endsWith('is never closed')) return fail('malformed', message, text, openTags(masked).at(-1) ?? 0);
    return { ok: false, error: { problem: 'malformed', message, line: verdict.err.line, column: verdict.err.col } };
  }
  const tags = scanTags(masked);
  if (tags.stray !== undefined) return fail('malformed', tags.stray.message, text, tags.stray.offset);
  let nodes: RawNode[];
  try {
    nodes = parser.parse(text) as RawNode[];
  } catch (error) {
    // fast-xml-parser refuses names such as __proto__ that could pollute prototypes; Twilio would not know them either.
    return fail('malformed', `the XML reader refused the document: ${sentence((error as Error).message.replace(/^\[SECURITY\] /, ''))}`);
  }
  const elements = nodes.filter((node) => elementName(node) !== undefined);
  const strayText = nodes.some((node) => typeof node['#text'] === 'string' && (node['#text'] as string).trim() !== '');
  if (elements.length === 0) return fail('malformed', 'the document has no root element', text, text.length);
  // fast-xml-parser silently drops text after the root element, so the text itself is checked.
  const after = contentAfterRoot(masked, tags.rootEnd);
  if (elements.length !== 1 || strayText || after !== undefined) {
    return fail('malformed', 'the document has content after its root element', text, after ?? text.length);
  }
  const root = toGeneric(elements[0] as RawNode);
  return { ok: true, document: { root: root.name, attributes: root.attributes, verbs: toVerbs(root.children) } };
}

function fail(problem: XmlProblem, message: string, text?: string, offset?: number): ParseOutcome {
  const position = text !== undefined && offset !== undefined ? lineAndColumn(text, offset) : undefined;
  return { ok: false, error: { problem, message, ...position } };
}

/** fast-xml-parser's message as the middle of our sentence: lower-case start (but not "XML"), no final period. */
function sentence(message: string): string {
  // For unclosed elements fast-xml-parser lists every open tag, which can be thousands long: name the innermost.
  const unclosed = /^Invalid '\[(.*)\]' found/s.exec(message)?.[1];
  if (unclosed !== undefined) return `element <${/"([^"]*)"\s*$/.exec(unclosed)?.[1] ?? '?'}> is never closed`;
  const trimmed = message.trim().replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/** A tag (the text is well-formed by the time it is scanned): group 1 is `/` for an end tag, group 2 `/` for an empty one. */
const TAG = /<(\/?)[^\s/>]+(?:"[^"]*"|'[^']*'|[^'">/]|\/(?!>))*(\/?)>/g;
/**
 * A tag, or one character of non-blank text. It finds the same tags at the same offsets as {@link TAG}
 * (a text character is never a `<`, so matching it consumes no tag's start); scans that need no text use TAG.
 */
const TAG_OR_TEXT = new RegExp(`${TAG.source}|[^<\\s]`, 'g');

/** What one pass over a document's tags finds: markup fast-xml-parser lets through, or where the root element ends. */
interface TagScan {
  readonly stray?: { readonly message: string; readonly offset: number };
  /** Offset just past the tag that closes the root element (undefined when none does). */
  readonly rootEnd?: number;
}

/**
 * One pass over the tags. It finds what fast-xml-parser lets through: `]]>` in character data (XML 1.0
 * §2.4 forbids it outside a CDATA section, which is masked here) and `<` in an attribute value (§3.1).
 * A `]]>` inside a tag belongs to an attribute value, which may hold it. On the way it notes where the
 * root element closes, for {@link contentAfterRoot}.
 */
function scanTags(masked: string): TagScan {
  const cdataEnd = (offset: number): TagScan => ({ stray: { message: 'text contains "]]>", which must be written ]]&gt; (XML 1.0 §2.4)', offset } });
  let at = masked.indexOf(']]>');
  let depth = 0;
  let rootEnd: number | undefined;
  for (const match of masked.matchAll(TAG)) {
    if (at !== -1 && at < match.index) return cdataEnd(at);
    const end = match.index + match[0].length;
    if (at !== -1 && at < end) at = masked.indexOf(']]>', end);
    const closing = match[1] === '/';
    if (closing) depth -= 1;
    else if (match[2] !== '/') depth += 1;
    if (depth === 0) rootEnd ??= end;
    // Only a start tag with a `<` past its first character can hold one in a value.
    if (closing || match[0].indexOf('<', 1) === -1) continue;
    for (const value of match[0].matchAll(/"[^"]*"|'[^']*'/g)) {
      const lessThan = value[0].indexOf('<');
      if (lessThan !== -1) return { stray: { message: 'an attribute value contains "<", which must be written &lt; (XML 1.0 §3.1)', offset: match.index + value.index + lessThan } };
    }
  }
  return at === -1 ? { rootEnd } : cdataEnd(at);
}

/** Offset of the first tag or non-blank text after the root element, which ends at `rootEnd` (the text is well-formed by now). */
function contentAfterRoot(masked: string, rootEnd: number | undefined): number | undefined {
  if (rootEnd === undefined) return undefined;
  TAG_OR_TEXT.lastIndex = rootEnd;
  const after = TAG_OR_TEXT.exec(masked)?.index;
  TAG_OR_TEXT.lastIndex = 0;
  return after;
}

/** Offsets of the start tags still open at the end of the text, outermost first. */
function openTags(masked: string): number[] {
  const open: number[] = [];
  for (const match of masked.matchAll(TAG)) {
    if (match[1] === '/') open.pop();
    else if (match[2] !== '/') open.push(match.index);
  }
  return open;
}

/** Finds the first `&` that is not a valid reference, in text whose comments, CDATA and processing instructions are masked. */
function firstBadReference(text: string): { message: string; offset: number } | undefined {
  const scanner = /&(?:(?:amp|lt|gt|quot|apos)|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});|&/g;
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

/** Literal white space in an attribute value (line ends are LF by then), read as spaces: see rawAttributes. */
const LITERAL_SPACES = /[\t\n]/g;

function rawAttributes(node: RawNode): AttributeMap {
  const raw = node[':@'] as Record<string, string> | undefined;
  const attributes: Record<string, string> = {};
  if (raw === undefined) return attributes;
  // XML 1.0 §3.3.3: literal white space characters in an attribute value read as spaces; references keep theirs.
  // (A name such as __proto__ never gets here: fast-xml-parser refuses it, see parseTwiml.)
  for (const name of Object.keys(raw)) attributes[name] = decodeReferences((raw[name] as string).replace(LITERAL_SPACES, ' '));
  return attributes;
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

/** An `<Identity>` or `<ApplicationSid>` the model can hold: text only, no attributes (the model has nowhere to keep them). */
function isPlainText(element: GenericElement): boolean {
  return Object.keys(element.attributes).length === 0 && element.children.every((node) => node.kind === 'text');
}

function toParameter(element: GenericElement): ParameterElement | undefined {
  return element.children.length === 0 ? { kind: 'Parameter', attributes: element.attributes } : undefined;
}

function toClient(element: GenericElement): ClientNoun | undefined {
  let identity: string | undefined;
  const parameters: ParameterElement[] = [];
  for (const child of element.children) {
    if (child.kind === 'text') continue;
    if (child.name === 'Identity' && identity === undefined && isPlainText(child)) {
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
    if (child.name === 'ApplicationSid' && applicationSid === undefined && isPlainText(child)) {
      applicationSid = textOf(child.children);
    } else if (child.name === 'Parameter' && toParameter(child) !== undefined) {
      parameters.push(toParameter(child) as ParameterElement);
    } else {
      return undefined;
    }
  }
  return { kind: 'Application', attributes: element.attributes, ...(applicationSid === undefined ? {} : { applicationSid }), parameters };
}

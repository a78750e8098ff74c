import type * as Xmlbuilder2 from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { DialChild, DialVerb } from '../model/dial.js';
import type { AttributeMap, GenericNode, TextNode, TwimlDocument, Verb } from '../model/document.js';
import { attributeRanks, compareAttributeNames } from './attributeOrder.js';
import { describeCodePoint, firstNonXmlChar, isXmlName } from './chars.js';
import { lazyPackage } from '../lazyPackage.js';

const xmlbuilder2 = lazyPackage<typeof Xmlbuilder2>('xmlbuilder2');

export interface SerializeOptions {
  /** Write the `<?xml version="1.0" encoding="UTF-8"?>` declaration (default true). */
  readonly declaration?: boolean;
  /** Indent with two spaces. Whitespace between elements changes nothing for Twilio, but it is not canonical. */
  readonly pretty?: boolean;
}

/** The document holds something XML 1.0 cannot carry; `path` says where. */
export class SerializeError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'SerializeError';
  }
}


// xmlbuilder2 follows the DOM serialization algorithm, which writes TAB, LF and CR in attribute values
// and CR in text literally; a parser then reads them back as spaces or LF. These characters are swapped
// for a marker before building and for character references after, so values survive a round trip.
const MARK = '\uFDD0';
// xmlbuilder2 also leaves text that already looks like a reference (`&amp;`, `&#38;`) unescaped, so a
// literal "&amp;" would read back as "&": every `&` is marked too and written as `&amp;` after.
const MARKED: Readonly<Record<string, string>> = { [MARK]: `${MARK}0`, '\t': `${MARK}t`, '\n': `${MARK}n`, '\r': `${MARK}r`, '&': `${MARK}a` };
const UNMARKED: Readonly<Record<string, string>> = { '0': MARK, t: '&#x9;', n: '&#xA;', r: '&#xD;', a: '&amp;' };

function markAttribute(value: string): string {
  return value.replace(/[\uFDD0\t\n\r&]/g, (char) => MARKED[char] ?? char);
}
function markText(value: string): string {
  return value.replace(/[\uFDD0\r&]/g, (char) => MARKED[char] ?? char);
}

/**
 * Where the walk of a document writes: xmlbuilder2 (pretty printing, and names with a namespace prefix,
 * which xmlbuilder2 treats in its own way) or the string writer below, which gives the same bytes.
 */
interface Sink {
  child(name: string): Sink;
  attribute(name: string, value: string): void;
  text(value: string): void;
}

class BuilderSink implements Sink {
  constructor(private readonly node: XMLBuilder) {}

  child(name: string): Sink {
    return new BuilderSink(this.node.ele(name));
  }

  attribute(name: string, value: string): void {
    this.node.att(name, markAttribute(value));
  }

  text(value: string): void {
    this.node.txt(markText(value));
  }
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/g;
const TEXT_SPECIAL = /[&<>\r]/g;

/**
 * The canonical text as xmlbuilder2 writes it (DOM serialization, no pretty printing, empty elements as
 * `<X/>`) after the marking above: `&`, `<`, `>` and `"` as entities in attributes, TAB, LF and CR as
 * character references; `&`, `<`, `>` as entities and CR as a reference in text. Children are held until
 * the element ends, so an element whose children all write nothing closes as `<X/>`.
 */
class StringSink implements Sink {
  /** Escaped text and child elements, in order. */
  private readonly parts: (string | StringSink)[] = [];
  private open: string;

  constructor(
    private readonly name: string,
    /** Shared by a whole document: set when a name is one xmlbuilder2 treats as namespace syntax. */
    readonly seen: { namespaceLike: boolean },
  ) {
    this.open = `<${name}`;
    if (namespaceLike(name)) seen.namespaceLike = true;
  }

  child(name: string): Sink {
    const child = new StringSink(name, this.seen);
    this.parts.push(child);
    return child;
  }

  attribute(name: string, value: string): void {
    if (namespaceLike(name)) this.seen.namespaceLike = true;
    this.open += ` ${name}="${value.replace(ATTRIBUTE_SPECIAL, (char) => ATTRIBUTE_ESCAPES[char] as string)}"`;
  }

  text(value: string): void {
    this.parts.push(value.replace(TEXT_SPECIAL, (char) => TEXT_ESCAPES[char] as string));
  }

  write(): string {
    if (this.parts.length === 0) return `${this.open}/>`;
    let out = `${this.open}>`;
    for (const part of this.parts) out += typeof part === 'string' ? part : part.write();
    return `${out}</${this.name}>`;
  }
}

/** Names xmlbuilder2 reads as namespace syntax (`t:Say`, `xmlns`): those documents are written by it. */
function namespaceLike(name: string): boolean {
  return name.includes(':') || name.startsWith('xmlns');
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * Writes the canonical XML of a document: declaration, attributes of modelled elements in spec-table
 * order (all others after them, by name), no whitespace between elements, escaping that
 * survives a round trip. `parseTwiml(serializeTwiml(d))` gives back `d`.
 */
export function serializeTwiml(document: TwimlDocument, options: SerializeOptions = {}): string {
  if (options.pretty === true) return serializeWithBuilder(document, options);
  const seen = { namespaceLike: false };
  let root: StringSink | undefined;
  writeDocument(document, `/${document.root}`, (name) => (root = new StringSink(name, seen)));
  // Refusals come from the walk, the same for both writers; only the bytes of prefixed names are xmlbuilder2's own.
  if (seen.namespaceLike || root === undefined) return serializeWithBuilder(document, options);
  const body = root.write();
  return options.declaration === false ? body : `${DECLARATION}${body}`;
}

/**
 * The same walk into xmlbuilder2: what `serializeTwiml` always did, kept for pretty printing and prefixed
 * names, and exported so tests can hold the string writer to its bytes.
 */
export function serializeWithBuilder(document: TwimlDocument, options: SerializeOptions): string {
  const { create } = xmlbuilder2();
  const doc = options.declaration === false ? create() : create({ version: '1.0', encoding: 'UTF-8' });
  const rootPath = `/${document.root}`;
  writeDocument(document, rootPath, (name) => new BuilderSink(doc.ele(name)));
  let out: string;
  try {
    // wellFormed is off on purpose: names and characters are checked here (isXmlName, firstNonXmlChar), and
    // xmlbuilder2's namespace checks would refuse prefixed names (`xml:lang`, `t:Say`) the parser reads literally.
    out = doc.end({ headless: options.declaration === false, prettyPrint: options.pretty === true, wellFormed: false });
  } catch (error) {
    throw new SerializeError((error as Error).message, rootPath);
  }
  return out.replace(/\uFDD0([0tnra])/g, (_match, code: string) => UNMARKED[code] ?? '');
}

function writeDocument(document: TwimlDocument, rootPath: string, rootSink: (name: string) => Sink): void {
  const root = element(rootSink, document.root, document.attributes, rootPath);
  const counts = new Map<string, number>();
  for (const verb of document.verbs) {
    if (verb.kind === 'text') {
      text(root, verb, rootPath);
      continue;
    }
    const name = verb.kind === 'Dial' ? 'Dial' : verb.name;
    const index = (counts.get(name) ?? 0) + 1;
    counts.set(name, index);
    writeVerb(root, verb, `${rootPath}/${name}[${index}]`);
  }
}

function checkChars(value: string, path: string): void {
  const bad = firstNonXmlChar(value);
  if (bad !== -1) throw new SerializeError(`character ${describeCodePoint(value, bad)} cannot be written in XML 1.0`, path);
}

/** A new element under `parent` (a sink, or for the root the function that makes the root's sink). */
function element(parent: Sink | ((name: string) => Sink), name: string, attributes: AttributeMap, path: string): Sink {
  if (!isXmlName(name)) throw new SerializeError(`${JSON.stringify(name)} is not an XML element name`, path);
  const child = typeof parent === 'function' ? parent(name) : parent.child(name);
  for (const [attribute, value] of orderedAttributes(name, attributes)) {
    const attributePath = `${path}/@${attribute}`;
    if (!isXmlName(attribute)) throw new SerializeError(`${JSON.stringify(attribute)} is not an XML attribute name`, attributePath);
    checkChars(value, attributePath);
    child.attribute(attribute, value);
  }
  return child;
}

/** The attributes of an element in canonical order (see `compareAttributeNames`). */
export function orderedAttributes(elementName: string, attributes: AttributeMap): [string, string][] {
  const ranks = attributeRanks(elementName);
  return Object.entries(attributes).sort(([a], [b]) => compareAttributeNames(ranks, a, b));
}

function text(parent: Sink, node: TextNode, path: string): void {
  if (node.text === '') return;
  checkChars(node.text, path);
  parent.text(node.text);
}

function writeVerb(parent: Sink, verb: Verb, path: string): void {
  if (verb.kind === 'Dial') writeDial(parent, verb, path);
  else writeGeneric(parent, verb, path);
}

function writeGeneric(parent: Sink, node: GenericNode, path: string): void {
  if (node.kind === 'text') {
    text(parent, node, path);
    return;
  }
  const self = element(parent, node.name, node.attributes, path);
  const counts = new Map<string, number>();
  for (const child of node.children) {
    if (child.kind === 'text') {
      text(self, child, path);
      continue;
    }
    const index = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, index);
    writeGeneric(self, child, `${path}/${child.name}[${index}]`);
  }
}

function writeDial(parent: Sink, dial: DialVerb, path: string): void {
  const self = element(parent, 'Dial', dial.attributes, path);
  const counts = new Map<string, number>();
  for (const child of dial.children) {
    if (child.kind === 'text') {
      text(self, child, path);
      continue;
    }
    const name = child.kind === 'element' ? child.name : child.kind;
    const index = (counts.get(name) ?? 0) + 1;
    counts.set(name, index);
    writeDialChild(self, child, `${path}/${name}[${index}]`);
  }
}

function writeDialChild(parent: Sink, child: Exclude<DialChild, TextNode>, path: string): void {
  switch (child.kind) {
    case 'element':
      writeGeneric(parent, child, path);
      return;
    case 'Client': {
      const self = element(parent, 'Client', child.attributes, path);
      text(self, { kind: 'text', text: child.text }, path);
      if (child.identity !== undefined) text(element(self, 'Identity', {}, `${path}/Identity[1]`), { kind: 'text', text: child.identity }, `${path}/Identity[1]`);
      child.parameters.forEach((parameter, index) => element(self, 'Parameter', parameter.attributes, `${path}/Parameter[${index + 1}]`));
      return;
    }
    case 'Application': {
      const self = element(parent, 'Application', child.attributes, path);
      if (child.applicationSid !== undefined) {
        text(element(self, 'ApplicationSid', {}, `${path}/ApplicationSid[1]`), { kind: 'text', text: child.applicationSid }, `${path}/ApplicationSid[1]`);
      }
      child.parameters.forEach((parameter, index) => element(self, 'Parameter', parameter.attributes, `${path}/Parameter[${index + 1}]`));
      return;
    }
    default:
      text(element(parent, child.kind, child.attributes, path), { kind: 'text', text: child.text }, path);
  }
}

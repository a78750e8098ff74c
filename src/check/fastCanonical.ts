import type { DialChild } from '../model/dial.js';
import type { AttributeMap, GenericNode, TextNode, TwimlDocument } from '../model/document.js';
import { attributeRanks, compareAttributeNames } from '../xml/attributeOrder.js';
import { serializeTwiml } from '../xml/serialize.js';

/**
 * The reference canonical XML (`serializeTwiml`), written by string concatenation. The check needs the
 * canonical form of every generated document, and building it through a DOM costs as much as the
 * builder under test; this keeps the check's own cost small. It is a performance shadow, not a second
 * definition: anything unusual (a name it does not handle, a character XML cannot carry) goes to
 * `serializeTwiml`, and test/generator/fastCanonical.spec.ts proves both agree byte for byte on
 * generated documents. Returns undefined when XML 1.0 cannot carry the document.
 */
export function fastCanonical(document: TwimlDocument): string | undefined {
  const out: Out = { xml: '<?xml version="1.0" encoding="UTF-8"?>' };
  if (!openTag(out, document.root, document.attributes)) return slow(document);
  if (onlyEmptyText(document.verbs)) {
    out.xml += '/>';
    return out.xml;
  }
  out.xml += '>';
  for (const verb of document.verbs) {
    if (verb.kind === 'Dial') {
      if (!openTag(out, 'Dial', verb.attributes)) return slow(document);
      if (onlyEmptyText(verb.children)) out.xml += '/>';
      else {
        out.xml += '>';
        for (const child of verb.children) if (!writeDialChild(out, child)) return slow(document);
        out.xml += '</Dial>';
      }
    } else if (!writeGeneric(out, verb)) return slow(document);
  }
  out.xml += `</${document.root}>`;
  return out.xml;
}

/** The text written so far; one string grown by `+=` (V8 ropes), cheaper than an array and a join. */
interface Out {
  xml: string;
}

function slow(document: TwimlDocument): string | undefined {
  try {
    return serializeTwiml(document);
  } catch {
    return undefined;
  }
}

const ELEMENT_NAME = /^[A-Za-z_][\w.-]*$/;
/** Attribute names without `:` and not starting with `xml`, which the DOM serializer treats specially. */
const SIMPLE_ATTRIBUTE_NAME = /^(?![Xx][Mm][Ll])[A-Za-z_][\w.-]*$/;
const GOOD_ELEMENTS = new Set<string>();
const GOOD_ATTRIBUTES = new Set<string>();

/** Names are few and repeat across cases, so each is tested once (the sets are capped against odd inputs). */
function goodName(name: string, pattern: RegExp, known: Set<string>): boolean {
  if (known.has(name)) return true;
  if (!pattern.test(name) || name.toLowerCase().startsWith('xml')) return false;
  if (known.size < 10_000) known.add(name);
  return true;
}

/**
 * The value escaped as serializeTwiml writes it (attributes: `& < > "` TAB LF CR; text: `& < >` CR), or
 * undefined when it holds a character XML 1.0 cannot carry (§2.2: C0 controls other than TAB, LF and
 * CR, lone surrogates, U+FFFE, U+FFFF). One pass over the char codes, allocating only when something
 * needs escaping: cheaper than a test regex, a legality regex and one replace per character.
 */
function escaped(value: string, attribute: boolean): string | undefined {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    let reference: string;
    if (code >= 0x20 && code < 0x7f) {
      if (code === 0x26) reference = '&amp;';
      else if (code === 0x3c) reference = '&lt;';
      else if (code === 0x3e) reference = '&gt;';
      else if (code === 0x22 && attribute) reference = '&quot;';
      else continue;
    } else if (code === 0x0d) reference = '&#xD;';
    else if (code === 0x09 || code === 0x0a) {
      if (!attribute) continue;
      reference = code === 0x09 ? '&#x9;' : '&#xA;';
    } else if (code < 0x20) return undefined;
    else if (code < 0xd800) continue;
    else if (code < 0xdc00) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        i += 1;
        continue;
      }
      return undefined;
    } else if (code < 0xe000 || code === 0xfffe || code === 0xffff) return undefined;
    else continue;
    out += value.slice(from, i) + reference;
    from = i + 1;
  }
  return from === 0 ? value : out + value.slice(from);
}

const NO_RANKS: ReadonlyMap<string, number> = new Map();

const SIMPLE_RANKS = new Map<string, ReadonlyMap<string, number>>();

/**
 * `attributeRanks`, for matching: a ranked name is taken as simple without testing it, so this holds the ranks
 * only when every spec name of the element is simple (all are; this keeps that a checked assumption).
 */
function simpleRanksOf(element: string): ReadonlyMap<string, number> {
  let ranks = SIMPLE_RANKS.get(element);
  if (ranks === undefined) {
    const all = attributeRanks(element);
    ranks = [...all.keys()].every((name) => goodName(name, SIMPLE_ATTRIBUTE_NAME, GOOD_ATTRIBUTES)) ? all : NO_RANKS;
    if (SIMPLE_RANKS.size < 10_000) SIMPLE_RANKS.set(element, ranks);
  }
  return ranks;
}

/**
 * Same order as serializeTwiml's `orderedAttributes`: spec-table order, then the others by name (code
 * units). Attributes usually arrive in that order already, so that is checked before sorting.
 */
function orderedNames(element: string, attributes: AttributeMap): string[] {
  const names = Object.keys(attributes);
  if (names.length < 2) return names;
  const ranks = attributeRanks(element);
  for (let i = 1; i < names.length; i++) {
    if (compareAttributeNames(ranks, names[i - 1] as string, names[i] as string) > 0) return names.sort((x, y) => compareAttributeNames(ranks, x, y));
  }
  return names;
}

/** Writes `<name` and the attributes, leaving the tag open for `>` or `/>`; false hands over to serializeTwiml. */
function openTag(out: Out, name: string, attributes: AttributeMap): boolean {
  if (!goodName(name, ELEMENT_NAME, GOOD_ELEMENTS)) return false;
  let tag = `<${name}`;
  for (const attribute of orderedNames(name, attributes)) {
    if (!goodName(attribute, SIMPLE_ATTRIBUTE_NAME, GOOD_ATTRIBUTES)) return false;
    const value = escaped(attributes[attribute] as string, true);
    if (value === undefined) return false;
    tag += ` ${attribute}="${value}"`;
  }
  out.xml += tag;
  return true;
}

/** Whether children write nothing, so their element is written as `<name/>` (empty text writes nothing). */
function onlyEmptyText(children: readonly { readonly kind: string; readonly text?: string }[]): boolean {
  for (const child of children) if (child.kind !== 'text' || child.text !== '') return false;
  return true;
}

function writeText(out: Out, text: string): boolean {
  if (text === '') return true;
  const value = escaped(text, false);
  if (value === undefined) return false;
  out.xml += value;
  return true;
}

/** An element whose only content is one text (a noun, `<Identity>`, `<ApplicationSid>`). */
function writeTextElement(out: Out, name: string, attributes: AttributeMap, text: string): boolean {
  if (!openTag(out, name, attributes)) return false;
  if (text === '') {
    out.xml += '/>';
    return true;
  }
  out.xml += '>';
  if (!writeText(out, text)) return false;
  out.xml += `</${name}>`;
  return true;
}

const NO_ATTRIBUTES: AttributeMap = {};

function writeGeneric(out: Out, node: GenericNode | TextNode): boolean {
  if (node.kind === 'text') return writeText(out, node.text);
  if (!openTag(out, node.name, node.attributes)) return false;
  if (onlyEmptyText(node.children)) {
    out.xml += '/>';
    return true;
  }
  out.xml += '>';
  for (const child of node.children) if (!writeGeneric(out, child)) return false;
  out.xml += `</${node.name}>`;
  return true;
}

function writeParameters(out: Out, parameters: readonly { readonly attributes: AttributeMap }[]): boolean {
  for (const parameter of parameters) {
    if (!openTag(out, 'Parameter', parameter.attributes)) return false;
    out.xml += '/>';
  }
  return true;
}

function writeDialChild(out: Out, child: DialChild): boolean {
  switch (child.kind) {
    case 'text':
    case 'element':
      return writeGeneric(out, child);
    case 'Client':
      if (child.text === '' && child.identity === undefined && child.parameters.length === 0) return writeTextElement(out, 'Client', child.attributes, '');
      if (!openTag(out, 'Client', child.attributes)) return false;
      out.xml += '>';
      if (!writeText(out, child.text)) return false;
      if (child.identity !== undefined && !writeTextElement(out, 'Identity', NO_ATTRIBUTES, child.identity)) return false;
      if (!writeParameters(out, child.parameters)) return false;
      out.xml += '</Client>';
      return true;
    case 'Application':
      if (child.applicationSid === undefined && child.parameters.length === 0) return writeTextElement(out, 'Application', child.attributes, '');
      if (!openTag(out, 'Application', child.attributes)) return false;
      out.xml += '>';
      if (child.applicationSid !== undefined && !writeTextElement(out, 'ApplicationSid', NO_ATTRIBUTES, child.applicationSid)) return false;
      if (!writeParameters(out, child.parameters)) return false;
      out.xml += '</Application>';
      return true;
    default:
      return writeTextElement(out, child.kind, child.attributes, child.text);
  }
}

/**
 * Whether `actual` is the canonical form of `document` up to the spellings the check accepts (see
 * `sameXmlText` in checkBuild.ts: `>` for `&gt;`, `&apos;` for `'`, and no `]]>` in text), found by
 * walking the document against `actual` without building the canonical string. Sound, not complete:
 * true means `sameXmlText(fastCanonical(document), actual)` holds; false only means "build the canonical
 * form and look closer" (anything unusual answers false, as does `&gt;` for a tag's own `>`).
 */
export function matchesCanonical(document: TwimlDocument, actual: string): boolean {
  if (!actual.startsWith(DECLARATION)) return false;
  let at = openMatch(actual, DECLARATION.length, document.root, document.attributes);
  if (at < 0) return false;
  if (onlyEmptyText(document.verbs)) return actual.startsWith('/>', at) && at + 2 === actual.length;
  if (actual.charCodeAt(at) !== GREATER) return false;
  at += 1;
  for (const verb of document.verbs) {
    if (verb.kind === 'Dial') {
      at = openMatch(actual, at, 'Dial', verb.attributes);
      if (at < 0) return false;
      if (onlyEmptyText(verb.children)) at = literal(actual, at, '/>');
      else {
        at = literal(actual, at, '>');
        for (const child of verb.children) if (at >= 0) at = dialChildMatch(actual, at, child);
        at = closeMatch(actual, at, 'Dial');
      }
    } else at = genericMatch(actual, at, verb);
    if (at < 0) return false;
  }
  at = closeMatch(actual, at, document.root);
  return at === actual.length;
}

/** Characters an attribute value cannot hold as is (escaped, or not XML), and surrogates (checked in pairs below). */
const ESCAPED_IN_ATTRIBUTE = /[\x00-\x1f&<"\ud800-\udfff\ufffe\uffff]/;
/** The same for text, plus `>`, whose literal form is checked for `]]>` below. */
const ESCAPED_IN_TEXT = /[\x00-\x08\x0b-\x1f&<>\ud800-\udfff\ufffe\uffff]/;
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const GREATER = 0x3e;
const BRACKET = 0x5d;

function literal(actual: string, at: number, text: string): number {
  return at >= 0 && actual.startsWith(text, at) ? at + text.length : -1;
}

function closeMatch(actual: string, at: number, name: string): number {
  if (at < 0 || !actual.startsWith('</', at) || !actual.startsWith(name, at + 2)) return -1;
  at += 2 + name.length;
  return actual.charCodeAt(at) === GREATER ? at + 1 : -1;
}

/**
 * Matches one value as `escaped` would write it, also accepting `>` for `&gt;` (in text only when not
 * after `]]`) and `&apos;` for `'`. Returns the position after it, or -1.
 */
function valueMatch(actual: string, at: number, value: string, attribute: boolean): number {
  if (at < 0) return -1;
  // Most values are written as is: one native scan of the value and one native comparison.
  if (!(attribute ? ESCAPED_IN_ATTRIBUTE : ESCAPED_IN_TEXT).test(value) && actual.startsWith(value, at)) return at + value.length;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      if (code === 0x26) at = literal(actual, at, '&amp;');
      else if (code === 0x3c) at = literal(actual, at, '&lt;');
      else if (code === GREATER) {
        if (actual.charCodeAt(at) === GREATER) {
          if (!attribute && actual.charCodeAt(at - 1) === BRACKET && actual.charCodeAt(at - 2) === BRACKET) return -1;
          at += 1;
        } else at = literal(actual, at, '&gt;');
      } else if (code === 0x22 && attribute) at = literal(actual, at, '&quot;');
      else if (code === 0x27 && actual.charCodeAt(at) !== 0x27) at = literal(actual, at, '&apos;');
      else if (actual.charCodeAt(at) === code) at += 1;
      else return -1;
    } else if (code === 0x0d) at = literal(actual, at, '&#xD;');
    else if ((code === 0x09 || code === 0x0a) && attribute) at = literal(actual, at, code === 0x09 ? '&#x9;' : '&#xA;');
    else if (code < 0x20 && code !== 0x09 && code !== 0x0a) return -1;
    else if (code >= 0xd800 && code < 0xdc00) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next < 0xe000) || actual.charCodeAt(at) !== code || actual.charCodeAt(at + 1) !== next) return -1;
      i += 1;
      at += 2;
    } else if ((code >= 0xdc00 && code < 0xe000) || code === 0xfffe || code === 0xffff) return -1;
    else if (actual.charCodeAt(at) === code) at += 1;
    else return -1;
    if (at < 0) return -1;
  }
  return at;
}

/** Matches `<name` and the attributes in canonical order; returns the position of the tag's end. */
function openMatch(actual: string, at: number, name: string, attributes: AttributeMap): number {
  if (at < 0 || actual.charCodeAt(at) !== 0x3c || !goodName(name, ELEMENT_NAME, GOOD_ELEMENTS) || !actual.startsWith(name, at + 1)) return -1;
  at += 1 + name.length;
  const names = canonicalNames(name, attributes);
  if (names === undefined) return -1;
  for (const attribute of names) {
    if (actual.charCodeAt(at) !== 0x20 || !actual.startsWith(attribute, at + 1)) return -1;
    at = literal(actual, at + 1 + attribute.length, '="');
    at = valueMatch(actual, at, attributes[attribute] as string, true);
    if (at < 0 || actual.charCodeAt(at) !== 0x22) return -1;
    at += 1;
  }
  return at;
}

/**
 * The attribute names in canonical order, or undefined when one is not a simple name. One rank lookup
 * per name both checks the order (names nearly always arrive in it) and vouches for a spec name, which
 * is known to be simple; only other names are tested.
 */
function canonicalNames(element: string, attributes: AttributeMap): string[] | undefined {
  const names = Object.keys(attributes);
  const ranks = simpleRanksOf(element);
  let inOrder = true;
  let previous = '';
  let previousRank = -1;
  for (const name of names) {
    let rank = ranks.get(name);
    if (rank === undefined) {
      if (!goodName(name, SIMPLE_ATTRIBUTE_NAME, GOOD_ATTRIBUTES)) return undefined;
      rank = ranks.size;
    }
    if (rank < previousRank || (rank === previousRank && previous > name)) inOrder = false;
    previousRank = rank;
    previous = name;
  }
  if (inOrder) return names;
  const order = attributeRanks(element);
  return names.sort((x, y) => compareAttributeNames(order, x, y));
}

function textElementMatch(actual: string, at: number, name: string, attributes: AttributeMap, text: string): number {
  at = openMatch(actual, at, name, attributes);
  if (text === '') return literal(actual, at, '/>');
  at = valueMatch(actual, literal(actual, at, '>'), text, false);
  return closeMatch(actual, at, name);
}

function genericMatch(actual: string, at: number, node: GenericNode | TextNode): number {
  if (node.kind === 'text') return valueMatch(actual, at, node.text, false);
  at = openMatch(actual, at, node.name, node.attributes);
  if (onlyEmptyText(node.children)) return literal(actual, at, '/>');
  at = literal(actual, at, '>');
  for (const child of node.children) if (at >= 0) at = genericMatch(actual, at, child);
  return closeMatch(actual, at, node.name);
}

function parametersMatch(actual: string, at: number, parameters: readonly { readonly attributes: AttributeMap }[]): number {
  for (const parameter of parameters) at = literal(actual, openMatch(actual, at, 'Parameter', parameter.attributes), '/>');
  return at;
}

function dialChildMatch(actual: string, at: number, child: DialChild): number {
  switch (child.kind) {
    case 'text':
    case 'element':
      return genericMatch(actual, at, child);
    case 'Client':
      if (child.text === '' && child.identity === undefined && child.parameters.length === 0) return textElementMatch(actual, at, 'Client', child.attributes, '');
      at = valueMatch(actual, literal(actual, openMatch(actual, at, 'Client', child.attributes), '>'), child.text, false);
      if (child.identity !== undefined && at >= 0) at = textElementMatch(actual, at, 'Identity', NO_ATTRIBUTES, child.identity);
      return closeMatch(actual, parametersMatch(actual, at, child.parameters), 'Client');
    case 'Application':
      if (child.applicationSid === undefined && child.parameters.length === 0) return textElementMatch(actual, at, 'Application', child.attributes, '');
      at = literal(actual, openMatch(actual, at, 'Application', child.attributes), '>');
      if (child.applicationSid !== undefined && at >= 0) at = textElementMatch(actual, at, 'ApplicationSid', NO_ATTRIBUTES, child.applicationSid);
      return closeMatch(actual, parametersMatch(actual, at, child.parameters), 'Application');
    default:
      return textElementMatch(actual, at, child.kind, child.attributes, child.text);
  }
}

import type { DialChild } from '../model/dial.js';
import type { AttributeMap, GenericNode, TwimlDocument } from '../model/document.js';
import { isXmlText } from '../xml/chars.js';
import { attributesOf, type ElementName } from '../../reference/spec/attributes.js';
import { serializeTwiml } from '../xml/serialize.js';

/**
 * The reference canonical XML (`serializeTwiml`), written by string concatenation. The check needs the
 * canonical form of every generated document, and building it through a DOM costs as much as the
 * builder under test; this keeps the check's own cost small. It is a performance shadow, not a second
 * definition: anything unusual (a name or character it does not handle) goes to `serializeTwiml`, and
 * test/generator/fastCanonical.spec.ts proves both agree byte for byte on generated documents.
 * Returns undefined when XML 1.0 cannot carry the document.
 */
export function fastCanonical(document: TwimlDocument): string | undefined {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (!writeElement(out, document.root, document.attributes, () => {
    for (const verb of document.verbs) {
      if (verb.kind === 'Dial') {
        if (!writeElement(out, 'Dial', verb.attributes, () => verb.children.every((child) => writeDialChild(out, child)))) return false;
      } else if (!writeGeneric(out, verb)) return false;
    }
    return true;
  })) {
    return slow(document);
  }
  return out.join('');
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

/** Printable ASCII with nothing to escape: the common case, written as is without further tests. */
const PLAIN = /^[\x20-\x21\x23-\x25\x27-\x3b\x3d\x3f-\x7e]*$/;
const GOOD_NAMES = new Set<string>();

function goodName(name: string, pattern: RegExp): boolean {
  if (GOOD_NAMES.has(name)) return true;
  if (!pattern.test(name) || name.toLowerCase().startsWith('xml')) return false;
  if (GOOD_NAMES.size < 10_000) GOOD_NAMES.add(name);
  return true;
}

function escapeAttribute(value: string): string {
  let out = value;
  if (out.includes('&')) out = out.replaceAll('&', '&amp;');
  if (out.includes('<')) out = out.replaceAll('<', '&lt;');
  if (out.includes('>')) out = out.replaceAll('>', '&gt;');
  if (out.includes('"')) out = out.replaceAll('"', '&quot;');
  if (out.includes('\t')) out = out.replaceAll('\t', '&#x9;');
  if (out.includes('\n')) out = out.replaceAll('\n', '&#xA;');
  if (out.includes('\r')) out = out.replaceAll('\r', '&#xD;');
  return out;
}

function escapeText(value: string): string {
  let out = value;
  if (out.includes('&')) out = out.replaceAll('&', '&amp;');
  if (out.includes('<')) out = out.replaceAll('<', '&lt;');
  if (out.includes('>')) out = out.replaceAll('>', '&gt;');
  if (out.includes('\r')) out = out.replaceAll('\r', '&#xD;');
  return out;
}

const MODELLED = new Set<string>(['Dial', 'Number', 'Client', 'Sip', 'Conference', 'Queue', 'Application', 'WhatsApp', 'Sim']);
const RANKS = new Map<string, ReadonlyMap<string, number>>();
const NO_RANKS: ReadonlyMap<string, number> = new Map();

/** The spec table's attribute order of an element, as name → rank, computed once per element. */
function ranksOf(element: string): ReadonlyMap<string, number> {
  if (!MODELLED.has(element)) return NO_RANKS;
  let ranks = RANKS.get(element);
  if (ranks === undefined) {
    ranks = new Map([...attributesOf(element as ElementName).keys()].map((name, index) => [name, index]));
    RANKS.set(element, ranks);
  }
  return ranks;
}

function before(ranks: ReadonlyMap<string, number>, a: string, b: string): number {
  const last = ranks.size;
  return (ranks.get(a) ?? last) - (ranks.get(b) ?? last) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Same order as serializeTwiml's `orderedAttributes`: spec-table order, then the others by name (code
 * units). Attributes usually arrive in that order already, so that is checked before sorting.
 */
function ordered(element: string, attributes: AttributeMap): [string, string][] {
  const entries = Object.entries(attributes);
  if (entries.length < 2) return entries;
  const ranks = ranksOf(element);
  for (let i = 1; i < entries.length; i++) {
    if (before(ranks, (entries[i - 1] as [string, string])[0], (entries[i] as [string, string])[0]) > 0) {
      return entries.sort(([x], [y]) => before(ranks, x, y));
    }
  }
  return entries;
}

function writeElement(out: string[], name: string, attributes: AttributeMap, children: () => boolean): boolean {
  if (!goodName(name, ELEMENT_NAME)) return false;
  let open = `<${name}`;
  for (const [attribute, value] of ordered(name, attributes)) {
    if (!goodName(attribute, SIMPLE_ATTRIBUTE_NAME)) return false;
    if (PLAIN.test(value)) open += ` ${attribute}="${value}"`;
    else if (isXmlText(value)) open += ` ${attribute}="${escapeAttribute(value)}"`;
    else return false;
  }
  const start = out.length;
  out.push(open);
  const before = out.length;
  if (!children()) return false;
  if (out.length === before) out[start] = `${open}/>`;
  else {
    out[start] = `${open}>`;
    out.push(`</${name}>`);
  }
  return true;
}

function writeText(out: string[], text: string): boolean {
  if (text === '') return true;
  if (PLAIN.test(text)) out.push(text);
  else if (isXmlText(text)) out.push(escapeText(text));
  else return false;
  return true;
}

function writeGeneric(out: string[], node: GenericNode): boolean {
  if (node.kind === 'text') return writeText(out, node.text);
  return writeElement(out, node.name, node.attributes, () => node.children.every((child) => writeGeneric(out, child)));
}

function writeDialChild(out: string[], child: DialChild): boolean {
  switch (child.kind) {
    case 'text':
    case 'element':
      return writeGeneric(out, child);
    case 'Client':
      return writeElement(out, 'Client', child.attributes, () =>
        writeText(out, child.text) &&
        (child.identity === undefined || writeElement(out, 'Identity', {}, () => writeText(out, child.identity as string))) &&
        child.parameters.every((parameter) => writeElement(out, 'Parameter', parameter.attributes, () => true)),
      );
    case 'Application':
      return writeElement(out, 'Application', child.attributes, () =>
        (child.applicationSid === undefined || writeElement(out, 'ApplicationSid', {}, () => writeText(out, child.applicationSid as string))) &&
        child.parameters.every((parameter) => writeElement(out, 'Parameter', parameter.attributes, () => true)),
      );
    default:
      return writeElement(out, child.kind, child.attributes, () => writeText(out, child.text));
  }
}

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

function escapeAttribute(value: string): string {
  return /[&<>"\t\n\r]/.test(value)
    ? value.replace(/[&<>"\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char] as string)
    : value;
}
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;', '\r': '&#xD;' };

function escapeText(value: string): string {
  return /[&<>\r]/.test(value) ? value.replace(/[&<>\r]/g, (char) => TEXT_ESCAPES[char] as string) : value;
}
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };

const MODELLED = new Set<string>(['Dial', 'Number', 'Client', 'Sip', 'Conference', 'Queue', 'Application', 'WhatsApp', 'Sim']);
const RANKS = new Map<string, ReadonlyMap<string, number>>();

/** The spec table's attribute order of an element, as name → rank, computed once per element. */
function ranksOf(element: string): ReadonlyMap<string, number> | undefined {
  if (!MODELLED.has(element)) return undefined;
  let ranks = RANKS.get(element);
  if (ranks === undefined) {
    ranks = new Map([...attributesOf(element as ElementName).keys()].map((name, index) => [name, index]));
    RANKS.set(element, ranks);
  }
  return ranks;
}

/** Same order as serializeTwiml's `orderedAttributes`: spec-table order, then the others by name (code units). */
function ordered(element: string, attributes: AttributeMap): [string, string][] {
  const entries = Object.entries(attributes);
  if (entries.length < 2) return entries;
  const ranks = ranksOf(element);
  const last = ranks?.size ?? 0;
  return entries.sort(([a], [b]) => (ranks?.get(a) ?? last) - (ranks?.get(b) ?? last) || (a < b ? -1 : a > b ? 1 : 0));
}

function writeElement(out: string[], name: string, attributes: AttributeMap, children: () => boolean): boolean {
  if (!ELEMENT_NAME.test(name) || name.toLowerCase().startsWith('xml')) return false;
  let open = `<${name}`;
  for (const [attribute, value] of ordered(name, attributes)) {
    if (!SIMPLE_ATTRIBUTE_NAME.test(attribute) || !isXmlText(value)) return false;
    open += ` ${attribute}="${escapeAttribute(value)}"`;
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
  if (!isXmlText(text)) return false;
  out.push(escapeText(text));
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

import type { TwimlDocument } from '../../model/document.js';
import type { CallStyle } from './callStyle.js';
import { typedAttributes } from './typedAttributes.js';

/** The element an object of the document model stands for, when it has attributes. */
function elementName(node: Record<string, unknown>, parent: string | undefined): string | undefined {
  if (node['kind'] === 'element') return node['name'] as string;
  if (node['kind'] === 'Parameter') return 'Parameter';
  if (typeof node['kind'] === 'string' && node['kind'] !== 'text') return node['kind'];
  return parent;
}

function convert(value: unknown, element: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => convert(item, element));
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const name = elementName(node, element);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(node)) {
    out[key] = key === 'attributes' && name !== undefined ? typedAttributes(name, item as Record<string, string>, { undefinedToo: false }) : convert(item, name);
  }
  return out;
}

/**
 * The document as sent in a version 2 request: with `typed` calls every attribute map holds typed values
 * and one unset option as `null` (typedAttributes); JSON has no `undefined`, so that one is left out.
 * @see schemas/builder-protocol.schema.json (typedAttributes)
 */
export function typedDocument(document: TwimlDocument, calls: CallStyle): unknown {
  if (calls === 'strings') return document;
  return { ...document, verbs: convert(document.verbs, undefined) };
}

/**
 * The TwiML document model. Attribute values are kept as the text Twilio would read, so that
 * invalid documents (`timeout="abc"`) are representable and a builder's output can be compared
 * with what was asked for. Typed views (numbers, booleans, defaults) are derived by `reference/`
 * from the spec table, never stored here.
 */

/** Attribute name to attribute value, as written in the XML. Order is not significant. */
export type AttributeMap<Known extends string = string> = { readonly [K in Known]?: string } & {
  readonly [name: string]: string;
};

export interface TextNode {
  readonly kind: 'text';
  readonly text: string;
}

/** Any element the kit does not model in detail: other verbs, unknown elements, their children. */
export interface GenericElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: AttributeMap;
  readonly children: readonly GenericNode[];
}

export type GenericNode = GenericElement | TextNode;

/** A verb at the top level of the document: `<Dial>` fully modelled, every other one generic. */
export type Verb = import('./dial.js').DialVerb | GenericElement;

/**
 * A whole TwiML document. `root` is normally `Response`; anything else is representable so the
 * validator can report it (12102). Whitespace-only text between top-level elements is not kept.
 */
export interface TwimlDocument {
  readonly root: string;
  readonly attributes: AttributeMap;
  readonly verbs: readonly (Verb | TextNode)[];
}

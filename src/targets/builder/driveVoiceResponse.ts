import type { DialChild, DialVerb, ParameterElement } from '../../model/dial.js';
import type { AttributeMap, GenericNode, TextNode, TwimlDocument, Verb } from '../../model/document.js';
import { attributeRanks, compareAttributeNames } from '../../xml/attributeOrder.js';
import type { CallStyle } from './callStyle.js';
import { typedAttributes, type TypedValue } from './typedAttributes.js';

/** The part of the twilio builder API the kit drives: every node can take text and generic children. */
export interface BuilderNode {
  addText(text: string): unknown;
  addChild(tagName: string, attributes?: Record<string, TypedValue>): BuilderNode;
}

export type BuilderConstructor = new () => BuilderNode & { toString(): string };

/** The document asks for something the builder API has no call for. */
export class UnexpressibleError extends Error {}

/** Verbs whose builder method takes the text content as its second argument ([NODE] VoiceResponse). */
const TEXT_METHODS = new Set(['say', 'play', 'enqueue', 'queue', 'redirect', 'sms']);
/** Nouns of `<Dial>` and the method that adds each ([NODE] VoiceResponse.Dial). */
const NOUN_METHODS: Readonly<Record<string, string>> = {
  Number: 'number', Client: 'client', Conference: 'conference', Sip: 'sip', Queue: 'queue', Application: 'application', WhatsApp: 'whatsApp', Sim: 'sim',
};

interface Recorder {
  readonly steps: string[] | undefined;
  readonly counts: Map<string, number>;
  readonly calls: CallStyle;
}

/**
 * Builds `document` with a twilio-style builder the way a user would: `new VoiceResponse()`, `.dial()`,
 * the noun methods, `addChild`/`addText` for what has no method, `.toString()`. With `steps`, every call
 * is written down as a line a person can paste into a REPL. With `calls: 'strings'` attribute values are
 * the strings the model holds, which the twilio builder writes verbatim; with `'typed'` they are the types
 * the API declares, with unset options passed as `undefined` and `null` (facts §6, typedAttributes).
 */
export function driveVoiceResponse(VoiceResponse: BuilderConstructor, document: TwimlDocument, steps?: string[], calls: CallStyle = 'strings'): string {
  if (document.root !== 'Response') throw new UnexpressibleError(`the builder always writes <Response>, not <${document.root}>`);
  if (Object.keys(document.attributes).length > 0) throw new UnexpressibleError('the builder has no call for attributes on <Response>');
  const recorder: Recorder = { steps, counts: new Map(), calls };
  const response = new VoiceResponse();
  steps?.push('const response = new VoiceResponse()');
  for (const verb of document.verbs) addVerb(recorder, response, 'response', verb);
  const xml = response.toString();
  steps?.push('response.toString()');
  return xml;
}

function variable(recorder: Recorder, base: string): string {
  const count = (recorder.counts.get(base) ?? 0) + 1;
  recorder.counts.set(base, count);
  return `${base}${count}`;
}

function call(recorder: Recorder, target: BuilderNode, targetName: string, method: string, args: readonly unknown[], resultBase?: string): { node: BuilderNode; name: string } {
  const fn = (target as unknown as Record<string, unknown>)[method];
  if (typeof fn !== 'function') throw new UnexpressibleError(`the builder has no method ${method}()`);
  const node = (fn as (...a: unknown[]) => BuilderNode).apply(target, args as unknown[]);
  let name = '';
  if (recorder.steps !== undefined) {
    const rendered = `${targetName}.${method}(${args.map(renderArgument).join(', ')})`;
    if (resultBase === undefined) recorder.steps.push(rendered);
    else {
      name = variable(recorder, resultBase);
      recorder.steps.push(`const ${name} = ${rendered}`);
    }
  }
  return { node, name };
}

/** JSON, except that `undefined` is written out (JSON.stringify would drop the key that shows it). */
function renderArgument(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${JSON.stringify(key)}:${renderArgument(item)}`);
  return `{${entries.join(',')}}`;
}

function hasMethod(node: BuilderNode, method: string): boolean {
  return typeof (node as unknown as Record<string, unknown>)[method] === 'function';
}

/**
 * The attributes as a fresh object, keys in the reference's canonical order: the model says attribute
 * order is not significant, and handing them over in that order lets a faithful builder match the
 * canonical XML byte for byte (the fast path).
 */
function attributesOf(recorder: Recorder, element: string, attributes: AttributeMap): Record<string, TypedValue> {
  const ordered = orderedAttributes(element, attributes);
  return recorder.calls === 'typed' ? typedAttributes(element, ordered) : ordered;
}

function orderedAttributes(element: string, attributes: AttributeMap): Record<string, string> {
  const keys = Object.keys(attributes);
  if (keys.length === 0) return {};
  if (keys.length === 1) return { ...attributes };
  const ranks = attributeRanks(element);
  for (let i = 1; i < keys.length; i++) {
    if (compareAttributeNames(ranks, keys[i - 1] as string, keys[i] as string) > 0) {
      return Object.fromEntries(keys.sort((x, y) => compareAttributeNames(ranks, x, y)).map((key) => [key, attributes[key] as string]));
    }
  }
  return { ...attributes };
}

function addVerb(recorder: Recorder, response: BuilderNode, name: string, verb: Verb | TextNode): void {
  if (verb.kind === 'text') {
    call(recorder, response, name, 'addText', [verb.text]);
    return;
  }
  if (verb.kind === 'Dial') {
    addDial(recorder, response, name, verb);
    return;
  }
  const method = verb.name.charAt(0).toLowerCase() + verb.name.slice(1);
  // Only an exact, capitalised verb name maps to a method; anything else goes through addChild.
  if (verb.name.charAt(0) === verb.name.charAt(0).toUpperCase() && method !== verb.name && method !== 'dial' && hasMethod(response, method) && !['addText', 'addChild', 'toString', 'comment', 'commentAfter', 'commentBefore'].includes(method)) {
    const only = verb.children.length === 1 ? verb.children[0] : undefined;
    if (TEXT_METHODS.has(method) && only?.kind === 'text') {
      call(recorder, response, name, method, [attributesOf(recorder, verb.name, verb.attributes), only.text], method);
      return;
    }
    const made = call(recorder, response, name, method, [attributesOf(recorder, verb.name, verb.attributes)], method);
    for (const child of verb.children) addGeneric(recorder, made.node, made.name, child);
    return;
  }
  addGeneric(recorder, response, name, verb);
}

function addGeneric(recorder: Recorder, parent: BuilderNode, parentName: string, node: GenericNode): void {
  if (node.kind === 'text') {
    call(recorder, parent, parentName, 'addText', [node.text]);
    return;
  }
  const made = call(recorder, parent, parentName, 'addChild', [node.name, attributesOf(recorder, node.name, node.attributes)], 'node');
  for (const child of node.children) addGeneric(recorder, made.node, made.name, child);
}

function addDial(recorder: Recorder, response: BuilderNode, name: string, dial: DialVerb): void {
  const only = dial.children.length === 1 ? dial.children[0] : undefined;
  if (only?.kind === 'text') {
    call(recorder, response, name, 'dial', [attributesOf(recorder, 'Dial', dial.attributes), only.text]);
    return;
  }
  const made = call(recorder, response, name, 'dial', [attributesOf(recorder, 'Dial', dial.attributes)], 'dial');
  for (const child of dial.children) addDialChild(recorder, made.node, made.name, child);
}

function addParameters(recorder: Recorder, node: BuilderNode, name: string, parameters: readonly ParameterElement[]): void {
  for (const parameter of parameters) call(recorder, node, name, 'parameter', [attributesOf(recorder, 'Parameter', parameter.attributes)]);
}

function addDialChild(recorder: Recorder, dial: BuilderNode, name: string, child: DialChild): void {
  if (child.kind === 'text' || child.kind === 'element') {
    addGeneric(recorder, dial, name, child);
    return;
  }
  const method = NOUN_METHODS[child.kind] as string;
  if (!hasMethod(dial, method)) {
    addNounByHand(recorder, dial, name, child);
    return;
  }
  switch (child.kind) {
    case 'Client': {
      const args: unknown[] = child.text === '' ? [attributesOf(recorder, child.kind, child.attributes)] : [attributesOf(recorder, child.kind, child.attributes), child.text];
      const made = call(recorder, dial, name, 'client', args, 'client');
      if (child.identity !== undefined) call(recorder, made.node, made.name, 'identity', [child.identity]);
      addParameters(recorder, made.node, made.name, child.parameters);
      return;
    }
    case 'Application': {
      const made = call(recorder, dial, name, 'application', [attributesOf(recorder, child.kind, child.attributes)], 'application');
      if (child.applicationSid !== undefined) call(recorder, made.node, made.name, 'applicationSid', [child.applicationSid]);
      addParameters(recorder, made.node, made.name, child.parameters);
      return;
    }
    default:
      call(recorder, dial, name, method, [attributesOf(recorder, child.kind, child.attributes), child.text]);
  }
}

/** A builder without a method for a noun (SignalWire has no `application()`): the generic calls still express it. */
function addNounByHand(recorder: Recorder, dial: BuilderNode, name: string, child: Exclude<DialChild, TextNode | GenericNode>): void {
  const made = call(recorder, dial, name, 'addChild', [child.kind, attributesOf(recorder, child.kind, child.attributes)], 'node');
  if (child.kind === 'Application' || child.kind === 'Client') {
    if (child.kind === 'Client' && child.text !== '') call(recorder, made.node, made.name, 'addText', [child.text]);
    const inner = child.kind === 'Client' ? child.identity : child.applicationSid;
    if (inner !== undefined) {
      const element = call(recorder, made.node, made.name, 'addChild', [child.kind === 'Client' ? 'Identity' : 'ApplicationSid', {}], 'node');
      if (inner !== '') call(recorder, element.node, element.name, 'addText', [inner]);
    }
    for (const parameter of child.parameters) call(recorder, made.node, made.name, 'addChild', ['Parameter', attributesOf(recorder, 'Parameter', parameter.attributes)], 'node');
    return;
  }
  if (child.text !== '') call(recorder, made.node, made.name, 'addText', [child.text]);
}

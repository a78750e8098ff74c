import type { ClientNoun, DialChild, DialVerb, NumberNoun, ParameterElement } from '../src/model/dial.js';
import type { AttributeMap, GenericElement, GenericNode, TextNode, TwimlDocument, Verb } from '../src/model/document.js';
import { attributeSpec, type AttributeSpec, type ElementName } from './spec/attributes.js';
import { nounSpec } from './spec/elements.js';

/** One way two documents would make Twilio behave differently. */
export interface Difference {
  /** Where, in the expected document's terms: `/Response/Dial[1]/@timeout`. */
  readonly path: string;
  /** The value, text or element expected there; undefined when nothing was expected. */
  readonly expected: string | undefined;
  readonly actual: string | undefined;
  /** The attribute or structure involved, e.g. `dial.timeout`, `dial.children`. */
  readonly rule: string;
  /** The seed section or page that makes this difference matter. */
  readonly source: string;
}

export interface CompareOptions {
  /**
   * Report exact textual differences too: defaults written versus left out, aliases, integer spelling,
   * event order and whitespace around numbers all count.
   */
  readonly strict?: boolean;
}

export interface Comparison {
  readonly equivalent: boolean;
  readonly differences: readonly Difference[];
}

interface Context {
  readonly strict: boolean;
  readonly differences: Difference[];
}

/**
 * Decides whether two documents make Twilio behave identically. What the sources make equivalent is
 * not a difference: attribute order, whitespace between elements and around a dialed number, a
 * documented default written or left out, `record="true"` for `record-from-answer`, the order of the
 * tokens of an event list, `<Client>joey</Client>` for `<Client><Identity>joey</Identity></Client>`, a bare
 * number for the same number in a `<Number>` (seed §Nouns: it "behaves exactly like" the plain text).
 */
export function compare(expected: TwimlDocument, actual: TwimlDocument, options: CompareOptions = {}): Comparison {
  const context: Context = { strict: options.strict === true, differences: [] };
  const rootPath = `/${expected.root}`;
  if (expected.root !== actual.root) {
    differ(context, rootPath, expected.root, actual.root, 'response.root', 'facts §1.2 12102');
  }
  compareGenericAttributes(context, expected.attributes, actual.attributes, rootPath);
  compareSequence(context, meaningful(expected.verbs), meaningful(actual.verbs), rootPath, compareVerb, 'response.verbs', 'seed §action (what runs after <Dial>)');
  return { equivalent: context.differences.length === 0, differences: context.differences };
}

function differ(context: Context, path: string, expected: string | undefined, actual: string | undefined, rule: string, source: string): void {
  context.differences.push({ path, expected, actual, rule, source });
}

function meaningful<T extends Verb | TextNode | DialChild | GenericNode>(nodes: readonly T[]): T[] {
  return nodes.filter((node) => node.kind !== 'text' || (node as TextNode).text.trim() !== '');
}

function nodeName(node: Verb | TextNode | DialChild | GenericNode): string {
  if (node.kind === 'text') return 'text()';
  if (node.kind === 'element') return node.name;
  return node.kind;
}

function describe(node: Verb | TextNode | DialChild | GenericNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'text') return JSON.stringify(node.text.trim());
  return `<${nodeName(node)}>`;
}

/** Children are compared pairwise in order; a missing or extra one is reported once. */
function compareSequence<T extends Verb | TextNode | DialChild | GenericNode>(
  context: Context,
  expected: readonly T[],
  actual: readonly T[],
  parentPath: string,
  compareOne: (context: Context, expected: T, actual: T, path: string) => void,
  rule: string,
  source: string,
  sameKind: (left: T, right: T) => boolean = (left, right) => nodeName(left) === nodeName(right),
): void {
  const counts = new Map<string, number>();
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    const left = expected[i];
    const right = actual[i];
    const name = nodeName(left ?? (right as T));
    const index = (counts.get(name) ?? 0) + 1;
    counts.set(name, index);
    const path = name === 'text()' ? `${parentPath}/text()` : `${parentPath}/${name}[${index}]`;
    if (left === undefined || right === undefined || !sameKind(left, right)) {
      differ(context, path, describe(left), describe(right), rule, source);
      continue;
    }
    compareOne(context, left, right, path);
  }
}

function compareVerb(context: Context, expected: Verb | TextNode, actual: Verb | TextNode, path: string): void {
  if (expected.kind === 'Dial' && actual.kind === 'Dial') compareDial(context, expected, actual, path);
  else compareGeneric(context, expected as GenericNode, actual as GenericNode, path);
}

function compareGeneric(context: Context, expected: GenericNode, actual: GenericNode, path: string): void {
  if (expected.kind === 'text' || actual.kind === 'text') {
    const left = expected.kind === 'text' ? expected.text : '';
    const right = actual.kind === 'text' ? actual.text : '';
    if (context.strict ? left !== right : left.trim() !== right.trim()) differ(context, path, left, right, 'text', 'facts §6');
    return;
  }
  compareGenericAttributes(context, expected.attributes, actual.attributes, path);
  compareSequence(context, meaningful(expected.children), meaningful(actual.children), path, compareGeneric, `${expected.name.toLowerCase()}.children`, '[TWIML]');
}

function compareGenericAttributes(context: Context, expected: AttributeMap, actual: AttributeMap, path: string): void {
  for (const name of unionOfNames(expected, actual)) {
    if (expected[name] !== actual[name]) differ(context, `${path}/@${name}`, expected[name], actual[name], `attribute.${name}`, '[TWIML]');
  }
}

function unionOfNames(left: AttributeMap, right: AttributeMap): string[] {
  return [...new Set([...Object.keys(left), ...Object.keys(right)])];
}

/**
 * The value Twilio acts on: the documented default when absent, the documented value for an alias,
 * integers by value, event lists as sets. Values that break their rule are compared as written.
 */
export function effectiveValue(spec: AttributeSpec | undefined, written: string | undefined): string | undefined {
  if (spec === undefined) return written;
  if (written === undefined) return spec.default;
  const kind = spec.value;
  switch (kind.kind) {
    case 'enum':
      return kind.aliases?.[written] ?? written;
    case 'integer':
      return /^[0-9]+$/.test(written) ? String(Number(written)) : written;
    case 'eventList': {
      const tokens = written.split(' ');
      return tokens.every((token) => kind.values.includes(token)) ? [...new Set(tokens)].sort().join(' ') : written;
    }
    default:
      return written;
  }
}

function compareAttributes(context: Context, element: ElementName, expected: AttributeMap, actual: AttributeMap, path: string): void {
  const prefix = element.toLowerCase();
  for (const name of unionOfNames(expected, actual)) {
    const spec = attributeSpec(element, name);
    const left = context.strict ? expected[name] : effectiveValue(spec, expected[name]);
    const right = context.strict ? actual[name] : effectiveValue(spec, actual[name]);
    if (left !== right) {
      differ(context, `${path}/@${name}`, expected[name], actual[name], `${prefix}.${name}`, spec?.source ?? 'facts §1.2 12200 (unknown attribute)');
    }
  }
}

function compareDial(context: Context, expected: DialVerb, actual: DialVerb, path: string): void {
  compareAttributes(context, 'Dial', expected.attributes, actual.attributes, path);
  compareSequence(context, meaningful(expected.children), meaningful(actual.children), path, compareDialChild, 'dial.children', 'seed §Nouns', (left, right) => {
    if (nodeName(left) === nodeName(right)) return true;
    return !context.strict && isNumberLike(left) && isNumberLike(right);
  });
}

/** @see seed §Nouns: a `<Number>` "behaves exactly like" the same number written as plain text in `<Dial>`. */
function isNumberLike(child: DialChild): child is TextNode | NumberNoun {
  return child.kind === 'text' || child.kind === 'Number';
}

/** Whitespace around a number, URI or identity is not part of it (seed §method example: the number on its own line). */
function sameContent(context: Context, left: string, right: string, trimmed: boolean): boolean {
  return context.strict || !trimmed ? left === right : left.trim() === right.trim();
}

function compareDialChild(context: Context, expected: DialChild, actual: DialChild, path: string): void {
  if (expected.kind !== actual.kind && isNumberLike(expected) && isNumberLike(actual)) {
    // Only reached outside strict mode: a bare number against a <Number>, which is a <Number> without attributes.
    const attributes: Context = { strict: false, differences: [] };
    compareAttributes(attributes, 'Number', expected.kind === 'Number' ? expected.attributes : {}, actual.kind === 'Number' ? actual.attributes : {}, path);
    if (expected.kind === 'Number') context.differences.push(...attributes.differences);
    else if (attributes.differences.length > 0) differ(context, path, describe(expected), describe(actual), 'dial.children', 'seed §Nouns');
    if (expected.text.trim() !== actual.text.trim()) differ(context, expected.kind === 'Number' ? `${path}/text()` : path, expected.text, actual.text, 'number.content', 'seed §Nouns');
    return;
  }
  if (expected.kind === 'text' && actual.kind === 'text') {
    if (!sameContent(context, expected.text, actual.text, true)) differ(context, path, expected.text, actual.text, 'dial.text', 'seed §Nouns');
    return;
  }
  if (expected.kind === 'element' && actual.kind === 'element') {
    compareGeneric(context, expected, actual, path);
    return;
  }
  if (expected.kind === 'text' || actual.kind === 'text' || expected.kind === 'element' || actual.kind === 'element') return;
  const spec = nounSpec(expected.kind);
  const source = spec?.source ?? 'seed §Nouns';
  const prefix = expected.kind.toLowerCase();
  compareAttributes(context, expected.kind, expected.attributes, actual.attributes, path);
  if (expected.kind === 'Client' && actual.kind === 'Client') {
    compareClient(context, expected, actual, path, source);
    return;
  }
  if (expected.kind === 'Application' && actual.kind === 'Application') {
    if (!sameContent(context, expected.applicationSid ?? '', actual.applicationSid ?? '', true)) {
      differ(context, `${path}/ApplicationSid[1]`, expected.applicationSid, actual.applicationSid, 'application.sid', source);
    }
    compareParameters(context, expected.parameters, actual.parameters, path, prefix, source);
    return;
  }
  if ('text' in expected && 'text' in actual) {
    const trimmed = expected.kind !== 'Conference' && expected.kind !== 'Queue';
    if (!sameContent(context, expected.text, actual.text, trimmed)) differ(context, `${path}/text()`, expected.text, actual.text, `${prefix}.content`, source);
  }
}

function compareClient(context: Context, expected: ClientNoun, actual: ClientNoun, path: string, source: string): void {
  if (context.strict) {
    if (expected.text !== actual.text) differ(context, `${path}/text()`, expected.text, actual.text, 'client.content', source);
    if (expected.identity !== actual.identity) differ(context, `${path}/Identity[1]`, expected.identity, actual.identity, 'client.identity', source);
  } else {
    const left = (expected.identity ?? expected.text).trim();
    const right = (actual.identity ?? actual.text).trim();
    if (left !== right) differ(context, `${path}/Identity[1]`, left, right, 'client.identity', source);
  }
  compareParameters(context, expected.parameters, actual.parameters, path, 'client', source);
}

/** Parameters reach the callee as a set of name/value pairs, so their order does not matter (facts §2.7). */
function compareParameters(context: Context, expected: readonly ParameterElement[], actual: readonly ParameterElement[], path: string, prefix: string, source: string): void {
  const key = (parameter: ParameterElement): string => JSON.stringify(Object.entries(parameter.attributes).sort());
  const left = expected.map(key);
  const right = actual.map(key);
  if (!context.strict) {
    left.sort();
    right.sort();
  }
  if (left.join('\n') !== right.join('\n')) {
    differ(context, `${path}/Parameter`, left.join(' '), right.join(' '), `${prefix}.parameter`, source);
  }
}

import twilio from 'twilio';
import type { BuilderConstructor, BuilderNode } from '../../src/targets/builder/driveVoiceResponse.js';
import { attributesOf, type ElementName } from '../../reference/spec/attributes.js';
import { parseTwiml } from '../../src/xml/parse.js';
import { serializeTwiml } from '../../src/xml/serialize.js';

/** One change to what the real twilio builder is asked or what it writes. */
export interface Variant {
  readonly name: string;
  /** Rewrites the attributes of one call (`element` is the element the call makes). */
  readonly attributes?: (element: string, attributes: Record<string, string>) => Record<string, string>;
  readonly text?: (text: string) => string;
  readonly output?: (xml: string, response: { response: { end(options: object): string } }) => string;
  /** Only for variants that must be caught: which documents show it. */
  readonly documents?: 'valid' | 'invalid';
  /** Runs it takes to be caught, when not the default 100. */
  readonly runs?: number;
}

const KNOWN = new Set<string>(['Dial', 'Number', 'Client', 'Sip', 'Conference', 'Queue', 'Application', 'WhatsApp', 'Sim']);
const REAL = twilio.twiml.VoiceResponse as unknown as BuilderConstructor;
const ELEMENT_OF: Readonly<Record<string, string>> = { whatsApp: 'WhatsApp', applicationSid: 'ApplicationSid' };

function elementOf(method: string): string {
  return ELEMENT_OF[method] ?? method.charAt(0).toUpperCase() + method.slice(1);
}

/**
 * The real twilio VoiceResponse with one planted defect: every builder call goes through a proxy that
 * can rewrite its attributes or text, and toString() can rewrite the output.
 */
export function plant(variant: Variant): BuilderConstructor {
  const wrap = (node: object): BuilderNode =>
    new Proxy(node, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function' || typeof key !== 'string') return value;
        return (...args: unknown[]): unknown => {
          if (key === 'toString') {
            const xml = (value as () => string).call(target);
            return variant.output === undefined ? xml : variant.output(xml, target as never);
          }
          const element = key === 'addChild' ? String(args[0]) : elementOf(key);
          const at = key === 'addChild' ? 1 : 0;
          const changed = args.map((arg, index) => {
            if (typeof arg === 'string' && !(key === 'addChild' && index === 0)) return variant.text?.(arg) ?? arg;
            if (index === at && arg !== null && typeof arg === 'object' && variant.attributes !== undefined) return variant.attributes(element, { ...(arg as Record<string, string>) });
            return arg;
          });
          const result = (value as (...a: unknown[]) => unknown).apply(target, changed);
          return result !== null && typeof result === 'object' ? wrap(result) : result;
        };
      },
    }) as BuilderNode;
  return class {
    constructor() {
      return wrap(new REAL()) as never;
    }
  } as unknown as BuilderConstructor;
}

/** Changes the string values; typed calls also pass numbers, booleans, arrays, null and undefined, which stay as they are. */
function mapValues(attributes: Record<string, string>, change: (name: string, value: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, typeof value === 'string' ? change(name, value) : value]));
}

function reverseNouns(xml: string): string {
  const parsed = parseTwiml(xml, { maxBytes: Number.MAX_SAFE_INTEGER });
  if (!parsed.ok) return xml;
  const verbs = parsed.document.verbs.map((verb) => (verb.kind === 'Dial' ? { ...verb, children: [...verb.children].reverse() } : verb));
  return serializeTwiml({ ...parsed.document, verbs });
}

/** Each must be caught within 100 runs at a fixed seed. */
export const BROKEN: readonly Variant[] = [
  { name: 'booleans written True/False', attributes: (_e, a) => mapValues(a, (_n, v) => (v === 'true' ? 'True' : v === 'false' ? 'False' : v)) },
  { name: 'event lists joined with commas', attributes: (_e, a) => mapValues(a, (n, v) => (n.endsWith('Event') ? v.split(' ').join(',') : v)) },
  { name: 'answerOnBridge dropped', attributes: (_e, { answerOnBridge: _dropped, ...rest }) => rest },
  { name: 'callerId dropped', attributes: (e, a) => (e === 'Dial' ? Object.fromEntries(Object.entries(a).filter(([n]) => n !== 'callerId')) : a) },
  { name: 'timeout clamped to 120', attributes: (e, a) => (e === 'Dial' && a['timeout'] !== undefined && Number(a['timeout']) > 120 ? { ...a, timeout: '120' } : a) },
  { name: 'nouns reordered', output: reverseNouns },
  { name: '& double-escaped', text: (t) => t.replaceAll('&', '&amp;'), attributes: (_e, a) => mapValues(a, (_n, v) => v.replaceAll('&', '&amp;')) },
  { name: 'text trimmed', text: (t) => t.trim() },
  // Python's twilio helper does this in text (README "What the kit found"): an XML reader reads a raw CR as LF, in an attribute as a space.
  { name: 'CR written raw', output: (xml) => xml.replaceAll('&#xD;', '\r') },
  { name: 'answerOnBridge renamed answeronbridge', attributes: (_e, a) => Object.fromEntries(Object.entries(a).map(([n, v]) => [n === 'answerOnBridge' ? 'answeronbridge' : n, v])) },
  { name: 'method lower-cased', attributes: (_e, a) => mapValues(a, (n, v) => (n.toLowerCase().endsWith('method') ? v.toLowerCase() : v)) },
  { name: '< left unescaped in attributes', output: (xml) => xml.replace(/="[^"]*"/g, (quoted) => quoted.replaceAll('&lt;', '<')) },
  { name: 'verbs after <Dial> dropped', output: (xml) => xml.replace(/(<\/Dial>|<Dial[^>]*\/>).*<\/Response>$/s, '$1</Response>') },
  { name: 'client parameters dropped', output: (xml) => xml.replace(/<Parameter [^>]*\/>/g, '') },
  // Only a non-digit timeout shows it: one rule among ~150 that invalid documents draw from, so 100 runs miss it at this seed.
  { name: 'invalid timeout replaced by the default', documents: 'invalid', runs: 300, attributes: (e, a) => (e === 'Dial' && a['timeout'] !== undefined && !/^[0-9]+$/.test(a['timeout']) ? { ...a, timeout: '30' } : a) },
  { name: 'unknown attributes dropped', documents: 'invalid', attributes: (e, a) => (KNOWN.has(e) ? Object.fromEntries(Object.entries(a).filter(([n]) => attributesOf(e as ElementName).has(n))) : a) },
];

/** Each changes nothing Twilio acts on, so each must pass with zero findings. */
export const HARMLESS: readonly Variant[] = [
  { name: 'attribute order reversed', attributes: (_e, a) => Object.fromEntries(Object.entries(a).reverse()) },
  { name: 'pretty printed', output: (_xml, response) => response.response.end({ pretty: true }) },
  { name: 'no XML declaration', output: (xml) => xml.replace(/^<\?xml[^>]*\?>/, '') },
  { name: '> escaped in attribute values', output: (xml) => xml.replace(/="[^"]*"/g, (quoted) => quoted.replaceAll('>', '&gt;')) },
];

import twilio from 'twilio';
import type { BuilderConstructor } from '../../src/targets/builder/driveVoiceResponse.js';

/** How one planted fault writes a value of one JavaScript type before the real builder sees it. */
export interface TypedVariant {
  readonly name: string;
  readonly write: (value: unknown) => unknown;
}

const Real = twilio.twiml.VoiceResponse as unknown as new () => Record<string, unknown>;

function rewrite(attributes: unknown, write: (value: unknown) => unknown): unknown {
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) return attributes;
  return Object.fromEntries(Object.entries(attributes as Record<string, unknown>).map(([name, value]) => [name, write(value)]));
}

/**
 * The real twilio VoiceResponse, with every attributes argument (of dial(), the noun methods and addChild)
 * passed through `write` first: a builder that mishandles one JavaScript value type, the way older
 * builders did (twilio 2.x joined arrays with commas and wrote `action="null"`).
 */
export function plantTyped(variant: TypedVariant): BuilderConstructor {
  const wrap = (node: Record<string, unknown>): Record<string, unknown> =>
    new Proxy(node, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function' || typeof key !== 'string' || key === 'toString') return typeof value === 'function' ? value.bind(target) : value;
        return (...args: unknown[]): unknown => {
          const at = key === 'addChild' ? 1 : 0;
          const changed = args.map((arg, index) => (index === at ? rewrite(arg, variant.write) : arg));
          const result = (value as (...a: unknown[]) => unknown).apply(target, changed);
          return result !== null && typeof result === 'object' ? wrap(result as Record<string, unknown>) : result;
        };
      },
    });
  return class {
    constructor() {
      return wrap(new Real()) as never;
    }
  } as unknown as BuilderConstructor;
}

/** Each mishandles one value type that typed calls pass (facts §6: the twilio typings); each must be caught. */
export const TYPED_BROKEN: readonly TypedVariant[] = [
  { name: 'arrays joined with commas', write: (value) => (Array.isArray(value) ? value.join(',') : value) },
  { name: 'arrays written as JSON', write: (value) => (Array.isArray(value) ? JSON.stringify(value) : value) },
  { name: 'null written as "null"', write: (value) => (value === null ? 'null' : value) },
  { name: 'undefined written as "undefined"', write: (value) => (value === undefined ? 'undefined' : value) },
  { name: 'booleans written True/False', write: (value) => (typeof value === 'boolean' ? (value ? 'True' : 'False') : value) },
  { name: 'booleans written 1/0', write: (value) => (typeof value === 'boolean' ? (value ? '1' : '0') : value) },
  { name: 'numbers written with one decimal', write: (value) => (typeof value === 'number' ? value.toFixed(1) : value) },
  { name: 'numbers written with a thousands separator', write: (value) => (typeof value === 'number' ? value.toLocaleString('en-US') : value) },
  { name: 'unset options written as empty strings', write: (value) => (value === null || value === undefined ? '' : value) },
];

/** Each writes every value the way Twilio reads it; each must pass with zero findings. */
export const TYPED_HARMLESS: readonly TypedVariant[] = [
  { name: 'every value turned into its string first', write: (value) => (value === null || value === undefined ? value : Array.isArray(value) ? value.join(' ') : String(value)) },
  { name: 'unset options left out', write: (value) => value },
];

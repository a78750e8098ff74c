import fc from 'fast-check';
import { it as vitestIt, test as vitestTest } from 'vitest';
import type { TwimlDocument } from '../model/document.js';
import { serializeTwiml } from '../xml/serialize.js';
import { DialKitFindingsError } from './reportSuite.js';

type Arbitraries = readonly fc.Arbitrary<unknown>[] | { readonly [name: string]: fc.Arbitrary<unknown> };

/** The values a body receives: one per arbitrary of a list, or one object for a record of arbitraries. */
type Values<A extends Arbitraries> = A extends readonly fc.Arbitrary<unknown>[]
  ? { -readonly [K in keyof A]: A[K] extends fc.Arbitrary<infer T> ? T : never }
  : [{ -readonly [K in keyof A]: A[K] extends fc.Arbitrary<infer T> ? T : never }];

/** A body fails by throwing (an `expect`) or by returning false. */
type Body<A extends Arbitraries> = (...values: Values<A>) => boolean | void | Promise<boolean | void>;

export type Prop = <const A extends Arbitraries>(arbitraries: A, parameters?: fc.Parameters<Values<A>>) => (name: string, body: Body<A>, timeout?: number) => void;

function isDocument(value: unknown): value is TwimlDocument {
  return typeof value === 'object' && value !== null && (value as { root?: unknown }).root !== undefined && Array.isArray((value as { verbs?: unknown }).verbs);
}

/** A counterexample as a reader wants it: a document as its XML, anything else as fast-check prints it. */
function shown(value: unknown): string {
  if (isDocument(value)) {
    try {
      return serializeTwiml(value);
    } catch {
      // XML cannot carry it; fall back to the model
    }
  }
  return fc.stringify(value);
}

/** The values of one run, as fast-check types a property of one or more arbitraries. */
type Run = [unknown, ...unknown[]];

function failureMessage(name: string, details: fc.RunDetails<Run>): string {
  const values = details.counterexample ?? [];
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance === null ? 'the body returned false' : String(details.errorInstance);
  return [
    `test.prop ${JSON.stringify(name)} failed after ${details.numRuns} runs (${details.numShrinks} shrinks)`,
    '',
    'Shrunk counterexample:',
    ...values.map((value, index) => `  ${index + 1}. ${shown(value)}`),
    '',
    `Because: ${error}`,
    '',
    `Replay: pass { seed: ${details.seed}, path: ${JSON.stringify(details.counterexamplePath ?? '')} } as test.prop's second argument`,
  ].join('\n');
}

function propOn(register: typeof vitestTest): Prop {
  return (arbitraries, parameters) => (name, body, timeout) => {
    register(
      name,
      async () => {
        const list = (Array.isArray(arbitraries) ? arbitraries : [fc.record(arbitraries as Record<string, fc.Arbitrary<unknown>>)]) as fc.Arbitrary<unknown>[];
        const call = body as (...values: unknown[]) => boolean | void | Promise<boolean | void>;
        const property = fc.asyncProperty<Run>(...(list as [fc.Arbitrary<unknown>]), async (...values: unknown[]) => (await call(...values)) !== false);
        const details = await fc.check(property, parameters as fc.Parameters<Run> | undefined);
        if (details.failed) throw new DialKitFindingsError(failureMessage(name, details));
      },
      timeout,
    );
  };
}

function withProp<T extends typeof vitestTest>(base: T): T & { readonly prop: Prop } {
  const prop = propOn(base);
  // A proxy keeps everything vitest's test is (callable, .skip, .each, .concurrent…) and adds .prop.
  return new Proxy(base, { get: (target, key, receiver) => (key === 'prop' ? prop : Reflect.get(target, key, receiver)) }) as T & { readonly prop: Prop };
}

/** vitest's `test`, with `test.prop(arbitraries, parameters?)(name, body)`: a property over the kit's (or any) arbitraries. */
export const test: typeof vitestTest & { readonly prop: Prop } = withProp(vitestTest);
/** vitest's `it`, with `it.prop`. */
export const it: typeof vitestIt & { readonly prop: Prop } = withProp(vitestIt);

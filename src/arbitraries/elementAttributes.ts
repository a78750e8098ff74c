import fc from 'fast-check';
import { attributesOf, type ElementName } from '../../reference/spec/attributes.js';
import type { AttributeMap } from '../model/document.js';
import { attributeValue, type AttributeValueConstraints } from './attributeValue.js';
import { builtOnce } from './builtOnce.js';

export interface ElementAttributesConstraints extends AttributeValueConstraints {
  /** Attributes never to produce (callerId, which the Dial picks once the nouns are known). */
  readonly exclude?: readonly string[];
  /** Produce no attribute at all. Default false. */
  readonly none?: boolean;
  /** Produce only these attributes (a target profile's support list). Default every attribute of the table. */
  readonly only?: readonly string[];
}

/** Built once per element and constraints: a Dial's arbitrary is asked for again for every invalid case. */
const BUILT = new Map<string, fc.Arbitrary<AttributeMap>>();

/**
 * Valid attributes of one element, each present or absent, read from the spec table. Every key is
 * optional so a failing case shrinks to the fewest attributes.
 * @see reference/spec/attributes.ts
 */
export function elementAttributes(element: ElementName, constraints: ElementAttributesConstraints = {}): fc.Arbitrary<AttributeMap> {
  if (constraints.none === true) return fc.constant({});
  const key = JSON.stringify([element, constraints.exclude, constraints.only, constraints.allow24HourCalls === true]);
  return builtOnce(BUILT, key, () => buildElementAttributes(element, constraints));
}

function buildElementAttributes(element: ElementName, constraints: ElementAttributesConstraints): fc.Arbitrary<AttributeMap> {
  const exclude = new Set(constraints.exclude ?? []);
  const only = constraints.only === undefined ? undefined : new Set(constraints.only);
  const names: string[] = [];
  const values: fc.Arbitrary<string | undefined>[] = [];
  for (const [name, spec] of attributesOf(element)) {
    if (exclude.has(name) || (only !== undefined && !only.has(name))) continue;
    names.push(name);
    values.push(fc.option(attributeValue(spec, constraints), { nil: undefined }));
  }
  // What `fc.record(model, { requiredKeys: [] })` draws, without its object of null prototype to copy: each key an
  // option, then one boolean (its prototype choice), kept so that a seed gives the documents it always gave.
  const draws: fc.Arbitrary<unknown>[] = [...values, fc.boolean()];
  return fc.tuple(...draws).map((drawn) => {
    const attributes: Record<string, string> = {};
    for (let index = 0; index < names.length; index += 1) {
      const value = drawn[index] as string | undefined;
      if (value !== undefined) attributes[names[index] as string] = value;
    }
    return attributes as AttributeMap;
  });
}

import fc from 'fast-check';
import { attributesOf, type ElementName } from '../../reference/spec/attributes.js';
import type { AttributeMap } from '../model/document.js';
import { attributeValue, type AttributeValueConstraints } from './attributeValue.js';
import { builtOnce } from './builtOnce.js';
import { plainRecord } from './plainRecord.js';

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
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const [name, spec] of attributesOf(element)) {
    if (exclude.has(name) || (only !== undefined && !only.has(name))) continue;
    model[name] = attributeValue(spec, constraints);
  }
  // What `fc.record(model, { requiredKeys: [] })` draws (so a seed gives the documents it always gave), as a plain object.
  return plainRecord(model, { requiredKeys: [] }) as fc.Arbitrary<AttributeMap>;
}

import fc from 'fast-check';
import { attributesOf, type ElementName } from '../../reference/spec/attributes.js';
import type { AttributeMap } from '../model/document.js';
import { attributeValue, type AttributeValueConstraints } from './attributeValue.js';

export interface ElementAttributesConstraints extends AttributeValueConstraints {
  /** Attributes never to produce (callerId, which the Dial picks once the nouns are known). */
  readonly exclude?: readonly string[];
  /** Produce no attribute at all. Default false. */
  readonly none?: boolean;
  /** Produce only these attributes (a target profile's support list). Default every attribute of the table. */
  readonly only?: readonly string[];
}

/**
 * Valid attributes of one element, each present or absent, read from the spec table. Every key is
 * optional so a failing case shrinks to the fewest attributes.
 * @see reference/spec/attributes.ts
 */
export function elementAttributes(element: ElementName, constraints: ElementAttributesConstraints = {}): fc.Arbitrary<AttributeMap> {
  if (constraints.none === true) return fc.constant({});
  const exclude = new Set(constraints.exclude ?? []);
  const only = constraints.only === undefined ? undefined : new Set(constraints.only);
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const [name, spec] of attributesOf(element)) {
    if (!exclude.has(name) && (only === undefined || only.has(name))) model[name] = attributeValue(spec, constraints);
  }
  return fc.record(model, { requiredKeys: [] }).map((attributes) => ({ ...attributes }) as AttributeMap);
}

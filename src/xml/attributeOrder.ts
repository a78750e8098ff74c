import { attributesOf, type ElementName } from '../../reference/spec/attributes.js';
import { NOUNS } from '../../reference/spec/elements.js';

/** Elements whose attributes have a spec-table order: `<Dial>` and its nouns. */
const MODELLED = new Set<string>(['Dial', ...NOUNS.map((noun) => noun.name)]);
const RANKS = new Map<string, ReadonlyMap<string, number>>();
const NO_RANKS: ReadonlyMap<string, number> = new Map();

/** The spec table's attribute order of an element, as name → rank, computed once per element. */
export function attributeRanks(element: string): ReadonlyMap<string, number> {
  let ranks = RANKS.get(element);
  if (ranks !== undefined) return ranks;
  if (!MODELLED.has(element)) return NO_RANKS;
  ranks = new Map([...attributesOf(element as ElementName).keys()].map((name, index) => [name, index]));
  RANKS.set(element, ranks);
  return ranks;
}

/**
 * The canonical order of two attribute names of one element: spec-table rank first, then every other
 * attribute by name (UTF-16 code unit order, as XML C14N sorts them), so the canonical text never
 * depends on the order attributes were written in, which XML makes insignificant.
 */
export function compareAttributeNames(ranks: ReadonlyMap<string, number>, a: string, b: string): number {
  const last = ranks.size;
  return (ranks.get(a) ?? last) - (ranks.get(b) ?? last) || (a < b ? -1 : a > b ? 1 : 0);
}

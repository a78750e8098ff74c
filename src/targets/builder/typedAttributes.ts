import { attributesOf, type AttributeSpec, type ElementName } from '../../../reference/spec/attributes.js';
import { attributeRanks } from '../../xml/attributeOrder.js';

/** An attribute value as a typed API takes it; `undefined` and `null` mean "left unset". */
export type TypedValue = string | number | boolean | readonly string[] | null | undefined;

/**
 * The value a user of a typed builder API passes for `value`: a number for an integer attribute, a
 * boolean for a boolean one, an array for an event list — but only when that type writes back the same
 * text (`30` for "30", never for "030" or "abc"); anything else stays the string, as a user holding a
 * string from a form or an environment variable passes it.
 * @see facts §6 (twilio typings: `timeout: number`, booleans, event lists as string arrays)
 */
export function typedValue(spec: AttributeSpec | undefined, value: string): TypedValue {
  switch (spec?.value.kind) {
    case 'integer':
      return /^(0|[1-9][0-9]{0,14})$/.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'eventList': {
      const items = value.split(' ');
      return value !== '' && items.every((item) => item !== '') ? items : value;
    }
    default:
      return value;
  }
}

const MODELLED = new Set<string>(['Dial', 'Number', 'Client', 'Sip', 'Conference', 'Queue', 'Application', 'WhatsApp', 'Sim']);

/**
 * The attributes of one call with typed values, plus two options left unset the way code that copies
 * optional settings does (`action: process.env.ACTION`): the first attribute of the spec table the
 * document leaves out is passed as `undefined`, the last as `null`. A builder must write neither.
 * `undefinedToo: false` leaves the `undefined` one out, for transports such as JSON that cannot carry it.
 * @see facts §6 (`undefined`/`null` attributes are dropped by the twilio package)
 */
export function typedAttributes(element: string, attributes: Readonly<Record<string, string>>, options: { readonly undefinedToo?: boolean } = {}): Record<string, TypedValue> {
  const known = MODELLED.has(element) ? attributesOf(element as ElementName) : undefined;
  const typed: Record<string, TypedValue> = {};
  for (const [name, value] of Object.entries(attributes)) typed[name] = typedValue(known?.get(name), value);
  if (known === undefined) return typed;
  const absent = [...attributeRanks(element).keys()].filter((name) => !(name in attributes));
  const first = absent[0];
  const last = absent[absent.length - 1];
  if (first !== undefined && first !== last && options.undefinedToo !== false) typed[first] = undefined;
  if (last !== undefined) typed[last] = null;
  return typed;
}

import fc from 'fast-check';
import type { ClientNoun } from '../model/dial.js';
import { clientIdentity } from './clientIdentity.js';
import { elementAttributes, type ElementAttributesConstraints } from './elementAttributes.js';
import { parameterElement } from './parameterElement.js';

/**
 * A valid `<Client>`: the identity as text (`<Client>joey</Client>`) or as an `<Identity>` child,
 * with up to three `<Parameter>`s.
 * @see facts §2.3 [CLIENT]
 */
export function clientNoun(constraints: ElementAttributesConstraints = {}): fc.Arbitrary<ClientNoun> {
  return fc
    .record({
      attributes: elementAttributes('Client', constraints),
      identity: clientIdentity(),
      asChild: fc.boolean(),
      parameters: fc.array(parameterElement(), { maxLength: 3 }),
    })
    .map(({ attributes, identity, asChild, parameters }) =>
      asChild ? { kind: 'Client', attributes, text: '', identity, parameters } : { kind: 'Client', attributes, text: identity, parameters },
    );
}

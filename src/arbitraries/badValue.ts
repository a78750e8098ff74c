import fc from 'fast-check';
import type { ValueKind, ValueProblem } from '../../reference/spec/valueKinds.js';

const LIMIT_CHARS = ['a', '&', '<', 'é', '😀', '𝄞'] as const;

/**
 * A value that breaks `kind` in exactly the way `problem` names, built by hand (never filtered through
 * the validator, so a wrong validator cannot hide behind its own labels). Undefined when the kind
 * cannot have that problem. Range breakers use the default maximum (no 24-hour calls).
 * @see reference/values.ts valueProblem; seed attribute table
 */
export function badValue(kind: ValueKind, problem: ValueProblem): fc.Arbitrary<string> | undefined {
  switch (problem) {
    case 'enum': {
      if (kind.kind !== 'enum') return undefined;
      const first = kind.values[0] as string;
      return fc.constantFrom('maybe', '', `${first} `, `x${first}`, first.toUpperCase() === first ? first.toLowerCase() : first.toUpperCase());
    }
    case 'boolean':
      return kind.kind === 'boolean' ? fc.constantFrom('True', 'yes', '1', '', 'false ', 'FALSE') : undefined;
    case 'integer':
      return kind.kind === 'integer' ? fc.constantFrom('abc', '-5', '1.5', ` ${kind.min}`, '', '1e3', '+5', '٣', '0x10') : undefined;
    case 'range':
      if (kind.kind !== 'integer') return undefined;
      return fc.constantFrom(String(kind.min - 1), String(kind.max + 1), String(kind.max * 10 + 7), `00${kind.max + 1}`, '99999999999999999999');
    case 'url':
      return kind.kind === 'url'
        ? fc.constantFrom('ftp://example.com/x', 'http://', 'has space', 'javascript:alert(1)', 'https://exa mple.com/', '/path\twith-tab', 'mailto:a@example.com', 'file:///etc/passwd')
        : undefined;
    case 'event': {
      if (kind.kind !== 'eventList') return undefined;
      const [a, b] = kind.values as readonly [string, string];
      return fc.constantFrom('bogus', `${a},${b}`, `${a}  ${b}`, '', a.toUpperCase(), ` ${a}`);
    }
    case 'format':
      return kind.kind === 'callerId' ? fc.constantFrom('not a number!', 'client:bad id', '++1 (555)', 'whatsapp:abc', '') : undefined;
    case 'chars':
      return kind.kind === 'digits' ? fc.constantFrom('', 'abc', '12 34', '1x2', 'w W#*e') : undefined;
    case 'length': {
      if (kind.kind !== 'text' || kind.maxLength === undefined) return undefined;
      const max = kind.maxLength;
      return fc.tuple(fc.integer({ min: 1, max: 5 }), fc.array(fc.constantFrom(...LIMIT_CHARS), { minLength: max + 5, maxLength: max + 5 })).map(([over, chars]) => chars.slice(0, max + over).join(''));
    }
  }
}

import type { AttributeSpec } from '../../reference/spec/attributes.js';
import { characterCount, isCallerIdFor } from '../../reference/values.js';

const HOSTILE = /[&<>"']/;
const NON_BMP = /[\u{10000}-\u{10FFFF}]/u;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The classes a value of an attribute falls in, for coverage: which enum value or alias, which
 * boolean, which integer bound, which URL form, how many events and in which order, which callerId
 * form, and for text whether it is empty, hostile, padded, non-BMP or at its limit.
 */
export function valueClasses(spec: AttributeSpec, value: string): string[] {
  const kind = spec.value;
  switch (kind.kind) {
    case 'enum':
      return kind.values.includes(value) ? [`enum:${value}`] : kind.aliases !== undefined && Object.hasOwn(kind.aliases, value) ? [`alias:${value}`] : ['invalid'];
    case 'boolean':
      return [value === 'true' || value === 'false' ? value : 'invalid'];
    case 'integer': {
      if (!/^[0-9]+$/.test(value)) return ['invalid'];
      const number = Number(value);
      if (number === kind.min) return ['min'];
      if (number === kind.max) return ['max'];
      if (number === kind.min + 1) return ['min+1'];
      if (number === kind.max - 1) return ['max-1'];
      return [number > kind.min && number < kind.max ? 'inside' : 'outside'];
    }
    case 'url': {
      const classes = [/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) ? 'absolute' : 'relative'];
      if (value.includes('?')) classes.push('query');
      if (value.includes('&')) classes.push('ampersand');
      if (/%[0-9A-Fa-f]{2}/.test(value)) classes.push('percent-escape');
      if (NON_ASCII.test(value)) classes.push('non-ascii');
      return classes;
    }
    case 'eventList': {
      const events = value.split(' ');
      const ordered = [...events].sort((a, b) => kind.values.indexOf(a) - kind.values.indexOf(b));
      return [events.length === 1 ? 'one-event' : 'several-events', ...(events.join(' ') !== ordered.join(' ') ? ['reordered'] : [])];
    }
    case 'callerId':
      if (value.startsWith('client:')) return ['client'];
      if (value.startsWith('whatsapp:')) return ['whatsapp'];
      if (/^\+[0-9]+$/.test(value)) return ['e164'];
      if (isCallerIdFor(value, 'Number')) return ['national'];
      return [isCallerIdFor(value, 'Sip') ? 'sip-alphanumeric' : 'invalid'];
    case 'digits':
      return ['digits'];
    case 'text': {
      if (value === '') return ['empty'];
      const classes: string[] = [];
      if (HOSTILE.test(value)) classes.push('hostile');
      if (value.trim() !== value) classes.push('edge-whitespace');
      if (NON_BMP.test(value)) classes.push('non-bmp');
      if (kind.maxLength !== undefined && characterCount(value) === kind.maxLength) classes.push('at-limit');
      if (kind.maxLength !== undefined && characterCount(value) > kind.maxLength) classes.push('past-limit');
      return classes.length === 0 ? ['plain'] : classes;
    }
  }
}

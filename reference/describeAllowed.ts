import type { NounName } from '../src/model/dial.js';
import type { ValueKind } from './spec/valueKinds.js';

/** What a value of this kind may be, as the end of a sentence ("must be …"). */
export function describeAllowed(kind: ValueKind, allow24HourCalls: boolean, nouns: readonly (NounName | 'text')[], callerIdForEveryNoun = true): string {
  switch (kind.kind) {
    case 'enum': {
      const aliases = kind.aliases === undefined ? '' : ` (or the aliases ${Object.keys(kind.aliases).join(', ')})`;
      return `one of ${kind.values.join(', ')}${aliases}`;
    }
    case 'boolean':
      return 'exactly true or false';
    case 'integer': {
      const max = allow24HourCalls && kind.maxWhen24h !== undefined ? kind.maxWhen24h : kind.max;
      return `a whole number from ${kind.min} to ${max}, written with digits only`;
    }
    case 'url':
      return `a relative URL or an absolute http(s) URL, without spaces or control characters${kind.hostWithoutUnderscore === true ? ', and no _ in its host' : ''}`;
    case 'eventList':
      return `one or more of ${kind.values.join(', ')}, separated by single spaces`;
    case 'callerId': {
      // Each dialed noun accepts its own forms (seed §callerId); the value must suit every one of them.
      const forms = new Map<string, string[]>();
      for (const noun of nouns.length === 0 ? (['text'] as const) : nouns) {
        const form = callerIdForm(noun);
        const label = noun === 'text' ? 'the bare number' : `<${noun}>`;
        const labels = forms.get(form) ?? [];
        if (!labels.includes(label)) labels.push(label);
        forms.set(form, labels);
      }
      if (forms.size === 1) return [...forms.keys()][0] as string;
      return `a form ${callerIdForEveryNoun ? 'every' : 'at least one'} dialed noun accepts (${[...forms].map(([form, labels]) => `for ${labels.join(' and ')}: ${form}`).join('; ')})`;
    }
    case 'digits':
      return `made only of the characters ${kind.alphabet}`;
    case 'text':
      return kind.maxLength === undefined ? 'any text' : `at most ${kind.maxLength} characters`;
  }
}

function callerIdForm(noun: NounName | 'text'): string {
  switch (noun) {
    case 'Sip':
      return 'letters, digits and + - _ . without whitespace';
    case 'WhatsApp':
      return 'whatsapp:+ followed by the sender number';
    case 'Client':
    case 'Application':
      return 'a phone number or client:identity';
    default:
      return 'a phone number';
  }
}

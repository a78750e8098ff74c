import type { NounName } from '../src/model/dial.js';
import type { ValueKind } from './spec/valueKinds.js';

/** What a value of this kind may be, as the end of a sentence ("must be …"). */
export function describeAllowed(kind: ValueKind, allow24HourCalls: boolean, nouns: readonly (NounName | 'text')[]): string {
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
      return 'a relative URL or an absolute http(s) URL, without spaces or control characters';
    case 'eventList':
      return `one or more of ${kind.values.join(', ')}, separated by single spaces`;
    case 'callerId': {
      const forms = new Set<string>();
      for (const noun of nouns.length === 0 ? ['text'] : nouns) {
        if (noun === 'Sip') forms.add('letters, digits and + - _ . (dialing <Sip>)');
        else if (noun === 'WhatsApp') forms.add('whatsapp:+ followed by the sender number (dialing <WhatsApp>)');
        else if (noun === 'Client' || noun === 'Application') forms.add('a phone number or client:identity (dialing <Client>)');
        else forms.add('a phone number');
      }
      return [...forms].join(', and also ');
    }
    case 'digits':
      return `made only of the characters ${kind.alphabet}`;
    case 'text':
      return kind.maxLength === undefined ? 'any text' : `at most ${kind.maxLength} characters`;
  }
}

import type { Diagnostic } from '../src/model/diagnostic.js';
import type { TwimlDocument } from '../src/model/document.js';

/**
 * Which TwiML a document is, when it answers a request the `<Dial>` made on its way to the bridge:
 * a noun url (whisper) on the called party, a `<Queue url>` announcement on the dequeued caller, or a
 * `<Conference waitUrl>` while the caller waits.
 */
export type NounTwimlRole = 'whisper' | 'queue-announcement' | 'conference-wait';

export interface NounTwimlRule {
  readonly id: string;
  readonly role: NounTwimlRole;
  readonly code: number;
  readonly severity: 'error' | 'warning';
  readonly title: string;
  readonly source: string;
  readonly note?: string;
}

export const NOUN_TWIML_RULES: readonly NounTwimlRule[] = [
  {
    id: 'whisper.dial', role: 'whisper', code: 13201, severity: 'error',
    title: 'a noun url (whisper) document may not contain <Dial>',
    source: 'https://www.twilio.com/docs/voice/twiml/number, https://www.twilio.com/docs/voice/twiml/client (url: "not allowed to contain the <Dial> verb"); facts §1.3 13201',
  },
  {
    id: 'queue-url.verb', role: 'queue-announcement', code: 12200, severity: 'warning',
    title: 'a <Queue url> document may hold only Play, Say, Pause and Redirect',
    source: 'https://www.twilio.com/docs/voice/twiml/queue ("The allowed verbs in this TwiML document are Play, Say, Pause and Redirect"); facts §2.6',
    note: 'No code is documented for another verb there; the generic schema warning 12200 is used.',
  },
  {
    id: 'conference-wait.verb', role: 'conference-wait', code: 12200, severity: 'warning',
    title: 'a <Conference waitUrl> document may hold only Play, Say, Pause and Redirect',
    source: 'https://www.twilio.com/docs/voice/twiml/conference (waitUrl); facts §2.5',
    note: 'facts §1.3 names a 13230–13240 code for an invalid verb in waitUrl TwiML without saying which; the generic schema warning 12200 is used.',
  },
];

/** Verbs each role allows; undefined: any verb but the ones named in the rules. */
const ALLOWED: Readonly<Record<NounTwimlRole, ReadonlySet<string> | undefined>> = {
  // The Number and Client pages name Play, Say, Gather and Hangup as uses, not as a closed list; only <Dial> is forbidden.
  whisper: undefined,
  'queue-announcement': new Set(['Play', 'Say', 'Pause', 'Redirect']),
  'conference-wait': new Set(['Play', 'Say', 'Pause', 'Redirect']),
};

/**
 * What Twilio's rules for this kind of document say about its verbs, beyond what `validate` checks
 * for any document. Pure: the document in, diagnostics out.
 */
export function nounTwimlDiagnostics(document: TwimlDocument, role: NounTwimlRole): Diagnostic[] {
  const out: Diagnostic[] = [];
  const allowed = ALLOWED[role];
  const counts = new Map<string, number>();
  for (const verb of document.verbs) {
    if (verb.kind === 'text') continue;
    const name = verb.kind === 'Dial' ? 'Dial' : verb.name;
    const position = (counts.get(name) ?? 0) + 1;
    counts.set(name, position);
    const path = `/Response/${name}[${position}]`;
    if (role === 'whisper' && name === 'Dial') {
      out.push({ ruleId: 'whisper.dial', severity: 'error', code: 13201, path, message: '<Dial> in a noun url (whisper) document: a Dial call segment cannot dial (13201)' });
    } else if (allowed !== undefined && !allowed.has(name)) {
      const rule = role === 'queue-announcement' ? 'queue-url.verb' : 'conference-wait.verb';
      out.push({ ruleId: rule, severity: 'warning', code: 12200, path, message: `<${name}> in a ${role === 'queue-announcement' ? '<Queue url>' : '<Conference waitUrl>'} document: only Play, Say, Pause and Redirect are allowed` });
    }
  }
  return out;
}

/** The role of the document answered to a derived request, from its kind and the noun it belongs to. */
export function nounTwimlRole(kind: string, nounPath: string | undefined): NounTwimlRole | undefined {
  if (kind === 'waitUrl') return 'conference-wait';
  if (kind !== 'url') return undefined;
  return nounPath !== undefined && /\/Queue\[\d+\]$/.test(nounPath) ? 'queue-announcement' : 'whisper';
}

import type { DialOutcome, LegOutcome } from '../../src/model/outcome.js';
import type { DialTrace, InterpretOptions } from '../../src/model/trace.js';
import type { TwimlDocument } from '../../src/model/document.js';
import { parseTwiml } from '../../src/xml/index.js';
import { interpret } from '../../reference/index.js';

export const DOC_URL = 'http://example.com/dial_callstatus.xml';
export const REQUEST = {
  CallSid: 'CA00000000000000000000000000000001',
  AccountSid: 'AC00000000000000000000000000000001',
  From: '+14151234567',
  To: '+18589876543',
  CallStatus: 'ringing',
  ApiVersion: '2010-04-01',
  Direction: 'inbound',
} as const;

export function doc(xml: string): TwimlDocument {
  const parsed = parseTwiml(xml);
  if (!parsed.ok) throw new Error(`test XML does not parse: ${xml}`);
  return parsed.document;
}

export const answer = (afterSeconds: number): LegOutcome => ({ response: { kind: 'answer', afterSeconds } });
export const busy = (afterSeconds: number): LegOutcome => ({ response: { kind: 'busy', afterSeconds } });
export const fail = (afterSeconds: number): LegOutcome => ({ response: { kind: 'fail', afterSeconds } });
export const ring: LegOutcome = { response: { kind: 'ring' } };

export function outcome(legs: LegOutcome[], extra: Partial<DialOutcome> = {}): DialOutcome {
  return { legs, bridge: { talkSeconds: 60, endedBy: 'callee-hangup' }, ...extra };
}

export function run(xml: string, dialOutcome: DialOutcome, options?: InterpretOptions, seed = 1): DialTrace {
  return interpret({ document: doc(xml), documentUrl: DOC_URL, request: REQUEST, outcome: dialOutcome, seed, ...(options === undefined ? {} : { options }) });
}

export function kinds(trace: DialTrace): string[] {
  return trace.requests.map((request) => request.kind);
}

import type { DialTrace, InterpretInput } from '../../src/model/trace.js';

/** Derives everything Twilio does for one `<Dial>` from the document and an outcome. */
export function interpret(input: InterpretInput): DialTrace {
  void input;
  throw new Error('not implemented yet');
}

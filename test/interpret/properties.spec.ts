/** The interpreter catalogue holds for the reference interpreter and catches deliberately broken ones. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInterpreter, INTERPRETER_PROPERTIES, interpreterInput, type Interpreter } from '../../properties/interpreter.js';
import { interpret } from '../../reference/index.js';
import type { DialTrace } from '../../src/model/trace.js';

const RUNS = { numRuns: 300, seed: 4242 };

describe('INTERPRETER_PROPERTIES on the reference interpreter', () => {
  it('ids are unique and every property names its source', () => {
    expect(new Set(INTERPRETER_PROPERTIES.map((property) => property.id)).size).toBe(INTERPRETER_PROPERTIES.length);
    for (const property of INTERPRETER_PROPERTIES) expect(property.source).not.toBe('');
  });
  for (const property of INTERPRETER_PROPERTIES) {
    it(`${property.id}: ${property.title}`, () => {
      fc.assert(fc.property(interpreterInput(), (input) => {
        expect(checkInterpreter(interpret, input, [property])).toEqual({});
      }), RUNS);
    });
  }
});

/** Broken interpreters, each wrong in one way a real emulator could be. */
const mutate = (change: (trace: DialTrace) => DialTrace): Interpreter => (input) => change(interpret(input));
let clock = 0;
const BROKEN: readonly { readonly name: string; readonly caughtBy: string; readonly interpreter: Interpreter }[] = [
  {
    name: 'requests an action even when the document has none',
    caughtBy: 'INT-ASKED',
    interpreter: mutate((trace) => ({ ...trace, requests: [...trace.requests, { kind: 'action', at: 0, method: 'POST', url: 'http://example.com/', params: {}, body: '', expectsTwiml: true }] })),
  },
  {
    name: 'leaves relative URLs unresolved',
    caughtBy: 'INT-ABSOLUTE',
    interpreter: mutate((trace) => ({ ...trace, requests: trace.requests.map((request) => ({ ...request, url: new URL(request.url).pathname })) })),
  },
  {
    name: 'sends GET parameters in a body',
    caughtBy: 'INT-ABSOLUTE',
    interpreter: mutate((trace) => ({ ...trace, requests: trace.requests.map((request) => (request.method === 'GET' ? { ...request, url: request.url.split('?')[0] as string, body: new URLSearchParams(Object.entries(request.params)).toString() } : request)) })),
  },
  {
    name: 'ignores timeLimit',
    caughtBy: 'INT-TIME-LIMIT',
    interpreter: mutate((trace) => (trace.result.endedBy === 'time-limit' ? { ...trace, result: { ...trace.result, talkSeconds: trace.result.talkSeconds + 1 } } : trace)),
  },
  {
    name: 'reports bridged for every call (the known emulator bug family)',
    caughtBy: 'INT-UNANSWERED',
    interpreter: mutate((trace) => ({ ...trace, result: { ...trace.result, bridged: true } })),
  },
  {
    name: 'reports answered for number dials',
    caughtBy: 'INT-ACTION-PARAMS',
    interpreter: mutate((trace) => ({ ...trace, requests: trace.requests.map((request) => (request.params.DialCallStatus === 'completed' ? { ...request, params: { ...request.params, DialCallStatus: 'answered' } } : request)) })),
  },
  {
    name: 'continues with the next verb after an action',
    caughtBy: 'INT-NEXT',
    interpreter: mutate((trace) => (trace.next.kind === 'action' ? { ...trace, next: { kind: 'hangup', reason: 'wrong' } } : trace)),
  },
  {
    name: 'draws identifiers from a global counter',
    caughtBy: 'INT-DETERMINISM',
    interpreter: mutate((trace) => ({ ...trace, assumptions: [...trace.assumptions, `run ${clock++}`] })),
  },
];

describe('the catalogue has teeth', () => {
  for (const broken of BROKEN) {
    it(`${broken.caughtBy} catches an interpreter that ${broken.name}`, () => {
      const details = fc.check(fc.property(interpreterInput(), (input) => checkInterpreter(broken.interpreter, input)[broken.caughtBy] === undefined), RUNS);
      expect(details.failed).toBe(true);
    });
  }
});

/**
 * The interpreter catalogue: invariants every trace must satisfy, over generated documents and
 * outcomes (`dialCase()`). Each property is data: a stable id, a title, its source, and a check that
 * returns the problems it sees (none when the trace is fine). They judge any interpreter with the
 * signature of `interpret`, so a broken one can be shown to fail.
 */
import fc from 'fast-check';
import { dialedLegs } from '../reference/legs.js';
import { dialCase, type DialCase } from '../src/arbitraries/dialCase.js';
import type { DialVerb } from '../src/model/dial.js';
import type { DialTrace, InterpretInput } from '../src/model/trace.js';

export interface InterpreterProperty {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  /** Problems in one trace, one sentence each; empty when the property holds. */
  check(input: InterpretInput, trace: DialTrace, rerun: () => DialTrace): readonly string[];
}

export type Interpreter = (input: InterpretInput) => DialTrace;

function dialOf(input: InterpretInput): DialVerb {
  const verb = input.document.verbs[input.dialIndex ?? input.document.verbs.findIndex((candidate) => candidate.kind === 'Dial')];
  if (verb === undefined || verb.kind !== 'Dial') throw new TypeError('the case has no <Dial>');
  return verb;
}

function written(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/** Which request kinds the document asks for at all. */
function askedKinds(dial: DialVerb): Set<string> {
  const kinds = new Set<string>();
  if (written(dial.attributes.action)) kinds.add('action');
  if (written(dial.attributes.referUrl)) kinds.add('referUrl');
  const record = dial.attributes.record;
  if (written(dial.attributes.recordingStatusCallback) && record !== undefined && record !== 'do-not-record' && record !== 'false') kinds.add('recordingStatusCallback');
  for (const leg of dialedLegs(dial)) {
    if (leg.node.kind === 'text') continue;
    const attributes = leg.node.attributes;
    if (written(attributes.statusCallback)) kinds.add('statusCallback');
    if (written(attributes.url)) kinds.add('url');
    if (written(attributes.amdStatusCallback) && written(attributes.machineDetection)) kinds.add('amdStatusCallback');
    if (leg.kind === 'Conference' && written(attributes.statusCallback)) kinds.add('conferenceStatusCallback');
    if (leg.kind === 'Conference' && written(attributes.waitUrl)) kinds.add('waitUrl');
  }
  return kinds;
}

/** The largest talk time the document allows: timeLimit as written (clamped to 1–14400), else 14400. */
function timeLimitBound(dial: DialVerb): number {
  const raw = dial.attributes.timeLimit?.trim();
  return raw !== undefined && /^[0-9]+$/.test(raw) ? Math.max(1, Math.min(14400, Number(raw))) : 14400;
}

export const INTERPRETER_PROPERTIES: readonly InterpreterProperty[] = [
  {
    id: 'INT-ASKED',
    title: 'no request for a kind the document did not ask for',
    source: 'seed §action, §recordingStatusCallback, §referUrl; facts §4.2 (statusCallback), §2.2 (url, amdStatusCallback)',
    check(input, trace) {
      const asked = askedKinds(dialOf(input));
      return trace.requests.filter((request) => !asked.has(request.kind)).map((request) => `a ${request.kind} request was derived but the document has no ${request.kind} URL`);
    },
  },
  {
    id: 'INT-ABSOLUTE',
    title: 'every request URL is absolute http(s), without fragment; GET carries its parameters in the query, POST in a form body',
    source: 'facts §5 (relative URLs resolved against the document URL; method & encoding)',
    check(_input, trace) {
      const problems: string[] = [];
      for (const request of trace.requests) {
        let url: URL;
        try {
          url = new URL(request.url);
        } catch {
          problems.push(`${request.kind} URL ${JSON.stringify(request.url)} is not absolute`);
          continue;
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`${request.kind} URL ${request.url} is not http(s)`);
        if (url.hash !== '') problems.push(`${request.kind} URL ${request.url} keeps a fragment`);
        const carried = request.method === 'GET' ? url.searchParams : new URLSearchParams(request.body ?? '');
        for (const [name, value] of Object.entries(request.params)) {
          if (!carried.getAll(name).includes(value)) problems.push(`${request.kind} ${request.method}: parameter ${name} is not carried ${request.method === 'GET' ? 'in the query' : 'in the body'}`);
        }
        if (request.method === 'GET' && request.body !== undefined) problems.push(`${request.kind} GET has a body`);
      }
      return problems;
    },
  },
  {
    id: 'INT-TIME-LIMIT',
    title: 'no duration goes past timeLimit',
    source: 'seed §timeLimit',
    check(input, trace) {
      const bound = timeLimitBound(dialOf(input));
      const problems: string[] = [];
      if (trace.result.talkSeconds > bound) problems.push(`talkSeconds ${trace.result.talkSeconds} exceeds timeLimit ${bound}`);
      if ((trace.result.dialCallDuration ?? 0) > bound) problems.push(`dialCallDuration ${trace.result.dialCallDuration} exceeds timeLimit ${bound}`);
      for (const request of trace.requests) {
        const duration = request.params.DialCallDuration ?? (request.kind === 'statusCallback' ? request.params.CallDuration : undefined);
        if (duration !== undefined && Number(duration) > bound) problems.push(`${request.kind} reports a duration of ${duration} s, past timeLimit ${bound}`);
      }
      return problems;
    },
  },
  {
    id: 'INT-UNANSWERED',
    title: 'an unanswered call never reports bridged',
    source: 'seed §action (DialBridged), §DialCallStatus',
    check(input, trace) {
      const problems: string[] = [];
      const anyAnswer = input.outcome.legs.some((leg) => leg.response.kind === 'answer');
      if (trace.result.answeredLeg === undefined && trace.result.bridged) problems.push('no leg answered yet the result says bridged');
      if (!anyAnswer && trace.result.bridged) problems.push('no leg of the outcome answers yet the result says bridged');
      if (!trace.result.bridged && (trace.result.dialCallStatus === 'completed' || trace.result.dialCallStatus === 'answered')) problems.push(`not bridged but DialCallStatus=${trace.result.dialCallStatus}`);
      for (const request of trace.requests) {
        if (request.params.DialBridged !== undefined && request.params.DialBridged !== String(trace.result.bridged)) problems.push(`DialBridged=${request.params.DialBridged} disagrees with the result`);
      }
      return problems;
    },
  },
  {
    id: 'INT-ACTION-PARAMS',
    title: 'the action carries DialCallStatus and DialBridged always, DialCallSid except after a conference, answered only for conferences',
    source: 'seed §action (parameters), §DialCallStatus',
    check(input, trace) {
      const problems: string[] = [];
      const conference = dialedLegs(dialOf(input)).some((leg) => leg.kind === 'Conference');
      for (const request of trace.requests.filter((candidate) => candidate.kind === 'action')) {
        if (request.params.DialCallStatus === undefined) problems.push('the action has no DialCallStatus');
        if (request.params.DialBridged === undefined) problems.push('the action has no DialBridged');
        if (conference && request.params.DialCallSid !== undefined) problems.push('the action after a conference has a DialCallSid');
        if (request.params.DialCallStatus === 'answered' && !conference) problems.push('DialCallStatus=answered without a conference');
      }
      return problems;
    },
  },
  {
    id: 'INT-NEXT',
    title: 'with action and the caller on the line the action takes over; without action it never does',
    source: 'seed §action',
    check(input, trace) {
      const hasAction = written(dialOf(input).attributes.action);
      if (trace.next.kind === 'action') {
        const target = trace.requests[trace.next.requestIndex];
        if (target?.kind !== 'action') return ['next points at a request that is not the action'];
        return hasAction ? [] : ['next is an action but the document has none'];
      }
      return hasAction && trace.result.callerOnLine && trace.requests.some((request) => request.kind === 'action') ? ['the action was requested with the caller on the line, but its TwiML does not take over'] : [];
    },
  },
  {
    id: 'INT-DETERMINISM',
    title: 'the same input gives the same trace',
    source: 'issue 4 (identifiers from the seed, timestamps from the virtual clock)',
    check(_input, trace, rerun) {
      return JSON.stringify(rerun()) === JSON.stringify(trace) ? [] : ['two runs on the same input gave different traces'];
    },
  },
];

const BASES = ['http://example.com/dial_callstatus.xml', 'https://app.example.org/voice/answer?step=2', 'http://127.0.0.1:8080/a/b/c.xml'];

/** Inputs for the catalogue: a generated case, a document URL and a seed. */
export function interpreterInput(constraints: Parameters<typeof dialCase>[0] = {}): fc.Arbitrary<InterpretInput> {
  return fc.tuple(dialCase(constraints), fc.constantFrom(...BASES), fc.nat()).map(([dialCaseValue, documentUrl, seed]: [DialCase, string, number]) => ({
    document: dialCaseValue.document,
    documentUrl,
    request: { From: '+14155550100', To: '+14155550199', CallStatus: 'ringing', ApiVersion: '2010-04-01', Direction: 'inbound' },
    outcome: dialCaseValue.outcome,
    seed,
  }));
}

/** Problems of one interpreter on one input, by property id. */
export function checkInterpreter(interpreter: Interpreter, input: InterpretInput, properties: readonly InterpreterProperty[] = INTERPRETER_PROPERTIES): Record<string, readonly string[]> {
  const trace = interpreter(input);
  const problems: Record<string, readonly string[]> = {};
  for (const property of properties) {
    const found = property.check(input, trace, () => interpreter(input));
    if (found.length > 0) problems[property.id] = found;
  }
  return problems;
}

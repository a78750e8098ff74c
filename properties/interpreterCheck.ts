import fc from 'fast-check';
import { dialCase } from '../src/arbitraries/dialCase.js';
import { voiceRequest } from '../src/arbitraries/voiceRequest.js';
import type { RunReport } from '../src/check/findings.js';
import { selectProperties } from '../src/check/selectProperties.js';
import type { InterpreterCheckOptions, InterpreterProperty } from '../src/check/interpreter/interpreterOptions.js';
import { runInterpreterCheck, type InterpreterCase, type InterpreterSuite } from '../src/check/interpreter/runInterpreterCheck.js';
import { profileConstraints } from '../src/profile/profileConstraints.js';
import type { Profile } from '../src/profile/profile.js';

/**
 * The INTERP-* properties: what a TwiML interpreter must do while and after a `<Dial>` runs, judged
 * against the reference interpreter on the same document and outcome. Each is tied to the section of
 * the seed (or the fact sheet) it checks; the comparison (src/check/interpreter/compareCall.ts) names
 * each difference by one of these ids.
 */
export const INTERPRETER_PROPERTIES: readonly InterpreterProperty[] = [
  { id: 'INTERP-ACTION', title: 'the action URL is requested once when the <Dial> ends, and only with an action', source: 'seed §action', severity: 'error' },
  { id: 'INTERP-ACTION-METHOD', title: 'the action request uses the method attribute (GET or the POST default)', source: 'seed §method', severity: 'error' },
  { id: 'INTERP-DIALCALLSTATUS', title: 'DialCallStatus is completed, answered, busy, no-answer, failed or canceled as the call went', source: 'seed §action (DialCallStatus)', severity: 'error' },
  { id: 'INTERP-DIALCALLSID', title: 'DialCallSid is the CallSid of the child leg that decided the <Dial>, and absent after a conference', source: 'seed §action (DialCallSid)', severity: 'error' },
  { id: 'INTERP-PARAMS', title: 'the action carries DialBridged, DialCallDuration, RecordingUrl, the SIP and standard parameters when, and only when, they apply', source: 'seed §action; facts §3.1, §3.5', severity: 'error' },
  { id: 'INTERP-TIMEOUT-BUFFER', title: 'an unanswered <Dial> gives up after timeout plus the 5-second buffer', source: 'seed §timeout', severity: 'error' },
  { id: 'INTERP-TIMING', title: 'requests come at the virtual time Twilio sends them (within the tolerance): timeLimit, answers, hangups', source: 'seed §timeLimit, §timeout', severity: 'error' },
  { id: 'INTERP-AFTER-ACTION', title: 'verbs after a <Dial action> never run: the action\'s answer takes over', source: 'seed §action', severity: 'error' },
  { id: 'INTERP-NEXT', title: 'without an action, the verb after the <Dial> runs when it ends', source: 'seed §action', severity: 'error' },
  { id: 'INTERP-CALLER-HANGUP', title: 'a caller hang-up still sends the action request, and nothing after the <Dial> runs', source: 'facts §3.6; seed §action', severity: 'error' },
  { id: 'INTERP-CALLBACKS', title: 'noun statusCallback and recordingStatusCallback requests: events, method, parameters, order per URL', source: 'facts §4.2; seed §recordingStatusCallback, §recordingStatusCallbackEvent', severity: 'error' },
  { id: 'INTERP-URL-REQUESTS', title: 'a noun\'s url is fetched on the answered leg; referUrl is requested on a REFER', source: 'facts §2.2, §2.6; seed §referUrl', severity: 'error' },
  { id: 'INTERP-REQUEST-SHAPE', title: 'the document is fetched as started; URLs resolve as RFC 3986 says; GET parameters in the query, POST as a form', source: 'facts §5', severity: 'error' },
  { id: 'INTERP-LEGS', title: 'the driver dials what the <Dial> holds, addressed by dial string', source: 'seed §Nouns; carrier protocol v1', severity: 'error' },
  { id: 'INTERP-SIGNATURE', title: 'every request of a signing platform carries a valid X-Twilio-Signature', source: 'facts §5.1', severity: 'security' },
  { id: 'INTERP-DRIVER', title: 'the driver keeps the carrier protocol: valid lines, an ack within the time limit, no crash, no flood', source: 'carrier protocol v1', severity: 'error' },
];

/** A generated call inside what the profile supports: a document with a fitted outcome, the first request and its method. */
export function interpreterCase(profile: Profile | undefined): fc.Arbitrary<InterpreterCase> {
  const constraints = profile === undefined ? {} : profileConstraints(profile);
  return fc
    .tuple(dialCase(constraints), voiceRequest(), fc.constantFrom<'POST' | 'GET'>('POST', 'GET'))
    .map(([{ document, outcome }, request, method]) => ({ document, outcome, request, method }));
}

export const INTERPRETER_SUITE: InterpreterSuite = { properties: INTERPRETER_PROPERTIES, cases: interpreterCase };

/**
 * Checks a TwiML interpreter (a Twilio-compatible platform or emulator) through its carrier-protocol
 * driver, against the reference interpreter. Results are data.
 */
export function checkInterpreter(options: InterpreterCheckOptions & { readonly profilePath?: string }): Promise<RunReport> {
  const properties = selectProperties(INTERPRETER_PROPERTIES, options.properties);
  return runInterpreterCheck(options, { ...INTERPRETER_SUITE, properties });
}

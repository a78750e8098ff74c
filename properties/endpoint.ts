/**
 * The endpoint catalogue: what every answer of a voice webhook app must be for Twilio to accept and
 * execute it. Each property judges one observed answer (src/check/endpoint/answerObservation.ts reads
 * it stage by stage, as Twilio does), so a 500 is reported once, as a status problem, and not again
 * as a bad Content-Type or bad XML.
 */
import type { AnswerObservation } from '../src/check/endpoint/answerObservation.js';
import { PLAIN_MEDIA_TYPE, TWIML_MEDIA_TYPES } from '../src/check/endpoint/answerObservation.js';
import type { EndpointProperty, Problem } from '../src/check/endpoint/endpointProperty.js';
import { refusedOriginMessage } from '../src/check/endpoint/refusedOriginMessage.js';
import { statusAdvice } from '../src/check/endpoint/statusAdvice.js';
import { outcomeFor } from '../src/arbitraries/dialOutcome.js';
import { outcomeMaterial, type OutcomeMaterial } from '../src/arbitraries/outcomeMaterial.js';
import { voiceRequest } from '../src/arbitraries/voiceRequest.js';
import { callerInput } from '../src/arbitraries/callerInput.js';
import type { EndpointCheckOptions } from '../src/check/endpoint/endpointOptions.js';
import { runEndpointCheck, type EndpointSuite } from '../src/check/endpoint/runEndpointCheck.js';
import type { RunReport } from '../src/check/findings.js';
import { selectProperties } from '../src/check/selectProperties.js';
import { expandPath } from '../src/check/replayToken.js';
import { timeoutMessage } from '../src/targets/http/timeoutMessage.js';
import { transportFailureCode } from '../src/targets/http/transportFailure.js';
import { aimedMaterial, aimedOutcome, type AimedMaterial } from '../src/arbitraries/aimedOutcome.js';
import { checkedExpectations, type Expectation } from '../src/check/endpoint/expectation.js';
import { expectationsHold, FLOW_PROPERTIES } from './endpointFlow.js';

/** No problem: one shared empty list, as most answers pass most checks. */
const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

function none(): readonly Problem[] {
  return NO_PROBLEMS;
}

function answered(observation: AnswerObservation): observation is AnswerObservation & { exchange: { kind: 'answer' } } {
  return observation.exchange.kind === 'answer';
}

function isSignatureProbe(observation: AnswerObservation): boolean {
  return observation.role === 'signature-tampered' || observation.role === 'signature-missing';
}

/** @see facts §5 (Timeouts: 15 s total), §1.3 11200, 11201, 11202, 11205, 11206 */
const answers: EndpointProperty = {
  id: 'EP-ANSWER',
  title: 'every request gets a complete HTTP answer within the time limit',
  source: 'facts §5 (Timeouts); facts §1.3 11200/11205/11206',
  severity: 'error',
  check(observation, context) {
    const exchange = observation.exchange;
    if (exchange.kind !== 'failure' || exchange.failure === 'aborted') return none();
    const begun = exchange.status === undefined ? undefined : { status: exchange.status, bodyBytes: exchange.bodyBytes ?? 0 };
    const what =
      exchange.failure === 'timeout'
        ? `${timeoutMessage(context.timeoutMs, begun)} (Twilio gives up after its total limit)`
        : `the exchange failed (${exchange.failure}): ${exchange.message}`;
    return [{ key: `transport.${exchange.failure}`, code: transportFailureCode(exchange.failure), message: what }];
  },
};

/** The sources say nothing about requests to other hosts; the kit never sends them (brief: no request leaves the target's origin). */
const staysOnOrigin: EndpointProperty = {
  id: 'EP-ORIGIN',
  title: 'the app never sends the call to a host the kit may not reach',
  source: 'kit policy: requests go only to the target origin and --allow-origin (facts §5 Redirects, Relative URLs)',
  severity: 'error',
  check(observation) {
    const exchange = observation.exchange;
    if (exchange.kind !== 'refused-origin') return none();
    const how = observation.hops.length > 1 ? 'an HTTP redirect' : `the ${observation.role} URL`;
    // Another scheme is a different bug from another host: kept apart when findings are told apart.
    const key = `${exchange.reason === 'not-http' ? 'scheme' : 'origin'}.${observation.role}`;
    return [{ key, message: refusedOriginMessage(how, observation.request.url, exchange) }];
  },
};

/** @see facts §5 (Redirects), §1.3 11215, 11216 */
const redirects: EndpointProperty = {
  id: 'EP-REDIRECT',
  title: 'HTTP redirects are ones Twilio follows (301, 302, 303, 307 with Location; at most 10)',
  source: 'facts §5 (Redirects); facts §1.3 11215/11216',
  severity: 'error',
  judges: (observation) => observation.hops.length > 1 || observation.redirectProblem !== undefined,
  check(observation) {
    const problem = observation.redirectProblem;
    return problem === undefined ? none() : [{ key: `redirect.${problem.kind}`, code: problem.code, message: problem.message }];
  },
};

/** @see facts §1.3 11200 (4xx/5xx from your server), §5 (Accepted response types); a non-200 2xx for TwiML is not documented (facts §8.11) */
const twimlStatus: EndpointProperty = {
  id: 'EP-STATUS',
  title: 'TwiML requests are answered with HTTP 200',
  source: 'facts §1.3 11200; facts §8.11',
  severity: 'error',
  check(observation, context) {
    if (!answered(observation) || !observation.expectsTwiml || isSignatureProbe(observation) || observation.redirectProblem !== undefined) return none();
    const status = observation.exchange.status;
    if (status === 200) return none();
    return [{ key: `status.${Math.floor(status / 100)}xx`, code: 11200, message: statusAdvice(status, observation.role, context.signed) }];
  },
};

/** @see facts §4.2 (answer 204, or 200 with <Response/>), §1.3 15003 */
const callbackStatus: EndpointProperty = {
  id: 'EP-CALLBACK-STATUS',
  title: 'status callbacks are answered 200 or 204',
  source: 'facts §4.2; facts §1.3 15003',
  severity: 'warning',
  judges: (observation) => !observation.expectsTwiml,
  check(observation) {
    if (!answered(observation) || observation.expectsTwiml || observation.redirectProblem !== undefined) return none();
    const status = observation.exchange.status;
    if (status === 200 || status === 204) return none();
    return [{ key: `callback-status.${Math.floor(status / 100)}xx`, code: 15003, message: `the ${observation.role} request was answered ${status}; Twilio logs warning 15003 for anything but 200 or 204` }];
  },
};

/** @see facts §5 (Accepted response types), §1.3 12300 */
const contentType: EndpointProperty = {
  id: 'EP-CONTENT-TYPE',
  title: 'TwiML answers have a Content-Type Twilio executes (text/xml, application/xml, text/html)',
  source: 'facts §5 (Accepted response types); facts §1.3 12300',
  severity: 'error',
  check(observation) {
    if (!observation.expectsTwiml || isSignatureProbe(observation) || observation.mediaType === undefined) return none();
    if (!answered(observation) || observation.exchange.status !== 200 || TWIML_MEDIA_TYPES.has(observation.mediaType)) return none();
    if (observation.mediaType === PLAIN_MEDIA_TYPE) {
      return [
        {
          key: 'content-type.plain',
          severity: 'warning',
          message: 'the answer is text/plain: Twilio executes it only when it is valid TwiML and otherwise reads it aloud; answer text/xml',
        },
      ];
    }
    const shown = observation.mediaType === '' ? 'has no Content-Type' : `is ${observation.mediaType}`;
    return [{ key: `content-type.${observation.mediaType || 'missing'}`, code: 12300, message: `the ${observation.role} answer ${shown}; Twilio executes only text/xml, application/xml and text/html as TwiML` }];
  },
};

/** @see facts §5 (Body max 64 kB), §1.3 11750 */
const size: EndpointProperty = {
  id: 'EP-SIZE',
  title: 'TwiML answers are at most 64 kB',
  source: 'facts §5 (Accepted response types); facts §1.3 11750',
  severity: 'error',
  check(observation) {
    if (!answered(observation) || !observation.expectsTwiml || isSignatureProbe(observation) || !observation.exchange.truncated) return none();
    return [{ key: 'size.over', code: 11750, message: `the ${observation.role} answer is longer than ${observation.exchange.body.length - 1} bytes; the kit stopped reading there` }];
  },
};

/** @see facts §1.2 (12100 document parse failure), §1.3 12100, 12102; seed (TwiML documents) */
const wellFormed: EndpointProperty = {
  id: 'EP-XML',
  title: 'TwiML answers are well-formed UTF-8 XML without DOCTYPE or entities',
  source: 'facts §1.2; facts §1.3 12100',
  severity: 'error',
  check(observation) {
    if (isSignatureProbe(observation)) return none();
    if (observation.decodeError !== undefined) return [{ key: 'xml.encoding', code: 12100, message: `the ${observation.role} answer: ${observation.decodeError}` }];
    const diagnostics = observation.validation?.diagnostics ?? [];
    if (diagnostics.length === 0) return none();
    return diagnostics
      .filter((diagnostic) => diagnostic.ruleId.startsWith('xml.'))
      .map((diagnostic) => ({ key: diagnostic.ruleId, code: diagnostic.code, message: `the ${observation.role} answer: ${diagnostic.message}` }));
  },
};

function validatorProblems(observation: AnswerObservation, severity: 'error' | 'warning'): readonly Problem[] {
  if (isSignatureProbe(observation)) return none();
  const diagnostics = observation.validation?.diagnostics ?? [];
  if (diagnostics.length === 0) return none();
  return diagnostics
    .filter((diagnostic) => !diagnostic.ruleId.startsWith('xml.') && diagnostic.severity === severity)
    .map((diagnostic) => ({ key: diagnostic.ruleId, code: diagnostic.code, message: `the ${observation.role} answer, ${diagnostic.path}: ${diagnostic.message}` }));
}

/** @see reference/rules.ts (every rule cites its source); facts §1.2 */
const noErrors: EndpointProperty = {
  id: 'EP-TWIML-ERROR',
  title: 'TwiML answers break no rule Twilio fails the call on (root <Response>, valid <Dial>)',
  source: 'facts §1.2, §1.3; reference/rules.ts',
  severity: 'error',
  check: (observation) => validatorProblems(observation, 'error'),
};

/** A warning means Twilio will not do what the document asks. @see facts §1.2 (13210–13222, 12200 are warnings) */
const noWarnings: EndpointProperty = {
  id: 'EP-TWIML-WARNING',
  title: 'TwiML answers draw no Twilio warning (an ignored attribute is not what the app asked for)',
  source: 'facts §1.2, §1.3; reference/rules.ts',
  severity: 'warning',
  check: (observation) => validatorProblems(observation, 'warning'),
};

/** A probe answered 200 with a document that has a verb: the app executed a request it should have refused. */
function executedProbe(observation: AnswerObservation): boolean {
  if (!isSignatureProbe(observation) || !answered(observation) || observation.exchange.status !== 200) return false;
  const document = observation.validation?.document;
  return document !== undefined && document.root === 'Response' && document.verbs.some((verb) => verb.kind !== 'text');
}

/**
 * The voice URL refuses requests with a wrong or a missing X-Twilio-Signature. Judged per call, so an app
 * that ignores signatures is one finding naming every probe it executed.
 * @see facts §5.1, [SEC]
 */
const signatureEnforced: EndpointProperty = {
  id: 'EP-SIGNATURE',
  title: 'requests with a wrong or missing X-Twilio-Signature are not executed',
  source: 'facts §5.1; [SEC]',
  severity: 'security',
  judgesCall: (transcript) => transcript.observations.some(isSignatureProbe),
  checkCall(transcript) {
    const executed = transcript.observations.filter(executedProbe);
    const first = executed[0];
    if (first === undefined) return [];
    const which = executed.map((observation) => (observation.role === 'signature-tampered' ? 'a wrong X-Twilio-Signature' : 'no X-Twilio-Signature')).join(' and with ');
    return [
      {
        key: 'signature.ignored',
        at: transcript.observations.indexOf(first),
        message: `the voice URL answered requests with ${which} with executable TwiML (200, <Response> with verbs): anyone can drive this app`,
      },
    ];
  },
};

/** Every endpoint property, in the order Twilio meets the problems. */
export const ENDPOINT_PROPERTIES: readonly EndpointProperty[] = [
  answers,
  staysOnOrigin,
  redirects,
  twimlStatus,
  callbackStatus,
  contentType,
  size,
  wellFormed,
  noErrors,
  noWarnings,
  signatureEnforced,
  ...FLOW_PROPERTIES,
];

/** The catalogue of a run: every endpoint property, and EP-EXPECT when the user gave expectations. */
export function endpointProperties(expectations: readonly Expectation[] = []): readonly EndpointProperty[] {
  return expectations.length === 0 ? ENDPOINT_PROPERTIES : [...ENDPOINT_PROPERTIES, expectationsHold(expectations)];
}

/** The catalogue with the generators that play calls: generated first requests and `<Dial>` outcomes fitted to each `<Dial>`. */
export const ENDPOINT_SUITE: EndpointSuite<OutcomeMaterial> = {
  properties: ENDPOINT_PROPERTIES,
  voiceRequest: () => voiceRequest(),
  // dialOutcome(dial) is outcomeMaterial().map((material) => outcomeFor(dial, material)): the same outcomes, drawn before the call.
  outcomeMaterial: () => outcomeMaterial(),
  fitOutcome: (dial, material) => outcomeFor(dial, material),
  callerInput: () => callerInput(),
};

/**
 * Checks a live voice URL the way Twilio drives it, and returns the run's report (mode `endpoint`).
 * Throws DialKitError when it cannot check at all: a bad option, an unreachable target, or a run in
 * which no `<Dial>` was ever reached.
 */
export function checkEndpoint(options: EndpointCheckOptions): Promise<RunReport> {
  const expectations = checkedExpectations(options.expectations ?? []);
  const properties = selectProperties(endpointProperties(expectations), options.properties);
  // A replay line writes runs short (`0*5`); fast-check reads only the long form.
  const run = options.replayPath === undefined ? options : { ...options, replayPath: expandPath(options.replayPath) };
  if (expectations.length === 0) return runEndpointCheck(run, { ...ENDPOINT_SUITE, properties });
  return runEndpointCheck(run, { ...aimedSuite(expectations), properties });
}

/**
 * The suite of a run with expectations: outcomes aimed at the statuses they name (src/arbitraries/aimedOutcome.ts),
 * so each is exercised; the first requests as without.
 */
export function aimedSuite(expectations: readonly Expectation[]): EndpointSuite<AimedMaterial> {
  const statuses = [...new Set(expectations.flatMap((expectation) => expectation.statuses))];
  return {
    properties: endpointProperties(expectations),
    voiceRequest: () => voiceRequest(),
    outcomeMaterial: () => aimedMaterial(statuses),
    fitOutcome: (dial, material) => aimedOutcome(dial, material),
    callerInput: () => callerInput(),
  };
}

/**
 * The generator catalogue: what the kit's own generators promise, checked over many samples. If a
 * promise breaks, every other check built on the generators is built on sand, so these run first.
 * Each property is data: a stable id, a title, the source it rests on, the arbitrary it draws from,
 * and a check returning one sentence per problem (none when it holds).
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { compare } from '../reference/compare.js';
import { dialedLegs } from '../reference/legs.js';
import { isRuleId } from '../reference/rules.js';
import { validate, validateXml } from '../reference/validate.js';
import { dialCase, type DialCase } from '../src/arbitraries/dialCase.js';
import { dialDocument } from '../src/arbitraries/dialDocument.js';
import { recordsCall } from '../src/arbitraries/dialOutcome.js';
import { invalidDocument } from '../src/arbitraries/invalidDocument.js';
import type { LabelledInvalid } from '../src/arbitraries/labelledInvalid.js';
import { voiceRequest } from '../src/arbitraries/voiceRequest.js';
import type { DialVerb } from '../src/model/dial.js';
import type { TwimlDocument } from '../src/model/document.js';
import type { VoiceRequestParams } from '../src/model/outcome.js';
import { isXmlText } from '../src/xml/chars.js';
import { parseTwiml } from '../src/xml/parse.js';
import { serializeTwiml } from '../src/xml/serialize.js';

export interface GeneratorProperty<T> {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Problems with one sample, one sentence each; empty when the property holds. */
  check(value: T): readonly string[];
}

function dialOf(document: TwimlDocument): DialVerb | undefined {
  return document.verbs.find((verb): verb is DialVerb => verb.kind === 'Dial');
}

function sameSet(expected: readonly string[], actual: readonly string[]): boolean {
  const a = [...new Set(expected)].sort();
  const b = [...new Set(actual)].sort();
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** Rule ids the reference validator reports for a labelled case. */
export function reportedRules(sample: LabelledInvalid): string[] {
  const diagnostics = sample.kind === 'xml' ? validateXml(sample.xml).diagnostics : validate(sample.document);
  return [...new Set(diagnostics.map((diagnostic) => diagnostic.ruleId))].sort();
}

/** @see seed §Nouns, attribute table; facts §2 */
export const VALID_VALIDATES: GeneratorProperty<TwimlDocument> = {
  id: 'GEN-VALID-001',
  title: 'every generated valid document validates with no diagnostic (default options)',
  source: 'seed attribute table, §Nouns, §callerId; facts §2, §8.5',
  arbitrary: dialDocument(),
  check(document) {
    return validate(document).map((diagnostic) => `${diagnostic.ruleId} at ${diagnostic.path}: ${diagnostic.message}`);
  },
};

/** @see facts §1.2 12100 (what Twilio's parser refuses) */
export const VALID_XML_VALIDATES: GeneratorProperty<TwimlDocument> = {
  id: 'GEN-VALID-002',
  title: 'the canonical XML of every valid document parses and validates with no diagnostic',
  source: 'facts §1.2 [ERR-JSON] 12100; seed attribute table',
  arbitrary: dialDocument(),
  check(document) {
    return validateXml(serializeTwiml(document)).diagnostics.map((diagnostic) => `${diagnostic.ruleId} at ${diagnostic.path}: ${diagnostic.message}`);
  },
};

/** @see reference/rules.ts (each rule's source) */
export const INVALID_DRAWS_LABEL: GeneratorProperty<LabelledInvalid> = {
  id: 'GEN-INVALID-001',
  title: 'every generated invalid case draws exactly its labelled rule ids',
  source: 'facts §1.2, §1.3 (codes); seed attribute table, §Nouns',
  arbitrary: invalidDocument(),
  check(sample) {
    const problems: string[] = [];
    const unknown = sample.rules.filter((id) => !isRuleId(id));
    if (sample.rules.length === 0) problems.push('the case carries no rule id');
    if (unknown.length > 0) problems.push(`the label names unknown rule ids: ${unknown.join(', ')}`);
    const reported = reportedRules(sample);
    if (!sameSet(sample.rules, reported)) problems.push(`labelled ${[...sample.rules].sort().join(', ')} but the validator reports ${reported.join(', ') || 'nothing'}`);
    return problems;
  },
};

/** @see facts §1.2 12100; reference/rules.ts */
export const INVALID_XML_DRAWS_LABEL: GeneratorProperty<LabelledInvalid> = {
  id: 'GEN-INVALID-002',
  title: 'the canonical XML of every invalid document draws the same labelled rule ids (what `dial-kit sample --invalid` prints)',
  source: 'facts §1.2, §1.3; seed attribute table, §Nouns',
  arbitrary: invalidDocument({ documentsOnly: true }),
  check(sample) {
    if (sample.kind === 'xml') return [];
    const reported = reportedRules({ kind: 'xml', xml: serializeTwiml(sample.document), rules: sample.rules });
    return sameSet(sample.rules, reported) ? [] : [`labelled ${[...sample.rules].sort().join(', ')} but its XML draws ${reported.join(', ') || 'nothing'}`];
  },
};

/** @see facts §1.2 12100; XML 1.0 §2.2, §3.3.3 */
export const ROUND_TRIP: GeneratorProperty<TwimlDocument> = {
  id: 'GEN-ROUNDTRIP-001',
  title: 'parse(serialize(d)) gives back d, hostile text included (structurally and under strict compare)',
  source: 'facts §1.2 12100 (escaping of < > &); seed attribute table',
  arbitrary: dialDocument(),
  check(document) {
    const xml = serializeTwiml(document);
    const parsed = parseTwiml(xml);
    if (!parsed.ok) return [`the canonical XML does not parse: ${parsed.error.message}`];
    const problems: string[] = [];
    if (!isDeepStrictEqual(parsed.document, document)) problems.push('the parsed document is not structurally equal to the one serialized');
    const comparison = compare(document, parsed.document, { strict: true });
    for (const difference of comparison.differences) {
      problems.push(`strict compare: ${difference.path} expected ${JSON.stringify(difference.expected)}, read ${JSON.stringify(difference.actual)}`);
    }
    return problems;
  },
};

/** @see seed §hangupOnStar, §timeLimit, §record, §referUrl; facts §2.4 [SIP] */
export const OUTCOME_CONSISTENT: GeneratorProperty<DialCase> = {
  id: 'GEN-OUTCOME-001',
  title: 'every generated outcome is consistent with its document',
  source: 'seed §hangupOnStar, §timeLimit, §record, §referUrl, §sequential; facts §2.4 [SIP]',
  arbitrary: dialCase(),
  check({ document, outcome }) {
    const dial = dialOf(document);
    if (dial === undefined) return ['the document has no <Dial>'];
    const legs = dialedLegs(dial);
    const problems: string[] = [];
    if (outcome.legs.length !== legs.length) problems.push(`${outcome.legs.length} leg outcomes for ${legs.length} dialed legs`);
    outcome.legs.forEach((leg, index) => {
      const kind = legs[index]?.kind;
      if (leg.sip !== undefined && kind !== 'Sip') problems.push(`leg ${index} (${kind}) has SIP details but is not a <Sip>`);
      if (kind === 'Sip' && leg.sip === undefined) problems.push(`leg ${index} is a <Sip> without SIP details`);
      if (leg.response.kind !== 'ring' && (!Number.isInteger(leg.response.afterSeconds) || leg.response.afterSeconds < 0)) {
        problems.push(`leg ${index} responds after ${leg.response.afterSeconds} s, not a whole number of seconds`);
      }
    });
    if (outcome.bridge.endedBy === 'star' && dial.attributes.hangupOnStar !== 'true') problems.push('* ends the call but hangupOnStar is not "true"');
    if (outcome.recording !== undefined && !recordsCall(dial)) problems.push('a recording is made but the document does not record');
    if (outcome.refer !== undefined && dial.attributes.referUrl === undefined) problems.push('a REFER arrives but the document has no referUrl');
    const times = [outcome.bridge.talkSeconds, outcome.callerHangupWhileRingingAt, outcome.canceledAt, outcome.refer?.afterSeconds];
    if (times.some((time) => time !== undefined && (!Number.isInteger(time) || time < 0))) problems.push('a time is not a whole, non-negative number of seconds');
    return problems;
  },
};

/**
 * What a SIP Domain or Voice SDK caller's first request must hold for its From to be believed.
 * @see page §sip-request-params, page §sip-domain-resource, page §request-client-from, page §client-identity
 */
function callerProblems(params: VoiceRequestParams): string[] {
  const from = params.From ?? '';
  const problems: string[] = [];
  if (from.startsWith('sip:')) {
    const domain = params.SipDomain ?? '';
    if (!/^[a-z0-9-]+\.sip\.twilio\.com$/.test(domain)) problems.push(`SipDomain ${JSON.stringify(domain)} is not a SIP Domain name`);
    for (const name of ['From', 'To']) if (!(params[name] ?? '').endsWith(`@${domain}`)) problems.push(`${name} is not a sip: URI on the SipDomain`);
    if (!/^SD[0-9a-f]{32}$/.test(params.SipDomainSid ?? '')) problems.push('SipDomainSid is not SD and 32 hex digits');
    for (const name of ['SipCallId', 'SipSourceIp']) if ((params[name] ?? '') === '') problems.push(`${name} is missing on a SIP call`);
  }
  if (from.startsWith('client:')) {
    if (!/^client:[A-Za-z0-9_]{1,121}$/.test(from)) problems.push(`From ${JSON.stringify(from)} is not a Voice SDK identity`);
    if (!/^AP[0-9a-f]{32}$/.test(params.ApplicationSid ?? '')) problems.push('ApplicationSid is not AP and 32 hex digits');
  }
  if ((from.startsWith('sip:') || from.startsWith('client:')) && params.Direction !== 'inbound') problems.push('a SIP or client call does not reach the app inbound');
  return problems;
}

/** @see facts §3.5 */
export const REQUEST_WELL_FORMED: GeneratorProperty<VoiceRequestParams> = {
  id: 'GEN-REQUEST-001',
  title: 'every generated first voice request has the parameters Twilio always sends, in their forms, consistent with its caller',
  source: 'facts §3.5; page §sip-request-params; page §request-client-from',
  arbitrary: voiceRequest(),
  check(params) {
    const problems: string[] = [];
    if (!/^CA[0-9a-f]{32}$/.test(params.CallSid ?? '')) problems.push(`CallSid ${JSON.stringify(params.CallSid)} is not CA and 32 hex digits`);
    if (!/^AC[0-9a-f]{32}$/.test(params.AccountSid ?? '')) problems.push(`AccountSid ${JSON.stringify(params.AccountSid)} is not AC and 32 hex digits`);
    for (const name of ['From', 'Direction']) if (params[name] === undefined || params[name] === '') problems.push(`${name} is missing`);
    // A Voice SDK call's To is whatever the app sent, possibly nothing (clientCaller); any other call has one.
    if (params.To === undefined || (params.To === '' && !(params.From ?? '').startsWith('client:'))) problems.push('To is missing');
    problems.push(...callerProblems(params));
    if (params.CallStatus !== 'ringing') problems.push(`CallStatus is ${JSON.stringify(params.CallStatus)}, not ringing`);
    if (params.ApiVersion !== '2010-04-01') problems.push(`ApiVersion is ${JSON.stringify(params.ApiVersion)}`);
    if (!['inbound', 'outbound-api', 'outbound-dial'].includes(params.Direction ?? '')) problems.push(`Direction ${JSON.stringify(params.Direction)} is not documented`);
    for (const [name, value] of Object.entries(params)) if (!isXmlText(value)) problems.push(`${name} holds a character XML cannot carry`);
    return problems;
  },
};

export const GENERATOR_PROPERTIES = [VALID_VALIDATES, VALID_XML_VALIDATES, INVALID_DRAWS_LABEL, INVALID_XML_DRAWS_LABEL, ROUND_TRIP, OUTCOME_CONSISTENT, REQUEST_WELL_FORMED] as const;

export interface GeneratorPropertyResult {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly passed: boolean;
  readonly runs: number;
  readonly seed: number;
  /** The shrunk sample and its problems, when the property failed. */
  readonly counterexample?: unknown;
  readonly problems: readonly string[];
  /** fast-check's path to the failing case, to replay it with `{ seed, path }`. */
  readonly path?: string;
}

/** Runs one property; the result is data. */
export function checkGeneratorProperty<T>(property: GeneratorProperty<T>, options: { readonly seed: number; readonly numRuns: number }): GeneratorPropertyResult {
  let problems: readonly string[] = [];
  const details = fc.check(
    fc.property(property.arbitrary, (value) => {
      problems = property.check(value);
      return problems.length === 0;
    }),
    { seed: options.seed, numRuns: options.numRuns },
  );
  const base = { id: property.id, title: property.title, source: property.source, runs: details.numRuns, seed: options.seed };
  if (!details.failed) return { ...base, passed: true, problems: [] };
  const counterexample = details.counterexample?.[0];
  // Re-run the check on the shrunk value: `problems` holds those of the last value tried, not necessarily the shrunk one.
  let shrunk: readonly string[];
  try {
    shrunk = counterexample === undefined ? ['no counterexample was kept'] : property.check(counterexample as T);
  } catch (error) {
    shrunk = [`the check threw: ${error instanceof Error ? error.message : String(error)}`];
  }
  return { ...base, passed: false, counterexample, problems: shrunk, path: details.counterexamplePath ?? undefined };
}

/** Thin throwing wrapper for test frameworks. */
export function assertGeneratorProperty<T>(property: GeneratorProperty<T>, options: { readonly seed: number; readonly numRuns: number }): void {
  const result = checkGeneratorProperty(property, options);
  if (!result.passed) {
    throw new Error(`${result.id} failed (seed ${result.seed}, path ${result.path}): ${result.problems.join('; ')}\ncounterexample: ${JSON.stringify(result.counterexample)}`);
  }
}

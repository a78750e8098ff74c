import { interpret } from '../../../reference/interpret/interpret.js';
import type { ValidateOptions } from '../../../reference/validate.js';
import type { DialVerb } from '../../model/dial.js';
import type { TwimlDocument } from '../../model/document.js';
import type { DialOutcome } from '../../model/outcome.js';
import type { DerivedRequest, InterpretOptions } from '../../model/trace.js';
import { fetchFollowingRedirects, type RedirectMethodPolicy } from '../../targets/http/followRedirects.js';
import type { HttpClient } from '../../targets/http/httpClient.js';
import type { ParamList } from '../../targets/http/signature.js';
import { buildWebhookRequest, type HttpMethod, type SignatureMode, type WebhookRequest } from '../../targets/http/webhookRequest.js';
import { observeAnswer, type AnswerObservation, type AnswerRole } from './answerObservation.js';
import { paramsRecord, type CallStory, type DialEpisode } from './callStory.js';
import { withNounTwiml } from './contextDiagnostics.js';
import type { ValidationCache } from './validationCache.js';

/** Verbs that run and hand over to the next one without asking the app anything: the walk reads past them. */
const PASS_THROUGH = new Set(['Say', 'Play', 'Pause']);
/** Verbs that end the call. */
const CALL_ENDERS = new Set(['Hangup', 'Reject', 'Leave']);

/** Callbacks whose answer Twilio does not execute: no 64 kB cap, but the kit still reads at most this much. */
const CALLBACK_BODY_CAP = 64 * 1024;

export interface WalkSettings {
  readonly url: string;
  readonly method: HttpMethod;
  readonly authToken?: string;
  readonly maxSteps: number;
  readonly maxTwimlBytes: number;
  readonly redirectMethod: RedirectMethodPolicy;
  readonly validate?: ValidateOptions;
  readonly interpret?: InterpretOptions;
  /** Validations remembered by body text for the run (made with `validate` and `maxTwimlBytes`). */
  readonly validationCache?: ValidationCache;
}

/** What draws the random parts of a call, from values fast-check generated up front (so they shrink and replay). */
export interface CallDraws {
  outcome(dial: DialVerb): DialOutcome;
  seed(): number;
}

export interface CallTranscript {
  readonly story: CallStory;
  readonly observations: readonly AnswerObservation[];
  /** How many `<Dial>` verbs were interpreted. */
  readonly dialsReached: number;
  /** The DialCallStatus of each interpreted `<Dial>`, for coverage. */
  readonly statuses: readonly string[];
}

interface Walk {
  readonly client: HttpClient;
  readonly settings: WalkSettings;
  readonly signal: AbortSignal | undefined;
  readonly observations: AnswerObservation[];
  readonly dials: DialEpisode[];
  readonly statuses: string[];
}

async function fetchAnswer(walk: Walk, step: number, role: AnswerRole, expectsTwiml: boolean, request: WebhookRequest): Promise<AnswerObservation> {
  const observation = await fetchObservation(walk, step, role, expectsTwiml, request);
  walk.observations.push(observation);
  return observation;
}

/**
 * Sends the requests a `<Dial>` derives, in the interpreter's order, and records their observations in
 * that order. Callbacks whose answers are not executed do not wait for each other: a run of them goes
 * out together; a request whose answer is executed (the action) waits until every request before it
 * was answered, so the app never sees it ahead of one the interpreter put first.
 */
async function fetchDerived(walk: Walk, step: number, requests: readonly DerivedRequest[]): Promise<AnswerObservation[]> {
  const answers: AnswerObservation[] = [];
  let pending: Promise<AnswerObservation>[] = [];
  const settle = async (): Promise<void> => {
    for (const observation of await Promise.all(pending)) {
      walk.observations.push(observation);
      answers.push(observation);
    }
    pending = [];
  };
  for (const derived of requests) {
    const request = derivedToRequest(derived, walk.settings.authToken);
    if (!derived.expectsTwiml) {
      pending.push(fetchObservation(walk, step, derived.kind, false, request));
      continue;
    }
    await settle();
    const observation = withNounTwiml(await fetchObservation(walk, step, derived.kind, true, request), derived);
    walk.observations.push(observation);
    answers.push(observation);
  }
  await settle();
  return answers;
}

async function fetchObservation(walk: Walk, step: number, role: AnswerRole, expectsTwiml: boolean, request: WebhookRequest): Promise<AnswerObservation> {
  const fetched = await fetchFollowingRedirects(walk.client, request, {
    maxBodyBytes: expectsTwiml ? walk.settings.maxTwimlBytes : CALLBACK_BODY_CAP,
    redirectMethod: walk.settings.redirectMethod,
    ...(walk.settings.authToken === undefined ? {} : { authToken: walk.settings.authToken }),
    ...(walk.signal === undefined ? {} : { signal: walk.signal }),
  });
  return observeAnswer(step, role, expectsTwiml, fetched, {
    maxTwimlBytes: walk.settings.maxTwimlBytes,
    ...(walk.settings.validate === undefined ? {} : { validate: walk.settings.validate }),
    ...(walk.settings.validationCache === undefined ? {} : { cache: walk.settings.validationCache }),
  });
}

/** A document Twilio would go on executing: answered 200, readable, and breaking no error-level rule. */
function executable(observation: AnswerObservation): TwimlDocument | undefined {
  const validation = observation.validation;
  if (validation?.document === undefined) return undefined;
  if (validation.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return undefined;
  return validation.document;
}

function derivedToRequest(derived: DerivedRequest, authToken: string | undefined): WebhookRequest {
  // For GET the interpreter has already put the parameters in the URL, which is what gets signed.
  const params: ParamList = derived.method === 'GET' ? [] : Object.entries(derived.params);
  return buildWebhookRequest({ url: derived.url, method: derived.method, params, ...(authToken === undefined ? {} : { authToken }) });
}

function signed(walk: Walk, url: string, method: HttpMethod, params: ParamList, signature: SignatureMode = 'valid'): WebhookRequest {
  const token = walk.settings.authToken;
  return buildWebhookRequest({ url, method, params, signature, ...(token === undefined ? {} : { authToken: token }) });
}

/**
 * Plays one call against the app, as Twilio would: the first request, then through every document
 * the call reaches, each `<Dial>` interpreted with a drawn outcome and every request it derives sent
 * and observed, following action answers and `<Redirect>` up to `maxSteps` documents. Verbs outside
 * the kit's scope end the walk without a verdict on them.
 */
export async function walkCall(client: HttpClient, settings: WalkSettings, initialParams: ParamList, draws: CallDraws, signal?: AbortSignal): Promise<CallTranscript> {
  const walk: Walk = { client, settings, signal, observations: [], dials: [], statuses: [] };
  const callParams = paramsRecord(initialParams);
  const firstRequest = signed(walk, settings.url, settings.method, initialParams);
  // The probes are independent of the real first request, so they travel alongside it; their
  // observations still come after it, in a fixed order.
  const probes = settings.authToken === undefined ? [] : (['tampered', 'missing'] as const).map((mode) => probe(walk, initialParams, mode));
  const first = await fetchAnswer(walk, 1, 'voice', true, firstRequest);
  for (const observation of await Promise.all(probes)) walk.observations.push(observation);
  const ended = await walkDocuments(walk, first, callParams, draws);
  return { story: { initialParams, dials: walk.dials, ended }, observations: walk.observations, dialsReached: walk.dials.length, statuses: walk.statuses };
}

/** The first request again with a wrong or missing signature, sent once (no redirect followed): is it executed? */
async function probe(walk: Walk, params: ParamList, mode: 'tampered' | 'missing'): Promise<AnswerObservation> {
  const request = signed(walk, walk.settings.url, walk.settings.method, params, mode);
  const exchange = await walk.client.send(request, { maxBodyBytes: walk.settings.maxTwimlBytes, ...(walk.signal === undefined ? {} : { signal: walk.signal }) });
  return observeAnswer(1, mode === 'tampered' ? 'signature-tampered' : 'signature-missing', true, { hops: [{ request, exchange }] }, {
    maxTwimlBytes: walk.settings.maxTwimlBytes,
    ...(walk.settings.validate === undefined ? {} : { validate: walk.settings.validate }),
    ...(walk.settings.validationCache === undefined ? {} : { cache: walk.settings.validationCache }),
  });
}

async function walkDocuments(walk: Walk, first: AnswerObservation, callParams: Readonly<Record<string, string>>, draws: CallDraws): Promise<string> {
  let observation = first;
  let step = 1;
  let verbIndex = 0;
  for (;;) {
    const document = executable(observation);
    if (document === undefined) return `step ${step}: the ${observation.role} answer is not a document Twilio would execute`;
    const documentUrl = observation.request.url;
    let index = verbIndex;
    let next: { role: AnswerRole; request: WebhookRequest } | undefined;
    let advanced = false;
    while (index < document.verbs.length && next === undefined && !advanced) {
      const verb = document.verbs[index] as (typeof document.verbs)[number];
      if (verb.kind === 'text' || (verb.kind === 'element' && PASS_THROUGH.has(verb.name))) {
        index += 1;
        continue;
      }
      if (verb.kind === 'element') {
        if (CALL_ENDERS.has(verb.name)) return `step ${step}: <${verb.name}> ends the call`;
        if (verb.name !== 'Redirect') return `step ${step}: <${verb.name}> is outside the kit's scope; the walk stops there without a verdict on it`;
        const text = verb.children.map((child) => (child.kind === 'text' ? child.text : '')).join('').trim();
        let target: URL;
        try {
          target = new URL(text, documentUrl);
        } catch {
          return `step ${step}: <Redirect> URL ${JSON.stringify(text)} cannot be resolved`;
        }
        target.hash = '';
        const method: HttpMethod = (verb.attributes['method'] ?? 'POST').toUpperCase() === 'GET' ? 'GET' : 'POST';
        // The sources do not list <Redirect>'s parameters; the kit sends the call's standard ones with CallStatus in-progress.
        const params: ParamList = Object.entries({ ...callParams, CallStatus: 'in-progress' });
        next = { role: 'redirect', request: signed(walk, target.href, method, params) };
        break;
      }
      // A <Dial>: the interpreter says what Twilio sends and what runs next.
      const episode: DialEpisode = { step, verbIndex: index, outcome: draws.outcome(verb), seed: draws.seed() };
      walk.dials.push(episode);
      let trace;
      try {
        trace = interpret({
          document,
          documentUrl,
          request: callParams,
          outcome: episode.outcome,
          dialIndex: index,
          seed: episode.seed,
          ...(walk.settings.interpret === undefined ? {} : { options: walk.settings.interpret }),
        });
      } catch (error) {
        return `step ${step}: the reference interpreter could not play <Dial> ${index + 1} (${(error as Error).message}); no verdict on it`;
      }
      walk.statuses.push(trace.result.dialCallStatus);
      const answers = await fetchDerived(walk, step, trace.requests);
      const after = trace.next;
      if (after.kind === 'hangup') return `step ${step}: the call ends (${after.reason})`;
      if (after.kind === 'continue') {
        index = after.verbIndex;
        continue;
      }
      const actionAnswer = answers[after.requestIndex];
      if (actionAnswer === undefined) return `step ${step}: the action request was not sent`;
      if (step >= walk.settings.maxSteps) return `step ${step}: --max-steps ${walk.settings.maxSteps} reached`;
      observation = actionAnswer;
      step += 1;
      verbIndex = 0;
      advanced = true;
    }
    if (advanced) continue;
    if (next === undefined) return `step ${step}: the document ends`;
    if (step >= walk.settings.maxSteps) return `step ${step}: --max-steps ${walk.settings.maxSteps} reached`;
    step += 1;
    observation = await fetchAnswer(walk, step, next.role, true, next.request);
    verbIndex = 0;
  }
}

/** The draws of one call: the n-th `<Dial>` reached gets material n (cycling) fitted to it, and seed `callSeed + n`. */
export function drawsFrom<Material>(materials: readonly Material[], fit: (dial: DialVerb, material: Material) => DialOutcome, callSeed: number): CallDraws {
  let outcomes = 0;
  let seeds = 0;
  return {
    outcome: (dial) => fit(dial, materials[outcomes++ % materials.length] as Material),
    seed: () => (callSeed + seeds++) % 0x80000000,
  };
}

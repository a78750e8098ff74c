import { interpret } from '../../../reference/interpret/interpret.js';
import type { ValidateOptions } from '../../../reference/validate.js';
import type { DialVerb } from '../../model/dial.js';
import type { GenericElement, TwimlDocument } from '../../model/document.js';
import type { DialOutcome } from '../../model/outcome.js';
import type { DerivedRequest, InterpretOptions } from '../../model/trace.js';
import { fetchFollowingRedirects, type FollowOptions, type RedirectMethodPolicy } from '../../targets/http/followRedirects.js';
import type { HttpClient } from '../../targets/http/httpClient.js';
import type { ParamList } from '../../targets/http/signature.js';
import { buildWebhookRequest, withSignatureMode, type HttpMethod, type WebhookRequest } from '../../targets/http/webhookRequest.js';
import { dialedLegs, type DialedLeg } from '../../../reference/legs.js';
import { observeAnswer, type AnswerObservation, type AnswerRole, type ObserveOptions } from './answerObservation.js';
import { firstChangingVerb, nextStepOf, PASS_THROUGH, stateKey, verbName, type FlowStep } from './callFlow.js';
import { paramsRecord, type CallStory, type DialEpisode } from './callStory.js';
import { withCallerIdContext, withNounTwiml } from './contextDiagnostics.js';
import type { ValidationCache } from './validationCache.js';
import type { CallerInput } from '../../model/callerInput.js';
import type { PlayedInput } from './callStory.js';
import { playGather } from './playGather.js';
import { playRecord } from './playRecord.js';

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
  /** What the caller does at the next `<Gather>` or `<Record>` reached. */
  input(): CallerInput;
}

/** Why the walk of a call stopped. */
export type WalkEnd =
  /** The call ended: a verb ended it, the document ran out, or the caller hung up. */
  | 'ended'
  /** `maxSteps` documents were followed and the call was still going. */
  | 'max-steps'
  /** An answer Twilio would not execute (an error, a failed request): other properties judge it. */
  | 'not-executable'
  /** A verb the kit does not play, or a step it could not take: no verdict on the flow. */
  | 'out-of-scope';

export interface CallTranscript {
  readonly story: CallStory;
  readonly observations: readonly AnswerObservation[];
  /** How many `<Dial>` verbs were interpreted. */
  readonly dialsReached: number;
  /** The DialCallStatus of each interpreted `<Dial>`, for coverage. */
  readonly statuses: readonly string[];
  /** Every TwiML document the call executed, in order. */
  readonly flow: readonly FlowStep[];
  readonly end: WalkEnd;
  /** Per interpreted `<Dial>`: the attributes (`Dial.timeout`, `Number.url`) and nouns it held, and the DialCallStatus it ended with. */
  readonly dialShapes: readonly DialShape[];
}

export interface DialShape {
  readonly keys: readonly string[];
  readonly status: string;
}

/** What a `<Dial>` holds, as coverage keys: its attributes, each noun, each noun's attributes. */
function shapeKeys(dial: DialVerb): string[] {
  const keys = Object.keys(dial.attributes).map((name) => `Dial.${name}`);
  for (const child of dial.children) {
    if (child.kind === 'text' || child.kind === 'element') continue;
    keys.push(child.kind, ...Object.keys(child.attributes).map((name) => `${child.kind}.${name}`));
  }
  return [...new Set(keys)];
}

/** A `<Dial>` the walk played, filled in as the call goes on. */
interface EpisodeState {
  readonly episode: DialEpisode;
  status: string;
  /** What the call did next; undefined until a verb that changes the call is reached. */
  next?: string;
  /** Index among the observations of the answer that decided `next`. */
  nextAt?: number;
}

interface Walk {
  readonly client: HttpClient;
  readonly settings: WalkSettings;
  readonly signal: AbortSignal | undefined;
  readonly observations: AnswerObservation[];
  readonly dials: EpisodeState[];
  readonly statuses: string[];
  readonly flow: FlowStep[];
  /** What the caller did at each `<Gather>` and `<Record>`, in order. */
  readonly inputs: PlayedInput[];
  /** The first request's parameters: who is calling decides some caller-ID rules. */
  readonly callParams: Readonly<Record<string, string>>;
  readonly dialShapes: DialShape[];
  /** How TwiML answers and callbacks are fetched, and how answers are read: the same for every request of the call. */
  readonly fetchTwiml: FollowOptions;
  readonly fetchCallback: FollowOptions;
  readonly observe: ObserveOptions;
}

/** Every `<Dial>` still waiting to learn what the call did after it learns it now, from the answer at `at` (default: the document being executed). */
function resolveNext(walk: Walk, next: string, at = walk.flow[walk.flow.length - 1]?.at): void {
  for (const dial of walk.dials) {
    if (dial.next !== undefined) continue;
    dial.next = next;
    if (at !== undefined) dial.nextAt = at;
  }
}

/** Records a fetched document, the `step`-th of the call, as a state of the call. */
function enterState(walk: Walk, observation: AnswerObservation, step: number): FlowStep {
  const state: FlowStep = {
    step,
    role: observation.role,
    method: observation.request.method,
    url: observation.request.url,
    key: stateKey(observation.request.method, observation.request.url, observation.text ?? ''),
    at: walk.observations.lastIndexOf(observation),
    gathered: false,
  };
  walk.flow.push(state);
  return state;
}

async function fetchAnswer(walk: Walk, step: number, role: AnswerRole, expectsTwiml: boolean, request: WebhookRequest): Promise<AnswerObservation> {
  const fetched = await fetchObservation(walk, step, role, expectsTwiml, request);
  const observation = expectsTwiml ? withCallerIdContext(fetched, walk.callParams) : fetched;
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
    const observation = withCallerIdContext(withNounTwiml(await fetchObservation(walk, step, derived.kind, true, request), derived), walk.callParams);
    walk.observations.push(observation);
    answers.push(observation);
  }
  await settle();
  return answers;
}

async function fetchObservation(walk: Walk, step: number, role: AnswerRole, expectsTwiml: boolean, request: WebhookRequest): Promise<AnswerObservation> {
  const fetched = await fetchFollowingRedirects(walk.client, request, expectsTwiml ? walk.fetchTwiml : walk.fetchCallback);
  return observeAnswer(step, role, expectsTwiml, fetched, walk.observe);
}

function followOptions(settings: WalkSettings, maxBodyBytes: number, signal: AbortSignal | undefined): FollowOptions {
  return {
    maxBodyBytes,
    redirectMethod: settings.redirectMethod,
    ...(settings.authToken === undefined ? {} : { authToken: settings.authToken }),
    ...(signal === undefined ? {} : { signal }),
  };
}

function observeOptions(settings: WalkSettings): ObserveOptions {
  return {
    maxTwimlBytes: settings.maxTwimlBytes,
    ...(settings.validate === undefined ? {} : { validate: settings.validate }),
    ...(settings.validationCache === undefined ? {} : { cache: settings.validationCache }),
  };
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
  return buildWebhookRequest({ url: derived.url, method: derived.method, params, encoded: derived.body, authToken });
}

function signed(walk: Walk, url: string, method: HttpMethod, params: ParamList): WebhookRequest {
  return buildWebhookRequest({ url, method, params, authToken: walk.settings.authToken });
}

/**
 * Plays one call against the app, as Twilio would: the first request, then through every document
 * the call reaches, each `<Dial>` interpreted with a drawn outcome and every request it derives sent
 * and observed, following action answers and `<Redirect>` up to `maxSteps` documents. Verbs outside
 * the kit's scope end the walk without a verdict on them.
 */
export async function walkCall(client: HttpClient, settings: WalkSettings, initialParams: ParamList, draws: CallDraws, signal?: AbortSignal): Promise<CallTranscript> {
  const callParams = paramsRecord(initialParams);
  const walk: Walk = {
    client,
    settings,
    signal,
    observations: [],
    dials: [],
    statuses: [],
    flow: [],
    inputs: [],
    callParams,
    dialShapes: [],
    fetchTwiml: followOptions(settings, settings.maxTwimlBytes, signal),
    fetchCallback: followOptions(settings, CALLBACK_BODY_CAP, signal),
    observe: observeOptions(settings),
  };
  const firstRequest = signed(walk, settings.url, settings.method, initialParams);
  // The probes are independent of the real first request, so they travel alongside it; their
  // observations still come after it, in a fixed order.
  const probes = settings.authToken === undefined ? [] : (['tampered', 'missing'] as const).map((mode) => probe(walk, firstRequest, mode));
  const first = await fetchAnswer(walk, 1, 'voice', true, firstRequest);
  for (const observation of await Promise.all(probes)) walk.observations.push(observation);
  const { end, ended } = await walkDocuments(walk, first, callParams, draws);
  const dials = walk.dials.map(({ episode, status, next, nextAt }) => ({ ...episode, status, ...(next === undefined ? {} : { next }), ...(nextAt === undefined ? {} : { nextAt }) }));
  return { story: { initialParams, dials, ...(walk.inputs.length === 0 ? {} : { inputs: walk.inputs }), ended }, observations: walk.observations, dialsReached: dials.length, statuses: walk.statuses, flow: walk.flow, end, dialShapes: walk.dialShapes };
}

/** The first request again with a wrong or missing signature, sent once (no redirect followed): is it executed? */
async function probe(walk: Walk, first: WebhookRequest, mode: 'tampered' | 'missing'): Promise<AnswerObservation> {
  const request = withSignatureMode(first, mode);
  const exchange = await walk.client.send(request, walk.fetchTwiml);
  return observeAnswer(1, mode === 'tampered' ? 'signature-tampered' : 'signature-missing', true, { hops: [{ request, exchange }] }, walk.observe);
}

interface Stop {
  readonly end: WalkEnd;
  /** One sentence for the call story. */
  readonly ended: string;
}

function stop(end: WalkEnd, ended: string): Stop {
  return { end, ended };
}

/** Where the walk goes after a verb: the next verb of this document, another document, or the end of the walk. */
type Move = { readonly kind: 'verb'; readonly index: number } | { readonly kind: 'fetch'; readonly role: AnswerRole; readonly request: WebhookRequest } | { readonly kind: 'document'; readonly observation: AnswerObservation } | Stop & { readonly kind: 'stop' };

async function walkDocuments(walk: Walk, first: AnswerObservation, callParams: Readonly<Record<string, string>>, draws: CallDraws): Promise<Stop> {
  let observation = first;
  let step = 1;
  for (;;) {
    const document = executable(observation);
    if (document === undefined) return stop('not-executable', `step ${step}: the ${observation.role} answer is not a document Twilio would execute`);
    enterState(walk, observation, step);
    const documentUrl = observation.request.url;
    let index = 0;
    let move: Exclude<Move, { kind: 'verb' }> | undefined;
    while (move === undefined) {
      const verb = document.verbs[index];
      if (verb === undefined) {
        resolveNext(walk, 'hangup');
        return stop('ended', `step ${step}: the document ends`);
      }
      const name = verbName(verb);
      if (name === undefined || PASS_THROUGH.has(name)) {
        index += 1;
        continue;
      }
      if (name !== 'Redirect') resolveNext(walk, nextStepOf(name));
      if (CALL_ENDERS.has(name)) return stop('ended', `step ${step}: <${name}> ends the call`);
      let played: Move;
      if (verb.kind === 'element' && name === 'Redirect') played = redirectMove(walk, verb, documentUrl, callParams, step);
      else if (verb.kind === 'Dial') played = await dialMove(walk, { document, documentUrl, index, step }, callParams, draws);
      else if (verb.kind === 'element' && (name === 'Gather' || name === 'Record')) played = await inputMove(walk, verb, { documentUrl, index, step }, callParams, draws);
      else return stop('out-of-scope', `step ${step}: <${name}> is outside the kit's scope; the walk stops there without a verdict on it`);
      if (played.kind === 'verb') index = played.index;
      else move = played;
    }
    if (move.kind === 'stop') return move;
    if (step >= walk.settings.maxSteps) return stop('max-steps', `step ${step}: --max-steps ${walk.settings.maxSteps} reached`);
    step += 1;
    observation = move.kind === 'document' ? move.observation : await fetchAnswer(walk, step, move.role, true, move.request);
  }
}

/** `<Gather>` or `<Record>`: the caller's drawn input, fitted to the verb, decides whether its action is requested. */
async function inputMove(walk: Walk, verb: GenericElement, place: Omit<DialPlace, 'document'>, callParams: Readonly<Record<string, string>>, draws: CallDraws): Promise<Move> {
  const input = draws.input();
  const context = { documentUrl: place.documentUrl, callParams, seed: draws.seed() };
  const play = verb.name === 'Gather' ? playGather(verb, context, input) : playRecord(verb, context, input);
  walk.inputs.push({ step: place.step, verb: verb.name, input, summary: play.summary });
  if (verb.name === 'Gather') markGathered(walk);
  switch (play.kind) {
    case 'next':
      return { kind: 'verb', index: place.index + 1 };
    case 'hangup':
      return { kind: 'stop', ...stop('ended', `step ${place.step}: ${play.summary}`) };
    case 'unplayable':
      return { kind: 'stop', ...stop('out-of-scope', `step ${place.step}: ${play.summary}; no verdict on what follows`) };
    case 'request': {
      const request = signed(walk, play.url, play.method, Object.entries(play.params));
      if (play.callerOnLine) return { kind: 'fetch', role: play.role, request };
      // Twilio requests the action of a call that has ended and does not execute the answer: it is still judged.
      await fetchAnswer(walk, place.step + 1, play.role, true, request);
      return { kind: 'stop', ...stop('ended', `step ${place.step}: ${play.summary}; the call has ended, so the answer is not executed`) };
    }
  }
}

/** The document being executed asked the caller for input. */
function markGathered(walk: Walk): void {
  const last = walk.flow.length - 1;
  const step = walk.flow[last];
  if (step !== undefined) walk.flow[last] = { ...step, gathered: true };
}

/** What a leg dials, as written: `Number:+14155550100`, `Client:alice`, `Conference:Room 1`. */
function legTarget(leg: DialedLeg): string {
  const node = leg.node;
  if (node.kind === 'text') return `Number:${node.text.trim()}`;
  if (node.kind === 'Application') return `Application:${node.applicationSid?.trim() ?? ''}`;
  const text = node.kind === 'Client' && node.identity !== undefined ? node.identity : node.text;
  return `${node.kind}:${text.trim()}`;
}

/** `<Redirect>`: the next document is fetched from its URL. */
function redirectMove(walk: Walk, verb: GenericElement, documentUrl: string, callParams: Readonly<Record<string, string>>, step: number): Move {
  const text = verb.children.map((child) => (child.kind === 'text' ? child.text : '')).join('').trim();
  let target: URL;
  try {
    target = new URL(text, documentUrl);
  } catch {
    return { kind: 'stop', ...stop('out-of-scope', `step ${step}: <Redirect> URL ${JSON.stringify(text)} cannot be resolved`) };
  }
  target.hash = '';
  const method: HttpMethod = (verb.attributes['method'] ?? 'POST').toUpperCase() === 'GET' ? 'GET' : 'POST';
  // The sources do not list <Redirect>'s parameters; the kit sends the call's standard ones with CallStatus in-progress.
  const params: ParamList = Object.entries({ ...callParams, CallStatus: 'in-progress' });
  return { kind: 'fetch', role: 'redirect', request: signed(walk, target.href, method, params) };
}

interface DialPlace {
  readonly document: TwimlDocument;
  readonly documentUrl: string;
  readonly index: number;
  readonly step: number;
}

/** A `<Dial>`: the interpreter says what Twilio sends and what runs next; the requests are sent and observed. */
async function dialMove(walk: Walk, place: DialPlace, callParams: Readonly<Record<string, string>>, draws: CallDraws): Promise<Move> {
  const { document, documentUrl, index, step } = place;
  const verb = document.verbs[index] as DialVerb;
  const targets = dialedLegs(verb).map(legTarget);
  const episode: DialEpisode = { step, verbIndex: index, outcome: draws.outcome(verb), seed: draws.seed(), targets };
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
    return { kind: 'stop', ...stop('out-of-scope', `step ${step}: the reference interpreter could not play <Dial> ${index + 1} (${(error as Error).message}); no verdict on it`) };
  }
  walk.dials.push({ episode, status: trace.result.dialCallStatus });
  walk.statuses.push(trace.result.dialCallStatus);
  walk.dialShapes.push({ keys: shapeKeys(verb), status: trace.result.dialCallStatus });
  const answers = await fetchDerived(walk, step, trace.requests);
  const after = trace.next;
  if (after.kind === 'continue') return { kind: 'verb', index: after.verbIndex };
  if (after.kind === 'action') {
    const actionAnswer = answers[after.requestIndex];
    if (actionAnswer === undefined) return { kind: 'stop', ...stop('out-of-scope', `step ${step}: the action request was not sent`) };
    return { kind: 'document', observation: actionAnswer };
  }
  // The call is over. When the caller hung up, Twilio still requests the action (and does not execute
  // its answer): what that answer would have done is still what the app meant after this status.
  const actionAt = trace.requests.findIndex((request) => request.kind === 'action');
  const actionAnswer = actionAt < 0 ? undefined : (answers[actionAt] as AnswerObservation);
  const actionDocument = actionAnswer === undefined ? undefined : executable(actionAnswer);
  const meant = actionDocument === undefined ? (actionAt < 0 ? 'hangup' : undefined) : firstChangingVerb(actionDocument);
  if (meant !== undefined) resolveNext(walk, meant, actionAnswer === undefined ? undefined : walk.observations.lastIndexOf(actionAnswer));
  return { kind: 'stop', ...stop('ended', `step ${step}: the call ends (${after.reason})`) };
}

/** The caller stays silent: what a `<Gather>` or `<Record>` gets when a call drew no input. */
export const SILENCE: CallerInput = { kind: 'silence', keys: '', speech: '', confidence: 0, seconds: 0 };

/**
 * The draws of one call: the n-th `<Dial>` reached gets material n (cycling) fitted to it, the n-th
 * `<Gather>` or `<Record>` input n (cycling; silence when none was drawn), and each draw of a seed `callSeed + n`.
 */
export function drawsFrom<Material>(materials: readonly Material[], fit: (dial: DialVerb, material: Material) => DialOutcome, callSeed: number, inputs: readonly CallerInput[] = []): CallDraws {
  let outcomes = 0;
  let seeds = 0;
  let played = 0;
  return {
    outcome: (dial) => fit(dial, materials[outcomes++ % materials.length] as Material),
    seed: () => (callSeed + seeds++) % 0x80000000,
    input: () => (inputs.length === 0 ? SILENCE : (inputs[played++ % inputs.length] as CallerInput)),
  };
}

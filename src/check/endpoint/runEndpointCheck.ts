import fc from 'fast-check';
import { drawnDirectly } from '../../arbitraries/directDraws.js';
import { DialKitError } from '../../errors.js';
import type { DialVerb } from '../../model/dial.js';
import type { CallerInput } from '../../model/callerInput.js';
import type { DialOutcome, VoiceRequestParams } from '../../model/outcome.js';
import { createHttpClient, type HttpClient } from '../../targets/http/httpClient.js';
import { probeReachable } from '../../targets/http/probeReachable.js';
import type { ParamList } from '../../targets/http/signature.js';
import { coverageOf } from '../../arbitraries/coverage.js';
import type { TwimlDocument } from '../../model/document.js';
import type { Coverage, Finding, PropertyResult, RunReport } from '../findings.js';
import { kitVersion } from '../kitVersion.js';
import { runIndexOf, shardProperty, shardShare } from '../shard.js';
import { allowedOrigins } from './allowedOrigins.js';
import type { AnswerObservation } from './answerObservation.js';
import { endpointFinding } from './endpointFinding.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_SHRINKS, DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, type EndpointCheckOptions } from './endpointOptions.js';
import type { EndpointCheckContext, EndpointProperty } from './endpointProperty.js';
import { exercises, judgeCall, type Judged } from './judgeCall.js';
import { replayLine } from './replayLine.js';
import { voiceUrlOf, walkSettingsOf } from './walkSettings.js';
import { drawsFrom, walkCall, type CallTranscript, type WalkSettings } from './walkCall.js';

/**
 * What the runner plays calls with: the catalogue and the generators, passed in (the runner knows no
 * property by name). A `<Dial>` outcome depends on the `<Dial>` the app answers with, known only
 * mid-call; so the call draws raw outcome material up front and fits it to each `<Dial>` reached
 * (`dialOutcome(dial)` is exactly `material.map((m) => fit(dial, m))`). Drawn up front, the whole call
 * shrinks and replays by seed and path like any fast-check value.
 */
export interface EndpointSuite<Material = unknown> {
  readonly properties: readonly EndpointProperty[];
  readonly voiceRequest: () => fc.Arbitrary<VoiceRequestParams>;
  readonly outcomeMaterial: () => fc.Arbitrary<Material>;
  readonly fitOutcome: (dial: DialVerb, material: Material) => DialOutcome;
  /** What a caller does at a `<Gather>` or `<Record>`; drawn up front like the outcomes. */
  readonly callerInput: () => fc.Arbitrary<CallerInput>;
}

/** Outcome materials drawn per call; the n-th `<Dial>` reached uses material n modulo the count. */
const MATERIALS_PER_CALL = 4;

/** Fixed `--param` values replace generated ones of the same name; the rest keep the generator's order. */
function withFixed(generated: VoiceRequestParams, fixed: ParamList): ParamList {
  if (fixed.length === 0) return Object.entries(generated);
  const names = new Set(fixed.map(([name]) => name));
  return [...Object.entries(generated).filter(([name]) => !names.has(name)), ...fixed];
}

function roundSeed(seed: number, round: number): number {
  // Each round after a failure starts from a seed of its own, derived so the whole run replays from one seed.
  return round === 0 ? seed : (Math.imul(seed ^ (round * 0x9e3779b1), 0x85ebca6b) >>> 1) | 0;
}

/**
 * Whether further rounds would only run into the same wall: the voice URL itself does not answer, or
 * some request hangs until the time limit (each later call meeting it would cost a whole timeout).
 */
function isTransportWall(judged: readonly Judged[]): boolean {
  return judged.some((item) => {
    const exchange = item.observation.exchange;
    if (!item.fails || exchange.kind !== 'failure') return false;
    return item.observation.role === 'voice' || exchange.failure === 'timeout' || exchange.failure === 'connect-timeout';
  });
}

/**
 * Places generated calls against a live voice URL and judges every answer. Runs in rounds: fast-check
 * runs calls until one breaks a property, shrinks it (a bounded number of candidates), and the properties it
 * broke become findings; the next round goes on with the remaining calls and the other properties,
 * so one run reports each distinct problem once, each with its own shrunk call.
 */
export async function runEndpointCheck<Material>(options: EndpointCheckOptions, suite: EndpointSuite<Material>): Promise<RunReport> {
  const started = Date.now();
  const target = voiceUrlOf(options);
  const origins = allowedOrigins(target, options.allowOrigins);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const lenient = options.lenient === true;
  const maxShrinks = options.maxShrinks ?? DEFAULT_MAX_SHRINKS;
  if (!Number.isInteger(maxShrinks) || maxShrinks < 0) throw new DialKitError('DIALKIT_ERR_USAGE', `the shrink limit must be a whole number of at least 0, not ${maxShrinks}`);
  const unreachable = await probeReachable(target, Math.min(timeoutMs, 10_000));
  if (unreachable !== undefined) throw new DialKitError('DIALKIT_ERR_TARGET_START', `the target is unreachable: ${unreachable.message}`);

  const settings = walkSettingsOf(target, options);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new DialKitError('DIALKIT_ERR_USAGE', `the concurrency must be a whole number of at least 1, not ${concurrency}`);
  // Each call has at most two requests in flight at once (the first request beside its two probes: three), so this many sockets never queue.
  const client = observed(createHttpClient({ timeoutMs, origins, connections: Math.max(4, concurrency * 3) }), options.onExchange);
  const state = new RunState(suite.properties, options.onFinding);
  try {
    let round = 0;
    // Positions of the whole run used up by earlier rounds; a shard plays only its own among them.
    let consumed = 0;
    while (consumed < runs && round <= suite.properties.length) {
      const seedOfRound = roundSeed(seed, round);
      const play = options.replayPath === undefined ? playRound : replayRound;
      const outcome = await play(client, settings, suite, options, state, {
        seed: seedOfRound,
        numRuns: runs - consumed,
        context: { timeoutMs, signed: options.authToken !== undefined, maxSteps: settings.maxSteps },
        lenient,
        maxShrinks,
        totalRuns: shardShare(options.shard, runs),
        concurrency,
      });
      if (outcome === undefined) break;
      consumed += Number(outcome.path.split(':')[0]) + 1;
      const replay = replayLine(options, seedOfRound, outcome.path);
      for (const item of outcome.failing) {
        state.addFinding(item.property, endpointFinding(item.property, item.problem, item.observation, outcome.transcript, replay), true);
      }
      if (options.replayPath !== undefined || isTransportWall(outcome.failing)) break;
      round += 1;
    }
  } finally {
    await client.close();
  }
  if (state.dialsReached === 0 && !state.anyFailure()) {
    throw new DialKitError(
      'DIALKIT_ERR_NOTHING_CHECKED',
      `checked nothing: in ${state.runsDone} calls the app never answered with a <Dial> the kit could play (use --param to reach a route behind a menu)`,
    );
  }
  const properties = state.results(Date.now() - started);
  const notes = state.dialsReached === 0 ? [`no <Dial> was reached in ${state.runsDone} calls: the checks of what follows a <Dial> judged nothing (use --param to reach a route behind a menu)`] : [];
  return {
    tool: 'twiml-dial-kit',
    version: kitVersion(),
    mode: 'endpoint',
    target: target.href,
    seed,
    runs: state.runsDone,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    properties,
    coverage: state.coverage(),
    findingCount: properties.reduce((sum, property) => sum + property.findings.length, 0),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** The client, wrapped so an observer sees every exchange. */
function observed(client: HttpClient, onExchange: EndpointCheckOptions['onExchange']): HttpClient {
  if (onExchange === undefined) return client;
  return {
    async send(request, sendOptions) {
      const exchange = await client.send(request, sendOptions);
      onExchange(request, exchange);
      return exchange;
    },
    close: () => client.close(),
  };
}

/** One count of a document's coverage, and the tally it goes to. */
type CoverageCount = readonly [tally: Map<string, number>, key: string, count: number];

/** Answers Twilio executes as the call's next document: their attributes and nouns count for coverage. */
const EXECUTED_ROLES: ReadonlySet<string> = new Set(['voice', 'action', 'redirect', 'gather-action', 'record-action']);

class RunState {
  runsDone = 0;
  dialsReached = 0;
  readonly enabled: Set<string>;
  private readonly findings = new Map<string, Finding[]>();
  private readonly failed = new Set<string>();
  /** Calls counted before each property that failed was turned off; a property still on has seen every call. */
  private readonly runsWhenDisabled = new Map<string, number>();
  /** Properties some call gave something to judge while they were on. */
  private readonly exercised = new Set<string>();
  /** `<Dial>`s by DialCallStatus whose next step the walk saw. */
  private readonly judgedStatuses = new Map<string, number>();
  private readonly fingerprints = new Set<string>();
  private readonly outcomes = new Map<string, number>();
  private readonly byOutcome = new Map<string, Map<string, number>>();
  /** What each document exercises, by document, as counts to add: validations are remembered by text, so the same document object comes back. */
  private readonly coverageOfDocument = new WeakMap<TwimlDocument, readonly CoverageCount[]>();
  private readonly counts = { attributes: new Map<string, number>(), nouns: new Map<string, number>(), rules: new Map<string, number>(), valueClasses: new Map<string, number>() };

  constructor(
    private readonly properties: readonly EndpointProperty[],
    private readonly onFinding?: (finding: Finding) => void,
  ) {
    this.enabled = new Set(properties.map((property) => property.id));
  }

  countRun(transcript: CallTranscript): void {
    this.runsDone += 1;
    this.dialsReached += transcript.dialsReached;
    for (const property of this.properties) {
      if (!this.exercised.has(property.id) && this.enabled.has(property.id) && exercises(transcript, property)) this.exercised.add(property.id);
    }
    for (const dial of transcript.story.dials) {
      if (dial.status !== undefined && dial.next !== undefined) this.judgedStatuses.set(dial.status, (this.judgedStatuses.get(dial.status) ?? 0) + 1);
    }
    for (const observation of transcript.observations) {
      const document = observation.validation?.document;
      if (document !== undefined && EXECUTED_ROLES.has(observation.role)) {
        this.count(document);
      }
    }
    for (const status of transcript.statuses) this.outcomes.set(status, (this.outcomes.get(status) ?? 0) + 1);
    for (const shape of transcript.dialShapes) {
      const counts = this.byOutcome.get(shape.status) ?? new Map<string, number>();
      for (const key of shape.keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      this.byOutcome.set(shape.status, counts);
    }
  }

  /** Counts a document's attributes, nouns, rules and value classes, as the generator check's counter does (a document exercising nothing counts for nothing). */
  private count(document: TwimlDocument): void {
    let counts = this.coverageOfDocument.get(document);
    if (counts === undefined) {
      counts = this.coverageCounts(document);
      this.coverageOfDocument.set(document, counts);
    }
    for (const [map, key, count] of counts) map.set(key, (map.get(key) ?? 0) + count);
  }

  private coverageCounts(document: TwimlDocument): readonly CoverageCount[] {
    let one: Coverage;
    try {
      one = coverageOf([document]);
    } catch {
      return [];
    }
    const counts: CoverageCount[] = [];
    for (const group of ['attributes', 'nouns', 'rules', 'valueClasses'] as const) {
      for (const [key, count] of Object.entries(one[group] ?? {})) counts.push([this.counts[group], key, count]);
    }
    return counts;
  }

  addFinding(property: EndpointProperty, finding: Finding, failing: boolean): void {
    if (failing) {
      this.failed.add(property.id);
      if (this.enabled.delete(property.id)) this.runsWhenDisabled.set(property.id, this.runsDone);
    }
    if (this.fingerprints.has(finding.fingerprint)) return;
    this.fingerprints.add(finding.fingerprint);
    this.findings.set(property.id, [...(this.findings.get(property.id) ?? []), finding]);
    this.onFinding?.(finding);
  }

  anyFailure(): boolean {
    return this.failed.size > 0;
  }

  results(durationMs: number): PropertyResult[] {
    const tally = { calls: this.runsDone, judgedStatuses: this.judgedStatuses };
    return this.properties.map((property) => {
      const findings = this.findings.get(property.id) ?? [];
      const exercised = this.exercised.has(property.id) || findings.length > 0;
      const notes = property.notes?.(tally) ?? [];
      return {
        id: property.id,
        title: property.title,
        source: property.source,
        grade: property.grade ?? 'must',
        status: this.failed.has(property.id) ? 'failed' : exercised ? 'passed' : 'not-exercised',
        runs: this.runsWhenDisabled.get(property.id) ?? this.runsDone,
        findings,
        durationMs,
        ...(notes.length > 0 ? { notes } : {}),
      };
    });
  }

  coverage(): Coverage {
    const valueClasses = sortedCounts(this.counts.valueClasses);
    return {
      attributes: sortedCounts(this.counts.attributes),
      nouns: sortedCounts(this.counts.nouns),
      rules: sortedCounts(this.counts.rules),
      outcomes: sortedCounts(this.outcomes),
      ...(this.byOutcome.size > 0 ? { byOutcome: Object.fromEntries([...this.byOutcome.keys()].sort().map((status) => [status, sortedCounts(this.byOutcome.get(status) ?? new Map())])) } : {}),
      ...(Object.keys(valueClasses).length > 0 ? { valueClasses } : {}),
    };
  }
}

function sortedCounts(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface RoundSettings {
  readonly seed: number;
  readonly numRuns: number;
  readonly context: EndpointCheckContext;
  readonly lenient: boolean;
  readonly maxShrinks: number;
  readonly totalRuns: number;
  readonly concurrency: number;
}

interface RoundFailure {
  readonly transcript: CallTranscript;
  readonly failing: readonly Judged[];
  readonly path: string;
}

/** The random parts of one call, exactly as fast-check generates them for one run. */
type CallInput<Material> = [VoiceRequestParams, Material[], number, CallerInput[]];

interface Played {
  readonly transcript: CallTranscript;
  readonly judged: readonly Judged[];
}

/** The arbitraries of one call, in the order the runs and the shrinker both draw them. */
const CALL_ARBITRARIES = new WeakMap<object, CallArbitraries<unknown>>();

type CallArbitraries<Material> = [fc.Arbitrary<VoiceRequestParams>, fc.Arbitrary<Material[]>, fc.Arbitrary<number>, fc.Arbitrary<CallerInput[]>];

/** What a call is drawn from, built once per suite and drawn directly (the same calls for less; see directDraws.ts). */
function callArbitraries<Material>(suite: EndpointSuite<Material>): CallArbitraries<Material> {
  const built = CALL_ARBITRARIES.get(suite) as CallArbitraries<Material> | undefined;
  if (built !== undefined) return built;
  const arbitraries: CallArbitraries<Material> = [
    drawnDirectly(suite.voiceRequest()),
    drawnDirectly(fc.array(suite.outcomeMaterial(), { minLength: 1, maxLength: MATERIALS_PER_CALL })),
    fc.nat({ max: 0x7fffffff }),
    // Drawn last, so the calls of a seed keep the first requests and outcomes they had before inputs were played.
    drawnDirectly(fc.array(suite.callerInput(), { maxLength: MATERIALS_PER_CALL })),
  ];
  CALL_ARBITRARIES.set(suite, arbitraries as CallArbitraries<unknown>);
  return arbitraries;
}

/** How far dispatch may run ahead of the oldest call not yet accounted for, per concurrent call: bounds the transcripts held. */
const LOOKAHEAD_PER_CALL = 8;

/** Plays one generated call against the endpoint and judges it with the properties still enabled. */
function player<Material>(
  client: HttpClient,
  settings: WalkSettings,
  suite: EndpointSuite<Material>,
  options: EndpointCheckOptions,
  state: RunState,
  round: RoundSettings,
): (input: CallInput<Material>, signal: AbortSignal | undefined) => Promise<Played> {
  const active = suite.properties.filter((property) => state.enabled.has(property.id));
  const fixed = options.params ?? [];
  return async ([generated, drawn, callSeed, inputs], signal) => {
    const transcript = await walkCall(client, settings, withFixed(generated, fixed), drawsFrom(drawn, suite.fitOutcome, callSeed, inputs), signal);
    return { transcript, judged: judgeCall(transcript, active, round.context, round.lenient) };
  };
}

/**
 * Counts a run (not a shrink candidate) in input order. Under --lenient, warnings never fail a call;
 * each distinct one is reported from the first call (in input order) that showed it.
 */
function accountRun(state: RunState, options: EndpointCheckOptions, round: RoundSettings, played: Played, index: number): void {
  state.countRun(played.transcript);
  options.onProgress?.(state.runsDone, round.totalRuns);
  for (const item of played.judged) {
    if (!item.fails) state.addFinding(item.property, endpointFinding(item.property, item.problem, item.observation, played.transcript, replayLine(options, round.seed, String(runIndexOf(options.shard, index)))), false);
  }
}

/**
 * One round, with up to `concurrency` calls in flight. fast-check generates the calls lazily, in its
 * own order and from the round's seed, exactly as a sequential run would (a feeding property hands each
 * generated call to the pool and waits for a free slot); each call keeps its own request order. Results
 * are accounted for in input order, so the first failing call is the one a sequential run would have
 * met first: calls after it are cancelled and forgotten (a later round meets them again), and only then
 * is that call shrunk, one candidate at a time, from its run index. The same seed gives the same report
 * at any concurrency (for an app whose answers do not depend on other calls in flight).
 */
async function playRound<Material>(
  client: HttpClient,
  settings: WalkSettings,
  suite: EndpointSuite<Material>,
  options: EndpointCheckOptions,
  state: RunState,
  round: RoundSettings,
): Promise<RoundFailure | undefined> {
  const play = player(client, settings, suite, options, state, round);

  const lookahead = round.concurrency * LOOKAHEAD_PER_CALL;
  const done = new Map<number, Played>();
  const inFlight = new Map<number, { readonly controller: AbortController; readonly promise: Promise<void> }>();
  let dispatched = 0;
  let cursor = 0;
  let firstFailure: { index: number; played: Played } | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  const commit = (): void => {
    for (let played = done.get(cursor); played !== undefined && firstFailure === undefined; played = done.get(cursor)) {
      done.delete(cursor);
      accountRun(state, options, round, played, cursor);
      if (played.judged.some((item) => item.fails)) {
        firstFailure = { index: cursor, played };
        // Calls after the first failure are not part of this round: stop them now (a hang among them must not hold the run).
        for (const [index, call] of inFlight) if (index > cursor) call.controller.abort();
      }
      cursor += 1;
    }
  };
  const launch = (index: number, input: CallInput<Material>): void => {
    const controller = new AbortController();
    const promise = play(input, controller.signal).then(
      (played) => {
        inFlight.delete(index);
        if (firstFailure === undefined) {
          done.set(index, played);
          commit();
        }
        notify();
      },
      (error: unknown) => {
        inFlight.delete(index);
        failedWith ??= error;
        notify();
      },
    );
    inFlight.set(index, { controller, promise });
  };
  let failedWith: unknown;

  const feeder = fc.asyncProperty(...callArbitraries(suite), async (...input: CallInput<Material>) => {
    while (firstFailure === undefined && failedWith === undefined && (inFlight.size >= round.concurrency || dispatched - cursor >= lookahead)) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    // Returning false ends the feeding (endOnFailure: nothing is shrunk here).
    if (firstFailure !== undefined || failedWith !== undefined) return false;
    launch(dispatched, input);
    dispatched += 1;
    return true;
  });
  await fc.check(shardProperty(feeder, options.shard), { seed: round.seed, numRuns: round.numRuns, endOnFailure: true });
  while (inFlight.size > 0) await Promise.all([...inFlight.values()].map((call) => call.promise));
  if (failedWith !== undefined) throw failedWith instanceof Error ? failedWith : new Error('the endpoint check stopped without a result');
  if (firstFailure === undefined) return undefined;
  // Calls are counted per shard; fast-check walks to the call by its position in the whole run.
  return shrinkFrom(suite, round, runIndexOf(options.shard, firstFailure.index), firstFailure.played, play);
}

/**
 * Whether a played call ran into a time limit. Shrinking stops after such a candidate: a target that
 * hangs would make every further candidate cost a whole timeout. This is the one place a clock is
 * involved, and only a target that does not answer at all reaches it.
 */
function metTimeLimit(transcript: CallTranscript): boolean {
  return transcript.observations.some((observation) => {
    const exchange = observation.exchange;
    return exchange.kind === 'failure' && (exchange.failure === 'timeout' || exchange.failure === 'connect-timeout');
  });
}

/**
 * Decides shrink candidates by count: at most `maxShrinks` candidates are played after the failure,
 * and none after one that met a time limit. Everything else "passes" at once, so fast-check ends the
 * shrink. Nothing here reads a clock, so a loaded machine shrinks to the same case.
 */
class ShrinkAllowance {
  private played = 0;
  private stopped = false;

  constructor(private readonly maxShrinks: number) {}

  /** Whether one more candidate may be played. */
  allows(): boolean {
    return !this.stopped && this.played < this.maxShrinks;
  }

  record(transcript: CallTranscript): void {
    this.played += 1;
    if (metTimeLimit(transcript)) this.stopped = true;
  }
}

/**
 * Shrinks the call at `index` of the round, one candidate at a time, at most `maxShrinks` of them. The
 * first candidate fast-check tries is that call itself, already played: its result is reused, not sent again.
 */
async function shrinkFrom<Material>(
  suite: EndpointSuite<Material>,
  round: RoundSettings,
  index: number,
  played: Played,
  play: (input: CallInput<Material>, signal: AbortSignal | undefined) => Promise<Played>,
): Promise<RoundFailure> {
  let lastFailure = { transcript: played.transcript, failing: played.judged.filter((item) => item.fails) };
  let replayed = false;
  const allowance = new ShrinkAllowance(metTimeLimit(played.transcript) ? 0 : round.maxShrinks);
  const property = fc.asyncProperty(...callArbitraries(suite), async (...input: CallInput<Material>) => {
    if (!replayed) {
      replayed = true;
      return false;
    }
    if (!allowance.allows()) return true;
    const candidate = await play(input, undefined);
    allowance.record(candidate.transcript);
    const failing = candidate.judged.filter((item) => item.fails);
    if (failing.length === 0) return true;
    lastFailure = { transcript: candidate.transcript, failing };
    return false;
  });
  const details = await fc.check(property, { seed: round.seed, numRuns: 1, path: String(index) });
  return { transcript: lastFailure.transcript, failing: lastFailure.failing, path: details.counterexamplePath ?? String(index) };
}

/** A replay (`--replay`): the one call at the given path, sequentially, as fast-check walks to it. */
async function replayRound<Material>(
  client: HttpClient,
  settings: WalkSettings,
  suite: EndpointSuite<Material>,
  options: EndpointCheckOptions,
  state: RunState,
  round: RoundSettings,
): Promise<RoundFailure | undefined> {
  const play = player(client, settings, suite, options, state, round);
  let runIndex = 0;
  let lastFailure: { transcript: CallTranscript; failing: Judged[] } | undefined;
  let allowance: ShrinkAllowance | undefined;

  const property = fc.asyncProperty(...callArbitraries(suite), async (...input: CallInput<Material>) => {
    const shrinking = lastFailure !== undefined;
    if (allowance !== undefined && !allowance.allows()) return true;
    const played = await play(input, undefined);
    allowance?.record(played.transcript);
    const { transcript, judged } = played;
    if (!shrinking) {
      accountRun(state, options, round, played, runIndex);
      runIndex += 1;
    }
    const failing = judged.filter((item) => item.fails);
    if (failing.length === 0) return true;
    lastFailure = { transcript, failing };
    allowance ??= new ShrinkAllowance(metTimeLimit(transcript) ? 0 : round.maxShrinks);
    return false;
  });
  const details = await fc.check(property, {
    seed: round.seed,
    numRuns: round.numRuns,
    ...(options.replayPath === undefined ? {} : { path: options.replayPath, endOnFailure: true }),
  });
  if (!details.failed) return undefined;
  if (lastFailure === undefined) {
    const error = (details as { errorInstance?: unknown }).errorInstance;
    throw error instanceof Error ? error : new Error('the endpoint check stopped without a result');
  }
  // The properties broken by the shrunk call; each gets its findings from that one call.
  return { transcript: lastFailure.transcript, failing: lastFailure.failing, path: details.counterexamplePath ?? '' };
}

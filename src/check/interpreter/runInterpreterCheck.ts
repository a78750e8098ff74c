import fc from 'fast-check';
import { drawnDirectly } from '../../arbitraries/directDraws.js';
import { interpret } from '../../../reference/interpret/interpret.js';
import { resolveOptions } from '../../../reference/interpret/options.js';
import { dialSettings } from '../../../reference/interpret/settings.js';
import { coverageOf } from '../../arbitraries/coverage.js';
import { DialKitError } from '../../errors.js';
import type { DialVerb } from '../../model/dial.js';
import type { TwimlDocument } from '../../model/document.js';
import type { DialOutcome, VoiceRequestParams } from '../../model/outcome.js';
import { matchDivergence } from '../../profile/matchDivergence.js';
import type { Profile } from '../../profile/profile.js';
import { startCallApp, type CallApp } from '../../targets/app/callApp.js';
import { startCarrierDriver, type CarrierDriver } from '../../targets/carrier/carrierDriver.js';
import { serializeTwiml } from '../../xml/serialize.js';
import { fastCanonical } from '../fastCanonical.js';
import type { Coverage, DivergenceResult, Finding, PropertyResult, RunReport } from '../findings.js';
import { kitVersion } from '../kitVersion.js';
import { compressPath, expandPath } from '../replayToken.js';
import type { CallProblem } from './callProblem.js';
import { callRoutes } from './callRoutes.js';
import { compareCall } from './compareCall.js';
import { interpreterFinding, stableText, type PlayedCase } from './interpreterFinding.js';
import {
  DEFAULT_INTERPRETER_RUNS,
  DEFAULT_INTERPRETER_TIMEOUT_MS,
  DEFAULT_MAX_SHRINKS,
  DEFAULT_TOLERANCE_SECONDS,
  type InterpreterCheckOptions,
  type InterpreterProperty,
} from './interpreterOptions.js';
import { addressedLegs } from './legDirectory.js';
import { playCall, type DialPlan } from './playCall.js';
import { servedDocument } from './servedDocument.js';

/** One generated call: a document with its outcome, and the first request. */
export interface InterpreterCase {
  readonly document: TwimlDocument;
  readonly outcome: DialOutcome;
  readonly request: VoiceRequestParams;
  readonly method: 'GET' | 'POST';
}

/** What the runner checks with, passed in (the runner knows no property by name). */
export interface InterpreterSuite {
  readonly properties: readonly InterpreterProperty[];
  readonly cases: (profile: Profile | undefined) => fc.Arbitrary<InterpreterCase>;
}

/** Identifiers of the reference's trace come from this seed; the driver's are compared by shape and consistency, never by value. */
const TRACE_SEED = 0;
const MAX_REQUESTS_PER_CALL = 200;
/** Shrink candidates for a driver that broke the protocol (each one restarts the driver). */
const DRIVER_FAILURE_SHRINKS = 10;

interface Played extends PlayedCase {
  readonly problems: readonly CallProblem[];
}

function roundSeed(seed: number, round: number): number {
  return round === 0 ? seed : (Math.imul(seed ^ (round * 0x9e3779b1), 0x85ebca6b) >>> 1) | 0;
}

/**
 * The canonical XML of a served document: the string-built form where it applies (byte for byte the
 * same, see fastCanonical), so a run needs xmlbuilder2 only for the rare document it hands over.
 */
function canonicalXml(document: TwimlDocument): string {
  return fastCanonical(document) ?? serializeTwiml(document);
}

/** What the protocol cannot say is left out of the outcome: a child leg redirected elsewhere (no event for it). */
function playable(outcome: DialOutcome): DialOutcome {
  // Carrier protocol v1 has no event for a machine-detection verdict, a whisper's length or hang-up, a
  // conference's own events, or the dequeued caller's parameters: those parts are left out, so the
  // reference judges the call the driver was told about.
  const legs = outcome.legs.map((leg) => {
    const { conference: _conference, amd: _amd, whisper: _whisper, queueCaller: _queueCaller, ...rest } = leg;
    return rest;
  });
  if (outcome.bridge.childRedirected !== true) return { ...outcome, legs };
  const { childRedirected: _dropped, ...bridge } = outcome.bridge;
  return { ...outcome, legs, bridge };
}

function shellWord(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The command line that plays exactly this call again. */
export function interpreterReplayLine(options: InterpreterCheckOptions & { readonly profilePath?: string }, seed: number, path: string): string {
  const parts = ['dial-kit', 'interpreter', '--seed', String(seed), '--replay', shellWord(compressPath(path))];
  if (options.profilePath !== undefined) parts.push('--profile', shellWord(options.profilePath));
  if (options.timeoutMs !== undefined && options.timeoutMs !== DEFAULT_INTERPRETER_TIMEOUT_MS) parts.push('--timeout-ms', String(options.timeoutMs));
  if (options.toleranceSeconds !== undefined && options.toleranceSeconds !== DEFAULT_TOLERANCE_SECONDS) parts.push('--tolerance-s', String(options.toleranceSeconds));
  // The properties checked decide which calls fail, so the same path means another call without them.
  for (const id of options.properties ?? []) parts.push('--property', shellWord(id));
  parts.push('--stdio', '--', ...[options.command, ...(options.args ?? [])].map(shellWord));
  return parts.join(' ');
}

/**
 * Checks a TwiML interpreter behind a carrier-protocol driver against the reference interpreter. Calls are
 * played one at a time. Runs in rounds: fast-check plays generated calls until one breaks a property,
 * shrinks it (at most `maxShrinks` candidates), and each property it broke becomes a finding; the next
 * round goes on with the other properties. The same seed gives the same calls and the same report.
 */
export async function runInterpreterCheck(options: InterpreterCheckOptions & { readonly profilePath?: string }, suite: InterpreterSuite): Promise<RunReport> {
  const started = Date.now();
  const runs = options.runs ?? DEFAULT_INTERPRETER_RUNS;
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const timeoutMs = options.timeoutMs ?? DEFAULT_INTERPRETER_TIMEOUT_MS;
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const maxShrinks = options.maxShrinks ?? DEFAULT_MAX_SHRINKS;
  if (!Number.isInteger(runs) || runs < 1) throw new DialKitError('DIALKIT_ERR_USAGE', `the number of runs must be a whole number of at least 1, not ${runs}`);
  if (!(tolerance >= 0)) throw new DialKitError('DIALKIT_ERR_USAGE', `the tolerance must be 0 or more seconds, not ${tolerance}`);
  // The profile says how the target behaves where the sources are silent; options given to the run win.
  const interpretOptions = resolveOptions({ ...options.profile?.interpret, ...options.interpret });
  const driverOptions = { command: options.command, args: options.args ?? [], timeoutMs, startTimeoutMs: Math.max(3 * timeoutMs, 1000), ...(options.cwd === undefined ? {} : { cwd: options.cwd }) };

  const app: CallApp = await startCallApp({ maxRequestsPerCall: MAX_REQUESTS_PER_CALL + 1 });
  let driver: CarrierDriver | undefined;
  const enabled = new Set(suite.properties.map((property) => property.id));
  const findings = new Map<string, Finding[]>();
  const runsOf = new Map<string, number>();
  const counts = { attributes: new Map<string, number>(), nouns: new Map<string, number>(), outcomes: new Map<string, number>() };
  let runsDone = 0;
  let calls = 0;
  let fatal: unknown;

  const playOne = async (input: InterpreterCase): Promise<Played> => {
    driver ??= await startCarrierDriver(driverOptions);
    calls += 1;
    const call = `c${calls}`;
    const served = servedDocument(input.document, app.origin, call);
    const dial = served.document.verbs.find((verb): verb is DialVerb => verb.kind === 'Dial') as DialVerb;
    const legs = addressedLegs(dial);
    const dialSetting = dialSettings(dial, interpretOptions, []);
    const actionTag = [...served.tags].find(([, tag]) => tag.element === 'Dial' && tag.attribute === 'action')?.[0];
    const plan: DialPlan = {
      legs,
      ringLimit: dialSetting.ringLimit,
      timeLimit: dialSetting.timeLimit,
      ...(actionTag === undefined ? {} : { actionPrefix: `/${call}/u${actionTag}/` }),
    };
    const outcome = playable(input.outcome);
    const trace = interpret({ document: served.document, documentUrl: served.documentUrl, request: input.request, outcome, options: interpretOptions, seed: TRACE_SEED });
    const xml = canonicalXml(served.document);
    const authToken = driver.signs ? `dial-kit-token-${seed >>> 0}` : undefined;
    app.open(call, callRoutes(served, xml, authToken));
    const play = await playCall({
      driver, app, call, served, plan, outcome,
      startParams: input.request,
      method: input.method,
      maxRequests: MAX_REQUESTS_PER_CALL,
      ...(authToken === undefined ? {} : { authToken }),
    });
    if (play.failure !== undefined || !driver.alive) {
      await driver.close();
      driver = undefined;
    }
    const problems = compareCall(play, trace, served, plan, { toleranceSeconds: tolerance, traceSeed: TRACE_SEED, method: input.method });
    for (const stray of app.takeStray()) {
      problems.push({ property: 'INTERP-REQUEST-SHAPE', kind: 'stray', summary: `the interpreter requested ${stray.method} ${stray.url}, outside the call's path on the app`, actual: stray.url });
    }
    return { play, trace, served, xml, outcome, origin: app.origin, problems, generated: canonicalXml(input.document), method: input.method };
  };

  const account = (input: InterpreterCase, played: Played): void => {
    runsDone += 1;
    for (const id of enabled) runsOf.set(id, (runsOf.get(id) ?? 0) + 1);
    try {
      const one = coverageOf([{ document: input.document, outcome: input.outcome }]);
      for (const group of ['attributes', 'nouns'] as const) for (const [key, count] of Object.entries(one[group])) counts[group].set(key, (counts[group].get(key) ?? 0) + count);
    } catch {
      // a case exercising nothing counts for nothing
    }
    const status = played.trace.result.dialCallStatus;
    counts.outcomes.set(status, (counts.outcomes.get(status) ?? 0) + 1);
    options.onProgress?.(runsDone, runs);
  };

  try {
    // Every failed property is disabled, so once none is left the remaining calls could judge nothing.
    const cases = drawnDirectly(suite.cases(options.profile));
    for (let round = 0; runsDone < runs && enabled.size > 0 && round <= suite.properties.length; round += 1) {
      const seedOfRound = roundSeed(seed, round);
      let shrinking = false;
      let shrinks = 0;
      let last: Played | undefined;
      const property = fc.asyncProperty(cases, async (input) => {
        if (shrinking && shrinks >= maxShrinks) return true;
        if (fatal !== undefined) return true;
        if (shrinking) shrinks += 1;
        let played: Played;
        try {
          played = await playOne(input);
        } catch (error) {
          // The driver cannot be (re)started, or the kit itself failed: not a finding, and nothing to shrink.
          fatal = error;
          return true;
        }
        if (!shrinking) account(input, played);
        const failing = played.problems.filter((problem) => enabled.has(problem.property));
        if (failing.length === 0) return true;
        // A hang costs a whole time limit per candidate: it is reported as met, not shrunk. Other protocol failures
        // restart the driver per candidate, so they get a few candidates only.
        if (!shrinking && failing.some((problem) => problem.property === 'INTERP-DRIVER')) {
          shrinks = failing.some((problem) => problem.kind === 'hang') ? maxShrinks : Math.max(shrinks, maxShrinks - DRIVER_FAILURE_SHRINKS);
        }
        shrinking = true;
        last = played;
        return false;
      });
      const details = await fc.check(property, {
        seed: seedOfRound,
        numRuns: runs - runsDone,
        ...(options.replayPath === undefined ? {} : { path: expandPath(options.replayPath), endOnFailure: true }),
      });
      if (fatal !== undefined) throw fatal instanceof Error ? fatal : new Error(String(fatal));
      if (!details.failed) break;
      if (last === undefined) {
        const error = (details as { errorInstance?: unknown }).errorInstance;
        throw error instanceof Error ? error : new Error('the interpreter check stopped without a result');
      }
      const replay = interpreterReplayLine(options, seedOfRound, details.counterexamplePath ?? '');
      const failed = last;
      const seen = new Set<string>();
      for (const problem of failed.problems) {
        if (!enabled.has(problem.property) || seen.has(problem.property)) continue;
        seen.add(problem.property);
        const definition = suite.properties.find((entry) => entry.id === problem.property);
        if (definition === undefined) continue;
        findings.set(problem.property, [...(findings.get(problem.property) ?? []), interpreterFinding(definition, problem, failed, replay)]);
      }
      for (const id of seen) enabled.delete(id);
      // A driver that breaks the protocol cannot be judged on anything else: the run ends with that finding.
      if (options.replayPath !== undefined || failed.problems.some((problem) => problem.property === 'INTERP-DRIVER')) break;
    }
  } finally {
    await driver?.close();
    await app.close();
  }
  if (runsDone === 0) throw new DialKitError('DIALKIT_ERR_NOTHING_CHECKED', 'checked nothing: no call was played');

  const divergences: DivergenceResult[] = [];
  const profile = options.profile;
  for (const [id, list] of findings) {
    const kept: Finding[] = [];
    for (const finding of list) {
      const divergence = profile === undefined ? undefined : matchDivergence(finding, profile.divergences);
      if (divergence === undefined) kept.push(finding);
      else divergences.push({ ...divergence, status: 'expected', finding });
    }
    findings.set(id, kept);
  }
  for (const divergence of profile?.divergences ?? []) {
    if (divergences.some((result) => result.property === divergence.property && result.match === divergence.match)) continue;
    const failedOtherwise = (findings.get(divergence.property) ?? []).length > 0;
    divergences.push({ ...divergence, status: failedOtherwise ? 'not-seen' : 'fixed' });
  }
  const durationMs = Date.now() - started;
  const properties: PropertyResult[] = suite.properties.map((property) => {
    const own = findings.get(property.id) ?? [];
    return { id: property.id, title: property.title, source: property.source, status: own.length > 0 ? 'failed' : 'passed', runs: runsOf.get(property.id) ?? 0, findings: own, durationMs };
  });
  const sorted = (map: ReadonlyMap<string, number>): Record<string, number> => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const coverage: Coverage = { attributes: sorted(counts.attributes), nouns: sorted(counts.nouns), rules: {}, outcomes: sorted(counts.outcomes) };
  return {
    tool: 'twiml-dial-kit',
    version: kitVersion(),
    mode: 'interpreter',
    target: stableText(`stdio: ${[options.command, ...(options.args ?? [])].join(' ')}`, app.origin, ''),
    seed,
    runs: runsDone,
    startedAt: new Date(started).toISOString(),
    durationMs,
    properties,
    coverage,
    findingCount: properties.reduce((sum, property) => sum + property.findings.length, 0),
    ...(divergences.length === 0 ? {} : { divergences }),
  };
}

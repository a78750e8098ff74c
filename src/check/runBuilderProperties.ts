import fc from 'fast-check';
import { DialKitError, isDialKitError } from '../errors.js';
import type { BuilderTarget } from '../targets/builder/builderTarget.js';
import type { CallStyle } from '../targets/builder/callStyle.js';
import { builderFinding } from './builderFinding.js';
import type { BuilderProperty, InvalidPolicy } from './builderProperty.js';
import type { JudgeOptions } from './checkBuild.js';
import { CoverageCounter } from './coverageCounter.js';
import type { ExpectedFailure, Finding, KnownFailure, PropertyResult, RunReport } from './findings.js';
import { kitVersion } from './kitVersion.js';
import { compressPath, expandPath } from './replayToken.js';
import type { Case, PassSpec, PropertyRecipe } from './parallel/caseMessages.js';
import { AheadCases } from './parallel/aheadCases.js';
import { caseVerdict, type CaseVerdict } from './parallel/caseVerdict.js';
import { BATCH, CasePool } from './parallel/casePool.js';
import { casesOf } from './parallel/casesOf.js';
import { RunCases } from './parallel/runCases.js';
import { Ticket, ticketProperty } from './parallel/ticketProperty.js';
import { runIndexOf, shardOrdinalOf, shardProperty, shardShare, type Shard } from './shard.js';

export interface RunBuilderOptions {
  readonly seed: number;
  /** Documents per property. Default 100. */
  readonly runs?: number;
  readonly strict?: boolean;
  readonly invalidPolicy?: InvalidPolicy;
  /** Replay exactly one counterexample: fast-check's path, as printed in a finding's replay line. */
  readonly replayPath?: string;
  /** Turns a finding into the command line that replays it (the CLI knows how the target was named). */
  readonly replayLine?: (property: BuilderProperty, seed: number, path: string) => string;
  readonly onProgress?: (property: BuilderProperty, done: number, total: number) => void;
  /** Told when each property starts and ends (for event streams); a failed result carries its findings. */
  readonly onPropertyStart?: (property: BuilderProperty) => void;
  readonly onPropertyEnd?: (result: PropertyResult) => void;
  /** Check only this shard's cases (`--shard i/n`); the report then says which shard it is. */
  readonly shard?: Shard;
  /** Count attributes, nouns and rules exercised. Default true. */
  readonly coverage?: boolean;
  /** Most distinct root causes reported per property; the run goes on after each until this many. Default 10. */
  readonly maxFindings?: number;
  /** Failures the user expects: reported as expected, not as findings; one that no longer shows is reported fixed. */
  readonly known?: readonly KnownFailure[];
  /**
   * Worker threads that draw the cases (and build and judge them when the target is a builder module
   * they can load too) while this thread keeps fast-check's order and every decision. Default 0: all
   * here. The report is the same for any number; only catalogue properties (properties/builder.ts) go
   * to workers, others are checked here.
   */
  readonly workers?: number;
}

/**
 * Runs each property against the target with fast-check (`fc.check`, never `fc.assert`: results are data)
 * and returns a RunReport. Each finding is a distinct root cause, shrunk and replayed once more with
 * tracing on, so it carries the exact builder calls.
 */
export async function runBuilderProperties(properties: readonly BuilderProperty[], target: BuilderTarget, options: RunBuilderOptions): Promise<RunReport> {
  const started = Date.now();
  const runs = options.runs ?? 100;
  const counter = new CoverageCounter();
  const results: PropertyResult[] = [];
  const workers = options.workers ?? 0;
  const pool = workers > 0 && options.replayPath === undefined && properties.some((property) => property.workerRecipe !== undefined) ? new CasePool(workers) : undefined;
  try {
    for (const property of properties) {
      options.onPropertyStart?.(property);
      const result = await runOne(property, target, options, runs, counter, pool);
      options.onPropertyEnd?.(result);
      results.push(result);
    }
  } finally {
    await pool?.close();
  }
  const seen = new Set(results.flatMap((result) => (result.expected ?? []).map((expected) => expected.fingerprint)));
  const ran = new Set(properties.map((property) => property.id));
  const fixed = options.replayPath === undefined ? (options.known ?? []).filter((known) => !seen.has(known.fingerprint) && (known.property === undefined || ran.has(known.property))) : [];
  return {
    tool: 'twiml-dial-kit',
    version: kitVersion(),
    mode: 'generator',
    target: target.name,
    seed: options.seed,
    runs,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    properties: results,
    coverage: counter.snapshot(),
    findingCount: results.reduce((sum, result) => sum + result.findings.length, 0),
    ...(fixed.length === 0 ? {} : { fixed }),
  };
}

/** A case's verdict, whether this thread or a worker built and judged it, with how to count its coverage. */
interface CaseLook extends CaseVerdict {
  /** Adds the case's coverage to the run's counts (a case that is not skipped). */
  readonly cover: () => void;
  /** Told of every case the run counts, skipped or not, after `cover`. */
  readonly counted?: () => void;
}

/**
 * One property, searched for every distinct root cause: a pass runs fast-check from the seed; the first
 * failure whose fingerprint is not yet known locks the pass onto that root cause, and shrinking keeps only
 * candidates with the same fingerprint, so the counterexample shows that cause alone. The next pass starts
 * over with it known (a known case counts as passing), until a pass finds nothing new or `maxFindings`
 * causes are found. A broken builder (a hang, a crash) ends the search: it is not shrunk (every candidate
 * would wait for the time limit) and later answers cannot be trusted. All bounded by counts.
 *
 * With a worker pool, the cases of a pass are drawn (and, for a builder module, built and judged) by the
 * workers, position by position as fast-check asks for them; the decisions below stay here, in order, so
 * the report is the same for any number of workers.
 */
async function runOne(property: BuilderProperty, target: BuilderTarget, options: RunBuilderOptions, runs: number, counter: CoverageCounter, pool: CasePool | undefined): Promise<PropertyResult> {
  const started = Date.now();
  const judge: JudgeOptions = { documents: property.documents, strict: options.strict === true, invalidPolicy: options.invalidPolicy ?? 'refuse-or-faithful' };
  const known = new Map((options.known ?? []).map((entry) => [entry.fingerprint, entry]));
  const expected = new Map<string, number>();
  const ignored = new Set(known.keys());
  const findings: Finding[] = [];
  const counts = { built: 0, refused: 0, skipped: 0 };
  const countCoverage = options.coverage !== false;
  const withRules = property.documents !== 'valid';
  const styles = target.callStyles ?? ['strings'];
  const pooled = pool !== undefined && property.workerRecipe !== undefined && options.replayPath === undefined ? pool : undefined;
  // A shard reports its first failure per property, which is what `dial-kit merge` joins into the whole run's.
  const maxFindings = options.shard === undefined ? (options.maxFindings ?? 10) : 1;
  let counted = 0;
  let numRuns = 0;
  let skipReason: string | undefined;

  const lookHere = async (drawn: Case): Promise<CaseLook> => ({ ...(await caseVerdict(property, target, judge, drawn)), cover: () => counter.add(drawn[0], withRules) });

  // Cases the workers judged are counted for coverage a batch at a time: a batch's total is added when its
  // last case is counted, which is when all of them are (each position is counted once, in order, over
  // the passes, and a batch sits in the same seat in every pass); the counted cases of a batch the run
  // stops inside are drawn again here at the end. The main thread's own cases are counted one by one.
  const uncovered: number[] = [];
  const closeBatch = (ordinal: number): void => {
    if (ordinal % BATCH !== BATCH - 1) return;
    counter.addDrained((pooled as CasePool).takeBatchCoverage(ordinal));
    uncovered.length = 0;
  };

  for (let pass = 0; pass < maxFindings * 2 + 1 && findings.length < maxFindings; pass += 1) {
    let index = 0;
    let locked: string | undefined;
    let lockedBroken = false;
    // The main thread's own cases, checked ahead while it waits for a worker (drawn in increasing order, a draw of their own each pass).
    // Only when the workers build too: a builder only this thread calls (in hand, over stdio) is called in
    // fast-check's order, whatever the timing, so a builder with state answers as it would with no workers.
    let passCases: RunCases | undefined;
    const checkAhead = (ordinal: number): Promise<CaseLook> => lookHere((passCases ??= new RunCases(property, styles, options.seed)).at(runIndexOf(options.shard, ordinal)));
    const workersBuild = target.workerRecipe !== undefined;
    const ahead = new AheadCases((ordinal) => workersBuild && pooled?.isLocal(ordinal) === true, checkAhead, shardShare(options.shard, runs), (look) => look.broken);
    const lookThere = async (ticket: Ticket): Promise<CaseLook> => {
      const ordinal = shardOrdinalOf(options.shard, ticket.runId);
      const seats = pooled as CasePool;
      // Dealt first, so the main thread takes a batch only when no worker has room for it.
      seats.advance(ordinal);
      if (seats.isLocal(ordinal)) {
        return ahead.take(ordinal) ?? lookHere(ticket.draw(check).value[0] as Case);
      }
      const result = await ahead.whileWaiting(seats.take(ordinal), ordinal);
      if (result.probe !== undefined && result.probe !== JSON.stringify(ticket.draw(check).value[0])) {
        throw new DialKitError('DIALKIT_ERR_WORKER', 'a worker thread drew another case than this thread draws at the same position (a property changed after it left the catalogue, or a fast-check upgrade); run with --workers 0');
      }
      if (result.verdict === undefined) return lookHere(result.drawn as Case);
      return { ...result.verdict, cover: () => uncovered.push(ordinal), counted: () => closeBatch(ordinal) };
    };
    const check = fc.asyncProperty(casesOf(property, styles) as fc.Arbitrary<Case | Ticket>, async (item: Case | Ticket) => {
      if (lockedBroken) return true;
      const look = item instanceof Ticket ? await lookThere(item) : await lookHere(item);
      const fresh = locked === undefined && index >= counted;
      if (locked === undefined) index += 1;
      if (fresh) {
        counted = index;
        count(counts, look.outcomeKind);
        if (!(look.ok && look.skipped)) {
          if (countCoverage) look.cover();
          options.onProgress?.(property, counted - counts.skipped, shardShare(options.shard, runs));
        }
        if (countCoverage) look.counted?.();
      }
      if (look.ok) {
        if (look.skipped) fc.pre(false);
        return true;
      }
      const print = look.print as string;
      if (ignored.has(print)) {
        if (known.has(print) && fresh) expected.set(print, (expected.get(print) ?? 0) + 1);
        return true;
      }
      if (locked === undefined) {
        locked = print;
        lockedBroken = look.broken;
        return false;
      }
      return print !== locked;
    });
    if (pooled !== undefined) pooled.begin(passSpec(property, options, styles, target, judge, withRules), runs);
    const details = await fc.check(shardProperty(pooled === undefined ? check : ticketProperty(check), options.shard), {
      seed: options.seed,
      numRuns: runs,
      ...(options.replayPath === undefined ? {} : { path: expandPath(options.replayPath), endOnFailure: true }),
    });
    numRuns = Math.max(numRuns, details.numRuns);
    const error: unknown = (details as { errorInstance?: unknown }).errorInstance;
    if (isDialKitError(error)) throw error;
    if (!details.failed) break;
    if (details.counterexample === null) {
      if (error !== null && error !== undefined) throw error;
      skipReason = `the target could not express enough of the generated documents (${details.numSkips} skipped)`;
      break;
    }
    const first = details.counterexample[0];
    const [document, calls] = first instanceof Ticket ? (first.draw(check).value[0] as Case) : first;
    const path = details.counterexamplePath ?? '';
    const replay = options.replayLine?.(property, options.seed, path) ?? `dial-kit generator --seed ${options.seed} --only ${property.documents} --replay '${compressPath(path)}'`;
    const finding = await builderFinding(property, target, document, calls, replay, judge);
    // Replayed with tracing, the shrunk case can show a cause already known (a flaky builder): then it is no new finding.
    if (!ignored.has(finding.fingerprint)) findings.push(finding);
    ignored.add(finding.fingerprint);
    if (locked !== undefined) ignored.add(locked);
    if (lockedBroken || options.replayPath !== undefined) break;
  }
  if (uncovered.length > 0) {
    const cases = new RunCases(property, styles, options.seed);
    for (const ordinal of uncovered) counter.add(cases.at(runIndexOf(options.shard, ordinal))[0], withRules);
  }
  const base = { id: property.id, title: property.title, source: property.source, grade: property.grade ?? 'must', runs: numRuns, counts } as const;
  const seenAgain: ExpectedFailure[] = [...expected].map(([print, cases]) => ({ ...(known.get(print) as KnownFailure), cases }));
  const extra = { durationMs: Date.now() - started, ...(seenAgain.length === 0 ? {} : { expected: seenAgain }) };
  if (findings.length > 0) return { ...base, status: 'failed', findings, ...extra };
  if (skipReason !== undefined) return { ...base, status: 'skipped', findings: [], skipReason, ...extra };
  return { ...base, status: 'passed', findings: [], ...extra };
}

function count(counts: { built: number; refused: number; skipped: number }, kind: string): void {
  if (kind === 'xml') counts.built += 1;
  else if (kind === 'refused') counts.refused += 1;
  else if (kind === 'unexpressible') counts.skipped += 1;
}


/** What the workers need to draw (and build and judge) a pass's cases as this thread would. */
function passSpec(property: BuilderProperty, options: RunBuilderOptions, styles: readonly CallStyle[], target: BuilderTarget, judge: JudgeOptions, withRules: boolean): PassSpec {
  return {
    propertyId: property.id,
    recipe: property.workerRecipe as PropertyRecipe,
    seed: options.seed,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    callStyles: styles,
    ...(target.workerRecipe === undefined ? {} : { target: target.workerRecipe }),
    judge,
    withRules,
  };
}

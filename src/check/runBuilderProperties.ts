import fc from 'fast-check';
import { isDialKitError } from '../errors.js';
import type { TwimlDocument } from '../model/document.js';
import type { BuilderTarget } from '../targets/builder/builderTarget.js';
import type { BuilderProperty, InvalidPolicy } from './builderProperty.js';
import { judgeBuild, type BuildVerdict } from './checkBuild.js';
import { CoverageCounter } from './coverageCounter.js';
import type { Finding, PropertyResult, RunReport } from './findings.js';
import { fingerprint } from './fingerprint.js';
import { kitVersion } from './kitVersion.js';
import { shardProperty, shardShare, type Shard } from './shard.js';

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
  /** Told when each property starts and ends (for event streams); a failed result carries its finding. */
  readonly onPropertyStart?: (property: BuilderProperty) => void;
  readonly onPropertyEnd?: (result: PropertyResult) => void;
  /** Check only this shard's cases (`--shard i/n`); the report then says which shard it is. */
  readonly shard?: Shard;
  /** Count attributes, nouns and rules exercised. Default true. */
  readonly coverage?: boolean;
}

/**
 * Runs each property against the target with fast-check (`fc.check`, never `fc.assert`: results are data)
 * and returns a RunReport. A failing property yields one finding, built from the shrunk counterexample
 * replayed once more with tracing on, so it carries the exact builder calls.
 */
export async function runBuilderProperties(properties: readonly BuilderProperty[], target: BuilderTarget, options: RunBuilderOptions): Promise<RunReport> {
  const started = Date.now();
  const runs = options.runs ?? 100;
  const counter = new CoverageCounter();
  const results: PropertyResult[] = [];
  for (const property of properties) {
    options.onPropertyStart?.(property);
    const result = await runOne(property, target, options, runs, counter);
    options.onPropertyEnd?.(result);
    results.push(result);
  }
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
  };
}

async function runOne(property: BuilderProperty, target: BuilderTarget, options: RunBuilderOptions, runs: number, counter: CoverageCounter): Promise<PropertyResult> {
  const started = Date.now();
  const judge = { documents: property.documents, strict: options.strict === true, invalidPolicy: options.invalidPolicy ?? 'refuse-or-faithful' } as const;
  let done = 0;
  let failing = false;
  const countCoverage = options.coverage !== false;
  const check = fc.asyncProperty(property.arbitrary, async (document: TwimlDocument) => {
    const verdict = judgeBuild(document, await target.build(document), judge);
    if (verdict.ok && verdict.skipped !== undefined) fc.pre(false);
    if (!failing) {
      done += 1;
      if (countCoverage) counter.add(document, property.documents === 'invalid');
      options.onProgress?.(property, done, shardShare(options.shard, runs));
    }
    if (!verdict.ok) failing = true;
    return verdict.ok;
  });
  const details = await fc.check(shardProperty(check, options.shard), {
    seed: options.seed,
    numRuns: runs,
    ...(options.replayPath === undefined ? {} : { path: options.replayPath, endOnFailure: true }),
  });
  const base = { id: property.id, title: property.title, source: property.source, grade: property.grade ?? 'must', runs: details.numRuns, durationMs: 0 } as const;
  const error: unknown = (details as { errorInstance?: unknown }).errorInstance;
  if (isDialKitError(error)) throw error;
  if (!details.failed) return { ...base, status: 'passed', findings: [], durationMs: Date.now() - started };
  if (details.counterexample === null) {
    if (error !== null && error !== undefined) throw error;
    const skipReason = `the target could not express enough of the generated documents (${details.numSkips} skipped)`;
    return { ...base, status: 'skipped', findings: [], skipReason, durationMs: Date.now() - started };
  }
  const [document] = details.counterexample;
  const path = details.counterexamplePath ?? '';
  const finding = await findingFor(property, target, document, path, options, judge);
  return { ...base, status: 'failed', findings: [finding], durationMs: Date.now() - started };
}

async function findingFor(
  property: BuilderProperty,
  target: BuilderTarget,
  document: TwimlDocument,
  path: string,
  options: RunBuilderOptions,
  judge: Parameters<typeof judgeBuild>[2],
): Promise<Finding> {
  const outcome = await target.build(document, { trace: true });
  let verdict: BuildVerdict = judgeBuild(document, outcome, judge);
  if (verdict.ok) {
    // The builder answered differently the second time: that flakiness is the finding.
    verdict = { ok: false, problem: 'broken', summary: 'the builder gave a different answer when the same document was built again', expected: undefined, actual: undefined, differences: [] };
  }
  const replay = options.replayLine?.(property, options.seed, path) ?? `dial-kit generator --seed ${options.seed} --only ${property.documents} --replay ${path}`;
  return {
    propertyId: property.id,
    title: property.title,
    source: property.source,
    severity: 'error',
    summary: verdict.summary,
    counterexample: document,
    steps: outcome.kind === 'unexpressible' ? [] : outcome.steps,
    ...(verdict.expected === undefined ? {} : { expected: verdict.expected }),
    ...(verdict.actual === undefined ? {} : { actual: verdict.actual }),
    differences: verdict.differences,
    replay,
    fingerprint: fingerprint(property.id, verdict.problem, verdict.differences),
  };
}

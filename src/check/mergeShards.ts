import type { Coverage, ExpectedFailure, Finding, PropertyResult, RunReport } from './findings.js';

/** Why shard reports cannot be joined: one sentence, for the CLI to print. */
export class ShardMergeError extends Error {
  override readonly name = 'ShardMergeError';
}

const SAME_RUN = ['tool', 'version', 'mode', 'target', 'seed'] as const;

function sumCounts(records: readonly (Readonly<Record<string, number>> | undefined)[]): Record<string, number> {
  const sums = new Map<string, number>();
  for (const record of records) for (const [key, count] of Object.entries(record ?? {})) sums.set(key, (sums.get(key) ?? 0) + count);
  return Object.fromEntries([...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function mergeCoverage(coverages: readonly Coverage[]): Coverage {
  const valueClasses = sumCounts(coverages.map((coverage) => coverage.valueClasses));
  return {
    attributes: sumCounts(coverages.map((coverage) => coverage.attributes)),
    nouns: sumCounts(coverages.map((coverage) => coverage.nouns)),
    rules: sumCounts(coverages.map((coverage) => coverage.rules)),
    outcomes: sumCounts(coverages.map((coverage) => coverage.outcomes)),
    ...(Object.keys(valueClasses).length > 0 ? { valueClasses } : {}),
    ...mergeByOutcome(coverages),
  };
}

function mergeByOutcome(coverages: readonly Coverage[]): Pick<Coverage, 'byOutcome'> {
  const statuses = [...new Set(coverages.flatMap((coverage) => Object.keys(coverage.byOutcome ?? {})))].sort();
  if (statuses.length === 0) return {};
  return { byOutcome: Object.fromEntries(statuses.map((status) => [status, sumCounts(coverages.map((coverage) => coverage.byOutcome?.[status]))])) };
}

/**
 * A property checked case by case until its first failure (generator): one run stops at the first
 * failing case of all and shrinks it. A shard's `runs` counts positions of the whole run up to where it
 * stopped, so the failing shard with the fewest is the one that met the run's first failure; its finding
 * is the one run's finding (shrinking from the same case gives the same result).
 */
function firstFailure(results: readonly PropertyResult[]): PropertyResult {
  const failed = results.filter((result) => result.status === 'failed');
  const durationMs = results.reduce((sum, result) => sum + result.durationMs, 0);
  const builder = builderTotals(results);
  if (failed.length > 0) {
    const first = failed.reduce((best, result) => (result.runs < best.runs ? result : best));
    return { ...first, ...builder, durationMs };
  }
  const checked = results.filter((result) => result.status !== 'skipped');
  if (checked.length === 0) return { ...(results[0] as PropertyResult), ...builder, durationMs };
  const most = checked.reduce((best, result) => (result.runs > best.runs ? result : best));
  return { ...most, ...builder, durationMs };
}

/** A builder check's built/refused/skipped counts and known failures seen again, summed over the shards. */
function builderTotals(results: readonly PropertyResult[]): Pick<PropertyResult, 'counts' | 'expected'> {
  const withCounts = results.filter((result) => result.counts !== undefined);
  const counts = withCounts.length === 0 ? {} : {
    counts: {
      built: withCounts.reduce((sum, result) => sum + (result.counts?.built ?? 0), 0),
      refused: withCounts.reduce((sum, result) => sum + (result.counts?.refused ?? 0), 0),
      skipped: withCounts.reduce((sum, result) => sum + (result.counts?.skipped ?? 0), 0),
    },
  };
  const seen = new Map<string, ExpectedFailure>();
  for (const result of results) {
    for (const known of result.expected ?? []) {
      const before = seen.get(known.fingerprint);
      seen.set(known.fingerprint, { ...known, cases: (before?.cases ?? 0) + known.cases });
    }
  }
  return { ...counts, ...(seen.size === 0 ? {} : { expected: [...seen.values()] }) };
}

/**
 * A property judged on every case at once (endpoint): the shards' calls add up, and each distinct
 * problem (by fingerprint) is kept once, from the first shard that found it.
 */
function everyCase(results: readonly PropertyResult[]): PropertyResult {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      if (seen.has(finding.fingerprint)) continue;
      seen.add(finding.fingerprint);
      findings.push(finding);
    }
  }
  const failed = results.some((result) => result.status === 'failed');
  const base = results.find((result) => result.status === 'failed') ?? (results[0] as PropertyResult);
  return {
    ...base,
    status: failed ? 'failed' : results.every((result) => result.status === 'skipped') ? 'skipped' : results.some((result) => result.status === 'passed') ? 'passed' : 'not-exercised',
    runs: results.reduce((sum, result) => sum + result.runs, 0),
    findings,
    durationMs: Math.max(...results.map((result) => result.durationMs)),
  };
}

/**
 * Joins the reports of `--shard 1/N` … `--shard N/N` of one run (same kit version, mode, target, seed and
 * runs) into the report that run gives unsharded (tested in test/report/shardMerge.spec.ts):
 * - generator: exactly, when every property holds; when one fails, its finding, replay line, verdict and
 *   runs are the run's, but the coverage (the sum of the shards') counts more, since the other shards
 *   went on past the run's first failure, which no shard can know of.
 * - endpoint: exactly, when no property fails; after a failure the check goes on in rounds of its own
 *   that shards do not share, so each distinct problem (by fingerprint) is kept, from the first shard
 *   that found it, with the run's verdicts but possibly on other calls.
 */
export function mergeShards(reports: readonly RunReport[]): RunReport {
  const first = reports[0];
  if (first === undefined) throw new ShardMergeError('no report to merge');
  for (const report of reports) {
    if (report.shard === undefined) throw new ShardMergeError(`a report of ${report.mode} ${report.target} is not a shard's (it was run without --shard)`);
    for (const field of SAME_RUN) {
      if (report[field] !== first[field]) {
        throw new ShardMergeError(`the reports are not shards of one run: ${field} ${JSON.stringify(first[field])} against ${JSON.stringify(report[field])}`);
      }
    }
    if (report.mode !== 'endpoint' && report.runs !== first.runs) throw new ShardMergeError(`the reports are not shards of one run: runs ${first.runs} against ${report.runs}`);
  }
  const count = first.shard?.count ?? 0;
  const byIndex = new Map<number, RunReport>();
  for (const report of reports) {
    const shard = report.shard as NonNullable<RunReport['shard']>;
    if (shard.count !== count) throw new ShardMergeError(`the reports split the run differently: ${count} shards against ${shard.count}`);
    if (byIndex.has(shard.index)) throw new ShardMergeError(`shard ${shard.index}/${count} is given twice`);
    byIndex.set(shard.index, report);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) throw new ShardMergeError(`shard${missing.length === 1 ? '' : 's'} ${missing.map((index) => `${index}/${count}`).join(', ')} missing: merge needs every shard of the run`);
  const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, report]) => report);
  const ids = first.properties.map((property) => property.id);
  for (const report of ordered) {
    const theirs = report.properties.map((property) => property.id);
    if (theirs.join('\n') !== ids.join('\n')) throw new ShardMergeError(`shard ${report.shard?.index}/${count} checked other properties (${theirs.join(', ')}) than shard ${first.shard?.index}/${count} (${ids.join(', ')})`);
  }
  const join = first.mode === 'endpoint' ? everyCase : firstFailure;
  const properties = ids.map((_, index) => join(ordered.map((report) => report.properties[index] as PropertyResult)));
  const starts = ordered.map((report) => Date.parse(report.startedAt));
  const start = Math.min(...starts);
  const end = Math.max(...ordered.map((report, index) => (starts[index] as number) + report.durationMs));
  // A known failure is fixed only if no shard saw it.
  const fixed = (first.fixed ?? []).filter((known) => ordered.every((report) => (report.fixed ?? []).some((other) => other.fingerprint === known.fingerprint)));
  const { shard: _shard, fixed: _fixed, ...rest } = first;
  return {
    ...rest,
    runs: first.mode === 'endpoint' ? ordered.reduce((sum, report) => sum + report.runs, 0) : first.runs,
    startedAt: new Date(start).toISOString(),
    durationMs: end - start,
    properties,
    coverage: mergeCoverage(ordered.map((report) => report.coverage)),
    findingCount: properties.reduce((sum, property) => sum + property.findings.length, 0),
    ...(fixed.length === 0 ? {} : { fixed }),
  };
}

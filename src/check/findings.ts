import type { Difference } from '../../reference/compare.js';
import type { Grade } from './grade.js';
import type { FailureStoreSummary } from './store/withStoredFindings.js';

/**
 * A finding: one place where a target does something other than what Twilio's `<Dial>` means. Findings
 * are data; reports render them. Two findings with the same `fingerprint` are the same bug.
 */
export interface Finding {
  /** Id of the property that failed, e.g. `GEN-001`. */
  readonly propertyId: string;
  readonly title: string;
  /** The seed section or source the property checks. */
  readonly source: string;
  readonly severity: 'error' | 'warning' | 'security';
  /** One sentence: what went wrong. */
  readonly summary: string;
  /** The shrunk counterexample, as JSON-able data (a document, a call story, …). */
  readonly counterexample: unknown;
  /** What the kit did to the target: builder calls, the JSON sent over stdio, or HTTP requests. */
  readonly steps: readonly string[];
  readonly expected?: string;
  readonly actual?: string;
  readonly differences?: readonly Difference[];
  /** How to reproduce just this case: a dial-kit command line with seed and path, or a curl line. */
  readonly replay: string;
  readonly fingerprint: string;
  /** The root cause in words (what differs, where, in which value class); the fingerprint is its hash. */
  readonly cause?: string;
}

/** A failure the user expects (`--known FILE`): reported, but it does not fail the run. */
export interface KnownFailure {
  readonly fingerprint: string;
  /** Why it is expected: a bug report, a design choice of the target. */
  readonly reason: string;
  /** The property it belongs to; a known failure of a property that did not run is never called fixed. */
  readonly property?: string;
  /** The root cause in words, as printed with the finding, for the reader of the file. */
  readonly cause?: string;
}

/** A known failure seen again in this run. */
export interface ExpectedFailure extends KnownFailure {
  /** Cases that showed it (before the run went on). */
  readonly cases: number;
}

/** What became of the cases a builder check generated. */
export interface BuildCounts {
  /** The builder wrote XML. */
  readonly built: number;
  /** The builder refused (threw, or answered an error). */
  readonly refused: number;
  /** The builder said it cannot express the document, or its API has no call for it. */
  readonly skipped: number;
}

export interface PropertyResult {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  /** `not-exercised`: the run never gave the property anything to judge (e.g. no status callback was ever requested), so it did not pass either. */
  readonly status: 'passed' | 'failed' | 'skipped' | 'not-exercised';
  /** Sentences about what the run did or did not reach for this property (e.g. an expected DialCallStatus never produced). */
  readonly notes?: readonly string[];
  /** How much its findings weigh (src/check/grade.ts); absent in reports written before grades: `must`. */
  readonly grade?: Grade;
  readonly runs: number;
  readonly findings: readonly Finding[];
  /** Why the property was skipped, when it was. */
  readonly skipReason?: string;
  readonly durationMs: number;
  /** Builder checks: what became of the generated cases. */
  readonly counts?: BuildCounts;
  /** Known failures (`--known`) that showed again: expected, not counted as findings. */
  readonly expected?: readonly ExpectedFailure[];
}

/** What a run exercised: counts by name, so a report can show what was and was not reached. */
export interface Coverage {
  readonly attributes: Readonly<Record<string, number>>;
  readonly nouns: Readonly<Record<string, number>>;
  readonly rules: Readonly<Record<string, number>>;
  readonly outcomes: Readonly<Record<string, number>>;
  /**
   * Per DialCallStatus (endpoint check): how often each `Element.attribute` and each noun (`Number`) was in a
   * `<Dial>` that ended so: coverage as attribute × noun × outcome.
   */
  readonly byOutcome?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** `Element.attribute:class` (e.g. `Dial.timeout:max`, `Dial.action:relative`): which kinds of value were produced. */
  readonly valueClasses?: Readonly<Record<string, number>>;
}

export interface RunReport {
  readonly tool: 'twiml-dial-kit';
  readonly version: string;
  /** `generator` or `endpoint`. */
  readonly mode: string;
  readonly target: string;
  readonly seed: number;
  readonly runs: number;
  /**
   * Set when the run checked one shard of its cases (`--shard 2/3`). Each `runs` of such a report still
   * counts positions of the whole run (up to where the shard stopped); `dial-kit merge` joins the shards.
   */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly properties: readonly PropertyResult[];
  readonly coverage: Coverage;
  /** Findings that fail the run; known failures seen again are in `expected` of their property instead. */
  readonly findingCount: number;
  /** Known failures that no longer show: the bug is fixed, and the entry can go from the file. */
  readonly fixed?: readonly KnownFailure[];
  /** The known divergences of the target's profile and what became of each (interpreter check). */
  readonly divergences?: readonly DivergenceResult[];
  /** Sentences about the run as a whole that a reader must not miss beside the findings (e.g. no `<Dial>` was reached). */
  readonly notes?: readonly string[];
  /** With `--failures DIR`: the stored cases replayed before the run, what became of each, and the cases saved. */
  readonly failureStore?: FailureStoreSummary;
}

/**
 * A profile's known divergence after a run: `expected` when a finding showed it (the finding is kept here,
 * not among the property's findings, and does not fail the run); `fixed` when its property held in every
 * run; `not-seen` when its property failed for another reason, so the run cannot tell.
 */
export interface DivergenceResult {
  readonly property: string;
  readonly match?: string;
  readonly reason: string;
  readonly status: 'expected' | 'fixed' | 'not-seen';
  readonly finding?: Finding;
}

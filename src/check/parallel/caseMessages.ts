import type { DialectSubset } from '../../profile/dialectSubset.js';
import type { CallStyle } from '../../targets/builder/callStyle.js';
import type { TwimlDocument } from '../../model/document.js';
import type { JudgeOptions } from '../checkBuild.js';
import type { Shard } from '../shard.js';
import type { CaseVerdict } from './caseVerdict.js';

/** A case as the builder runner draws it: the document and how the builder's API is called. */
export type Case = readonly [TwimlDocument, CallStyle];

/**
 * How a worker rebuilds a catalogue property: the URL of the catalogue's module, whose
 * `builderProperties('all', dialect)` holds the property under its id.
 */
export interface PropertyRecipe {
  readonly catalogue: string;
  readonly dialect?: DialectSubset;
}

/** How a worker loads the same builder module the run checks (see moduleTarget). */
export interface TargetRecipe {
  readonly module: string;
  readonly exportPath: string;
  readonly cwd: string;
}

/** What one pass over a property asks of the workers. */
export interface PassSpec {
  readonly propertyId: string;
  readonly recipe: PropertyRecipe;
  readonly seed: number;
  readonly shard?: Shard;
  /** The call styles the target takes, which decide how a case is drawn. */
  readonly callStyles: readonly CallStyle[];
  /** Given when workers build and judge too; without it they only draw cases and the main thread builds. */
  readonly target?: TargetRecipe;
  readonly judge: JudgeOptions;
  /** Count the validator rules a document breaks in its coverage (documents that are not all valid). */
  readonly withRules: boolean;
}

/** A case's result from a worker: the verdict when it built and judged the case, else the case it drew. */
export interface CaseResult {
  readonly runId: number;
  /** Set when the worker only draws: the main thread builds and judges it. */
  readonly drawn?: Case;
  /** Set when the worker built and judged the case. */
  readonly verdict?: CaseVerdict;
  /** JSON of the drawn case, for the first case a worker checks in a pass: checked against the main thread's own draw. */
  readonly probe?: string;
}

export type ToWorker =
  | { readonly type: 'pass'; readonly pass: number; readonly spec: PassSpec }
  /** Shard-case ordinals `from` (inclusive) to `to` (exclusive) of the current pass. */
  | { readonly type: 'batch'; readonly pass: number; readonly from: number; readonly to: number; readonly probe: boolean };

export type FromWorker =
  /** `coverage`: the batch's cases that were not skipped, counted together and drained (CoverageCounter.drain); only when the worker judges. */
  | { readonly type: 'batch'; readonly pass: number; readonly from: number; readonly results: readonly CaseResult[]; readonly coverage?: string }
  | { readonly type: 'error'; readonly code?: string; readonly message: string };

import type { BuilderTarget, BuildOutcome } from '../../targets/builder/builderTarget.js';
import { verdictFingerprint } from '../builderFinding.js';
import type { BuilderProperty } from '../builderProperty.js';
import { judgeBuild, type JudgeOptions } from '../checkBuild.js';
import type { Case } from './caseMessages.js';

/** What the runner needs of one case's check, whichever thread built and judged it: small enough to pass between threads cheaply. */
export interface CaseVerdict {
  readonly outcomeKind: BuildOutcome['kind'];
  readonly ok: boolean;
  /** The builder could not express the document (a dialect subset): not counted for coverage, not a finding. */
  readonly skipped: boolean;
  /** The finding's fingerprint, when not ok. */
  readonly print?: string;
  /** The builder hung or crashed: the search ends there. */
  readonly broken: boolean;
}

/** Builds one case with the target and judges it: what the main thread and the workers both do with a case. */
export async function caseVerdict(property: BuilderProperty, target: BuilderTarget, judge: JudgeOptions, [document, calls]: Case): Promise<CaseVerdict> {
  const outcome = await target.build(document, { calls });
  const verdict = judgeBuild(document, outcome, judge);
  if (verdict.ok) return { outcomeKind: outcome.kind, ok: true, skipped: verdict.skipped !== undefined, broken: false };
  return { outcomeKind: outcome.kind, ok: false, skipped: false, print: verdictFingerprint(property, verdict), broken: verdict.problem === 'broken' };
}

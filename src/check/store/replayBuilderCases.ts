import type { BuilderTarget } from '../../targets/builder/builderTarget.js';
import type { BuilderProperty } from '../builderProperty.js';
import { judgeBuild, type JudgeOptions } from '../checkBuild.js';
import { builderFinding } from '../builderFinding.js';
import type { StoredBuilderCase, StoredFile } from './storedCase.js';
import type { StoredReplay } from './storedReplay.js';

export interface ReplayBuilderOptions {
  readonly strict?: boolean;
  readonly invalidPolicy?: JudgeOptions['invalidPolicy'];
  /** The replay text of a finding from the stored file. */
  readonly replayText: (file: string) => string;
}

/**
 * Builds each stored document again, with tracing, and judges it as its property does. The document is
 * the stored model, not a seed and path, so the case means the same whatever the generators become.
 */
export async function replayBuilderCases(
  files: readonly StoredFile[],
  properties: readonly BuilderProperty[],
  target: BuilderTarget,
  options: ReplayBuilderOptions,
): Promise<StoredReplay[]> {
  const replays: StoredReplay[] = [];
  for (const { file, stored } of files) {
    if (stored.mode !== 'generator') continue;
    const property = properties.find((candidate) => candidate.id === stored.propertyId);
    if (property === undefined) {
      replays.push({ file, propertyId: stored.propertyId, status: 'not-replayed', findings: [], reason: `${stored.propertyId} is not checked in this run` });
      continue;
    }
    replays.push(await replayOne(file, stored, property, target, options));
  }
  return replays;
}

async function replayOne(file: string, stored: StoredBuilderCase, property: BuilderProperty, target: BuilderTarget, options: ReplayBuilderOptions): Promise<StoredReplay> {
  const document = stored.case.document;
  const calls = stored.case.calls ?? 'strings';
  const judge: JudgeOptions = { documents: property.documents, strict: options.strict === true, invalidPolicy: options.invalidPolicy ?? 'refuse-or-faithful' };
  const verdict = judgeBuild(document, await target.build(document, { calls }), judge);
  const base = { file, propertyId: property.id };
  if (verdict.ok && verdict.skipped !== undefined) return { ...base, status: 'not-replayed', findings: [], reason: verdict.skipped };
  if (verdict.ok) return { ...base, status: 'fixed', findings: [] };
  // Built again with tracing, as every finding is, so it carries the exact calls, the root cause and its fingerprint.
  const finding = await builderFinding(property, target, document, calls, options.replayText(file), judge);
  return { ...base, status: 'failing', findings: [finding] };
}

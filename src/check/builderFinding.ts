import type { TwimlDocument } from '../model/document.js';
import type { BuilderTarget } from '../targets/builder/builderTarget.js';
import type { CallStyle } from '../targets/builder/callStyle.js';
import type { BuilderProperty } from './builderProperty.js';
import { judgeBuild, type BuildVerdict, type JudgeOptions } from './checkBuild.js';
import type { Finding } from './findings.js';
import { fingerprint } from './fingerprint.js';

/** The fingerprint of a failing verdict: its property and root cause, hashed (never the concrete value). */
export function verdictFingerprint(property: BuilderProperty, verdict: Extract<BuildVerdict, { ok: false }>): string {
  return fingerprint(property.id, verdict.cause);
}

/**
 * The finding for a shrunk counterexample: built once more with tracing on, so it carries the exact
 * builder calls (and which call style was used). A builder that now conforms is flaky, and that is the finding.
 */
export async function builderFinding(
  property: BuilderProperty,
  target: BuilderTarget,
  document: TwimlDocument,
  calls: CallStyle,
  replay: string,
  judge: JudgeOptions,
): Promise<Finding> {
  const outcome = await target.build(document, { trace: true, calls });
  let verdict: BuildVerdict = judgeBuild(document, outcome, judge);
  if (verdict.ok) {
    verdict = {
      ok: false,
      problem: 'broken',
      cause: 'broken: a different answer when built again',
      summary: 'the builder gave a different answer when the same document was built again',
      expected: undefined,
      actual: undefined,
      differences: [],
    };
  }
  const style = calls === 'typed' ? ['// typed calls: numbers, booleans and arrays as the API declares them; unset options as undefined/null'] : [];
  return {
    propertyId: property.id,
    title: property.title,
    source: property.source,
    severity: 'error',
    summary: verdict.summary,
    counterexample: document,
    steps: outcome.kind === 'unexpressible' ? [] : [...style, ...outcome.steps],
    ...(verdict.expected === undefined ? {} : { expected: verdict.expected }),
    ...(verdict.actual === undefined ? {} : { actual: verdict.actual }),
    differences: verdict.differences,
    replay,
    fingerprint: verdictFingerprint(property, verdict),
    cause: verdict.cause,
  };
}

import { builderProperties, type DocumentSelection } from './builder.js';
import type { BuilderTarget } from '../src/targets/builder/builderTarget.js';
import { functionTarget, type BuilderFunction } from '../src/targets/builder/functionTarget.js';
import { moduleTarget } from '../src/targets/builder/moduleTarget.js';
import { withTimeout } from '../src/targets/builder/withTimeout.js';
import type { InvalidPolicy } from '../src/check/builderProperty.js';
import type { KnownFailure, RunReport } from '../src/check/findings.js';
import { readKnownFailures } from '../src/targets/builder/readKnownFailures.js';
import { BUNDLED_TWILIO_KNOWN } from './bundledTwilioKnown.js';
import { runBuilderProperties, type RunBuilderOptions } from '../src/check/runBuilderProperties.js';
import { failsRun } from '../src/check/grade.js';
import { selectProperties } from '../src/check/selectProperties.js';
import { dialectSubset } from '../src/profile/dialectSubset.js';
import { loadProfile } from '../src/profile/parseProfile.js';
import type { Profile } from '../src/profile/profile.js';

export interface CheckGeneratorOptions extends Partial<Omit<RunBuilderOptions, 'invalidPolicy' | 'known'>> {
  /** What to check: a target, or a plain `(document) => xml` function. Default: the bundled twilio package. */
  readonly target?: BuilderTarget | BuilderFunction;
  /** Default `all`. */
  readonly only?: DocumentSelection;
  /** Only the properties with these ids (default: every property `only` selects). */
  readonly properties?: readonly string[];
  readonly invalidPolicy?: InvalidPolicy;
  /** Time limit of one build, in ms. Default 5000. */
  readonly timeoutMs?: number;
  /**
   * Failures you expect, as a list or the path of a known-failures file: reported as expected, they do
   * not count as findings; one that no longer shows is listed in `report.fixed`. Default: none, or for
   * the bundled twilio package what the kit knows about it (BUNDLED_TWILIO_KNOWN).
   */
  readonly known?: readonly KnownFailure[] | string;
  /** Dial only these nouns (a builder that supports a subset of the dialect), e.g. `['Number', 'Client']`. */
  readonly nouns?: readonly string[];
  /** Only these verbs around `<Dial>`, e.g. `['Say', 'Play']`. */
  readonly verbs?: readonly string[];
  /** A target profile, or the path of one (schemas/profile.schema.json): generation stays inside its nouns, verbs and attributes. */
  readonly profile?: Profile | string;
}

/** The default seed, so that two runs without one agree. */
export const DEFAULT_SEED = 20_240_501;

/**
 * Checks a TwiML builder against the reference and returns the report (results are data). One call, no
 * argument: `await checkGenerator()` checks the twilio package bundled with the kit.
 */
export async function checkGenerator(options: CheckGeneratorOptions = {}): Promise<RunReport> {
  const profile = typeof options.profile === 'string' ? loadProfile(options.profile) : options.profile;
  const dialect = dialectSubset({
    ...(options.nouns === undefined ? {} : { nouns: options.nouns }),
    ...(options.verbs === undefined ? {} : { verbs: options.verbs }),
    ...(profile === undefined ? {} : { profile }),
  });
  const given = options.target;
  const base: BuilderTarget = given === undefined ? await moduleTarget() : typeof given === 'function' ? functionTarget(given) : given;
  const target = withTimeout(base, options.timeoutMs ?? 5000);
  try {
    const known = typeof options.known === 'string' ? readKnownFailures(options.known) : (options.known ?? (given === undefined ? BUNDLED_TWILIO_KNOWN : []));
    const properties = selectProperties(builderProperties(options.only ?? 'all', dialect), options.properties);
    return await runBuilderProperties(properties, target, { ...options, known, seed: options.seed ?? DEFAULT_SEED });
  } finally {
    if (given === undefined || typeof given === 'function') await base.close();
  }
}

/** For test frameworks: throws with the console-style summary when the builder has findings. */
export async function assertGenerator(options: CheckGeneratorOptions = {}): Promise<RunReport> {
  const report = await checkGenerator(options);
  if (failsRun(report)) {
    const first = report.properties.flatMap((property) => property.findings)[0];
    throw new GeneratorCheckError(`${report.findingCount} finding(s) against ${report.target}; first: ${first?.propertyId}: ${first?.summary} (replay: ${first?.replay})`, report);
  }
  return report;
}

export class GeneratorCheckError extends Error {
  constructor(
    message: string,
    readonly report: RunReport,
  ) {
    super(message);
    this.name = 'GeneratorCheckError';
  }
}


import fc from 'fast-check';
import type { CallStyle } from '../../targets/builder/callStyle.js';
import type { BuilderProperty } from '../builderProperty.js';
import type { Case } from './caseMessages.js';
import { casesOf } from './casesOf.js';
import { RunRandoms } from './runRandom.js';

/**
 * The cases of a run of a property from a seed, position by position (in increasing order), each as
 * fast-check draws it there: what the workers check, what the runner draws again to count coverage,
 * and what the builder benchmark hands the builder alone.
 */
export class RunCases {
  private readonly draw: fc.IAsyncProperty<[Case]>;
  private readonly randoms: RunRandoms;

  constructor(property: BuilderProperty, styles: readonly CallStyle[], seed: number) {
    this.draw = fc.asyncProperty(casesOf(property, styles), (_drawn: Case) => Promise.resolve(true));
    this.randoms = new RunRandoms(seed);
  }

  at(runId: number): Case {
    return this.draw.generate(this.randoms.at(runId), runId).value[0];
  }
}

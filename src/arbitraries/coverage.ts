import type { Coverage } from '../check/findings.js';
import { DialKitError } from '../errors.js';
import type { TwimlDocument } from '../model/document.js';
import type { DialOutcome } from '../model/outcome.js';
import { CoverageTally } from './coverageTally.js';
import type { LabelledInvalid } from './labelledInvalid.js';

/** What {@link coverageOf} can count: a document, a labelled invalid case, or a document with its outcome. */
export type CoverageSample = TwimlDocument | LabelledInvalid | { readonly document: TwimlDocument; readonly outcome: DialOutcome };

/**
 * Counts what a set of samples exercises: attributes of the spec table (`Dial.timeout`), value
 * classes (`Dial.timeout:max`), nouns, validator rules (from the labels of invalid cases) and
 * outcome kinds. Samples that exercise nothing are a misuse: the caller would report a pass for a
 * run that checked nothing, so that throws DIALKIT_ERR_NOTHING_CHECKED.
 */
export function coverageOf(samples: Iterable<CoverageSample>): Coverage {
  const tally = new CoverageTally();
  for (const sample of samples) {
    if ('rules' in sample) {
      for (const rule of sample.rules) tally.rule(rule);
      if (sample.kind === 'document') tally.document(sample.document);
    } else if ('outcome' in sample) {
      const dial = tally.document(sample.document);
      if (dial !== undefined) tally.outcome(dial, sample.outcome);
    } else {
      tally.document(sample);
    }
  }
  if (tally.hits === 0) {
    throw new DialKitError('DIALKIT_ERR_NOTHING_CHECKED', 'the samples exercise nothing: no attribute, noun, rule or outcome was hit');
  }
  return {
    attributes: Object.fromEntries(tally.attributes),
    nouns: Object.fromEntries(tally.nouns),
    rules: Object.fromEntries(tally.rules),
    outcomes: Object.fromEntries(tally.outcomes),
    valueClasses: Object.fromEntries(tally.valueClasses),
  };
}

import type { TwimlDocument } from '../../model/document.js';
import { CoverageCounter } from '../coverageCounter.js';

/** A worker's counter for one case at a time: drained after each. */
const oneCase = new CoverageCounter();

/**
 * One document's coverage as text a worker can hand to the main thread cheaply (see
 * CoverageCounter.drain). The main thread adds it only for the cases the run counts.
 */
export function encodeCoverage(document: TwimlDocument, withRules: boolean): string {
  oneCase.add(document, withRules);
  return oneCase.drain();
}

/** Adds coverage encoded by {@link encodeCoverage} to a run's counter. */
export function addEncodedCoverage(counter: CoverageCounter, encoded: string): void {
  counter.addDrained(encoded);
}

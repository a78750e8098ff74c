import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builderProperties } from '../../properties/builder.js';
import { CoverageCounter } from '../../src/check/coverageCounter.js';

describe('CoverageCounter: what a worker drains, the run adds', () => {
  it('counts drained by one counter and added to another are the counts of the first, added to what the second had', () => {
    const [invalid] = builderProperties('invalid');
    const documents = fc.sample(invalid!.arbitrary, { seed: 7, numRuns: 200 });
    const alone = new CoverageCounter();
    for (const document of documents) alone.add(document, true);

    const run = new CoverageCounter();
    const worker = new CoverageCounter();
    documents.forEach((document, index) => {
      if (index % 3 === 0) run.add(document, true);
      else worker.add(document, true);
      if (index % 64 === 63) run.addDrained(worker.drain());
    });
    run.addDrained(worker.drain());
    run.addDrained(worker.drain()); // drained twice: the second is empty and adds nothing

    expect(run.snapshot()).toEqual(alone.snapshot());
    expect(Object.keys(alone.snapshot().rules).length).toBeGreaterThan(0);
    expect(Object.keys(alone.snapshot().valueClasses ?? {}).length).toBeGreaterThan(0);
  });
});

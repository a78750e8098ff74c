import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpret } from '../../reference/interpret/interpret.js';
import { aimedMaterial, aimedOutcome, type AimedStatus } from '../../src/arbitraries/aimedOutcome.js';
import { dialDocument } from '../../src/arbitraries/dialDocument.js';
import type { DialVerb } from '../../src/model/dial.js';

const PARTY_ONLY = new Set(['Number', 'Client', 'Sip', 'Sim', 'WhatsApp', 'Application']);

describe('aimedOutcome: outcomes steered at the DialCallStatus an expectation names', () => {
  it.each<AimedStatus>(['completed', 'busy', 'no-answer', 'failed', 'canceled'])('a <Dial> of parties only ends %s when aimed there (seed §DialCallStatus)', (aim) => {
    fc.assert(
      fc.property(dialDocument(), aimedMaterial([aim]), (document, material) => {
        const index = document.verbs.findIndex((verb) => verb.kind === 'Dial');
        const dial = document.verbs[index] as DialVerb;
        const kinds = dial.children.filter((child) => child.kind !== 'text' && child.kind !== 'element').map((child) => child.kind);
        fc.pre(material.aim !== undefined && kinds.length > 0 && kinds.every((kind) => PARTY_ONLY.has(kind)));
        const trace = interpret({ document, documentUrl: 'https://example.com/voice', request: { CallSid: 'CA1', From: '+14155550100', To: '+14155550101' }, outcome: aimedOutcome(dial, material), dialIndex: index, seed: 1 });
        expect(trace.result.dialCallStatus).toBe(aim);
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('without an aim the outcome is the plain fitted one', () => {
    fc.assert(
      fc.property(dialDocument(), aimedMaterial([]), (document, material) => {
        expect(material.aim).toBeUndefined();
        const dial = document.verbs.find((verb) => verb.kind === 'Dial') as DialVerb;
        expect(aimedOutcome(dial, material)).toEqual(aimedOutcome(dial, { material: material.material, aim: undefined }));
      }),
      { seed: 12, numRuns: 50 },
    );
  });
});

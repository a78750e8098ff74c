/**
 * A leg's own end and an interruption at the same instant: the reference (ringLegs) and the event player
 * that drives the carrier (playCall) order them the same way, so a faithful interpreter (the example
 * emulator) shows no finding. The sources are silent on ties; the order is the kit's choice: an answer,
 * then a busy or failed leg, then the cancel or the caller's hang-up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTERPRETER_PROPERTIES } from '../../properties/interpreterCheck.js';
import { runInterpreterCheck, type InterpreterCase } from '../../src/check/interpreter/runInterpreterCheck.js';
import { emulatorProfile } from '../../src/cli/commands/emulatorProfile.js';
import type { DialOutcome } from '../../src/model/outcome.js';
import { answer, busy, doc, fail, outcome, REQUEST, ring, run } from '../interpret/helpers.js';

const LEGS = '<Number statusCallback="/s" statusCallbackEvent="initiated ringing answered completed">+14155550100</Number>'
  + '<Number statusCallback="/s2" statusCallbackEvent="initiated ringing answered completed">+14155550101</Number>';
const dialWith = (extra = ''): string => `<Response><Dial action="/a" record="record-from-ringing" recordingStatusCallback="/r"${extra}>${LEGS}</Dial></Response>`;

const TIES: readonly { readonly name: string; readonly xml: string; readonly outcome: DialOutcome; readonly first: string }[] = [
  { name: 'busy and a REST cancel (parallel)', xml: dialWith(), outcome: outcome([busy(3), ring], { canceledAt: 3 }), first: 'busy' },
  { name: 'failed and a REST cancel (parallel)', xml: dialWith(), outcome: outcome([fail(3), ring], { canceledAt: 3 }), first: 'failed' },
  { name: 'busy and the caller hanging up (parallel)', xml: dialWith(), outcome: outcome([busy(4), ring], { callerHangupWhileRingingAt: 4 }), first: 'busy' },
  { name: 'busy and a REST cancel (sequential)', xml: dialWith(' sequential="true"'), outcome: outcome([busy(3), answer(4)], { canceledAt: 3 }), first: 'busy' },
  { name: 'an answer and a REST cancel', xml: dialWith(), outcome: outcome([answer(3), busy(3)], { canceledAt: 3 }), first: 'completed' },
];

/** The completed status callback of the first leg, as the reference derives it. */
function firstLegStatus(xml: string, dialOutcome: DialOutcome): string | undefined {
  const trace = run(xml, dialOutcome);
  return trace.requests.filter((request) => request.kind === 'statusCallback' && request.params.To === '+14155550100').at(-1)?.params.CallStatus;
}

describe('same instant: the reference orders an answer, then busy/failed, then the interruption', () => {
  for (const tie of TIES) {
    it(`${tie.name}: the first leg ends ${tie.first}`, () => {
      expect(firstLegStatus(tie.xml, tie.outcome)).toBe(tie.first);
    });
  }
});

describe('same instant: the emulator driven by the event player agrees with the reference', () => {
  for (const tie of TIES) {
    it(`${tie.name}: no finding`, async () => {
      const input: InterpreterCase = { document: doc(tie.xml), outcome: tie.outcome, request: REQUEST, method: 'POST' };
      const report = await runInterpreterCheck(
        { command: process.execPath, args: ['examples/mini-emulator/driver.mjs'], runs: 1, seed: 1, maxShrinks: 0, profile: emulatorProfile() },
        { properties: INTERPRETER_PROPERTIES, cases: () => fc.constant(input) },
      );
      expect(report.runs).toBe(1);
      expect(report.properties.flatMap((property) => property.findings.map((finding) => `${finding.propertyId}: ${finding.summary}`))).toEqual([]);
    }, 60_000);
  }
});

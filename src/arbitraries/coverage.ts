import { dialedLegs } from '../../reference/legs.js';
import { attributeSpec, type ElementName } from '../../reference/spec/attributes.js';
import type { Coverage } from '../check/findings.js';
import { DialKitError } from '../errors.js';
import type { DialVerb } from '../model/dial.js';
import type { AttributeMap, TwimlDocument } from '../model/document.js';
import type { DialOutcome } from '../model/outcome.js';
import type { LabelledInvalid } from './labelledInvalid.js';
import { valueClasses } from './valueClasses.js';

/** What {@link coverageOf} can count: a document, a labelled invalid case, or a document with its outcome. */
export type CoverageSample = TwimlDocument | LabelledInvalid | { readonly document: TwimlDocument; readonly outcome: DialOutcome };

interface Counts {
  readonly attributes: Record<string, number>;
  readonly nouns: Record<string, number>;
  readonly rules: Record<string, number>;
  readonly outcomes: Record<string, number>;
  readonly valueClasses: Record<string, number>;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function countAttributes(counts: Counts, element: ElementName, attributes: AttributeMap): void {
  for (const [name, value] of Object.entries(attributes)) {
    const spec = attributeSpec(element, name);
    if (spec === undefined) continue;
    bump(counts.attributes, `${element}.${name}`);
    for (const valueClass of valueClasses(spec, value)) bump(counts.valueClasses, `${element}.${name}:${valueClass}`);
  }
}

function countDocument(counts: Counts, document: TwimlDocument): DialVerb | undefined {
  let found: DialVerb | undefined;
  for (const verb of document.verbs) {
    if (verb.kind !== 'Dial') continue;
    found ??= verb;
    countAttributes(counts, 'Dial', verb.attributes);
    for (const child of verb.children) {
      if (child.kind === 'element') continue;
      if (child.kind === 'text') {
        if (child.text.trim() !== '') bump(counts.nouns, 'text');
        continue;
      }
      bump(counts.nouns, child.kind);
      countAttributes(counts, child.kind, child.attributes);
      if (child.kind === 'Client') bump(counts.nouns, child.identity === undefined ? 'Client:text' : 'Client:Identity');
      if ((child.kind === 'Client' || child.kind === 'Application') && child.parameters.length > 0) bump(counts.nouns, `${child.kind}:Parameter`);
    }
  }
  return found;
}

/** @see seed §hangupOnStar, §timeLimit, §sequential, §record, §referUrl */
function countOutcome(counts: Counts, dial: DialVerb, outcome: DialOutcome): void {
  const legs = dialedLegs(dial);
  outcome.legs.forEach((leg, index) => {
    const noun = legs[index]?.kind ?? 'unknown';
    bump(counts.outcomes, `leg:${leg.response.kind}`);
    bump(counts.outcomes, `${noun}:${leg.response.kind}`);
    if (leg.sip !== undefined) bump(counts.outcomes, `sip:${leg.sip.responseCode}`);
    if (leg.amd !== undefined) bump(counts.outcomes, `amd:${leg.amd.answeredBy}`);
    if (leg.whisper !== undefined) bump(counts.outcomes, leg.whisper.hangup ? 'whisper:hangup' : 'whisper:continue');
    if (leg.conference !== undefined) bump(counts.outcomes, 'conference:room');
    for (const event of leg.conference?.events ?? []) bump(counts.outcomes, `conference:${event.kind}`);
  });
  const answered = outcome.legs.filter((leg) => leg.response.kind === 'answer').length;
  if (answered > 1) bump(counts.outcomes, 'race:several-answer');
  if (outcome.legs.length > 1) bump(counts.outcomes, dial.attributes.sequential === 'true' ? 'order:sequential' : 'order:parallel');
  if (answered > 0) {
    bump(counts.outcomes, `bridge:${outcome.bridge.endedBy}`);
    const limit = dial.attributes.timeLimit;
    if (limit !== undefined ? outcome.bridge.talkSeconds >= Number(limit) : outcome.bridge.talkSeconds >= 14400) bump(counts.outcomes, 'bridge:time-limit');
    if (outcome.bridge.childRedirected === true) bump(counts.outcomes, 'bridge:child-redirected');
  } else {
    bump(counts.outcomes, 'no-answer');
  }
  if (outcome.callerHangupWhileRingingAt !== undefined) bump(counts.outcomes, 'caller-hangup-while-ringing');
  if (outcome.canceledAt !== undefined) bump(counts.outcomes, 'canceled');
  if (outcome.recording !== undefined) bump(counts.outcomes, `recording:${outcome.recording.status}`);
  if (outcome.refer !== undefined) bump(counts.outcomes, 'refer');
}

/**
 * Counts what a set of samples exercises: attributes of the spec table (`Dial.timeout`), value
 * classes (`Dial.timeout:max`), nouns, validator rules (from the labels of invalid cases) and
 * outcome kinds. Samples that exercise nothing are a misuse: the caller would report a pass for a
 * run that checked nothing, so that throws DIALKIT_ERR_NOTHING_CHECKED.
 */
export function coverageOf(samples: Iterable<CoverageSample>): Coverage {
  const counts: Counts = { attributes: {}, nouns: {}, rules: {}, outcomes: {}, valueClasses: {} };
  for (const sample of samples) {
    if ('rules' in sample) {
      for (const rule of sample.rules) bump(counts.rules, rule);
      if (sample.kind === 'document') countDocument(counts, sample.document);
    } else if ('outcome' in sample) {
      const dial = countDocument(counts, sample.document);
      if (dial !== undefined) countOutcome(counts, dial, sample.outcome);
    } else {
      countDocument(counts, sample);
    }
  }
  const total = [counts.attributes, counts.nouns, counts.rules, counts.outcomes].reduce((sum, group) => sum + Object.keys(group).length, 0);
  if (total === 0) {
    throw new DialKitError('DIALKIT_ERR_NOTHING_CHECKED', 'the samples exercise nothing: no attribute, noun, rule or outcome was hit');
  }
  return counts;
}

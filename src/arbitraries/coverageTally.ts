import { dialedLegs } from '../../reference/legs.js';
import { ALL_ATTRIBUTES, type AttributeSpec } from '../../reference/spec/attributes.js';
import type { DialVerb } from '../model/dial.js';
import type { AttributeMap, TwimlDocument } from '../model/document.js';
import type { DialOutcome } from '../model/outcome.js';
import { KeyCounts, keyNumber } from './keyCounts.js';
import { eachValueClass } from './valueClasses.js';

/** Kinds whose value falls in exactly one class, found from the value alone: their keys are kept per value. */
const ONE_CLASS_KINDS = new Set(['enum', 'boolean', 'integer', 'digits']);
/** Values remembered per attribute; past that (an invalid case's random values), classes are worked out each time. */
const MAX_REMEMBERED_VALUES = 512;

/** One attribute of the spec table with the numbers of its coverage keys, made once: `Dial.timeout`, then `Dial.timeout:max` per class. */
class AttributeKeys {
  /** `Dial.timeout`: the attribute's key, and the start of its value classes' keys. */
  private readonly text: string;
  readonly key: number;
  private readonly classKeys = new Map<string, number>();
  /** For kinds of {@link ONE_CLASS_KINDS}: value to the number of its value-class key. */
  readonly byValue: Map<string, number> | undefined;

  constructor(readonly spec: AttributeSpec) {
    this.text = `${spec.element}.${spec.name}`;
    this.key = keyNumber(this.text);
    this.byValue = ONE_CLASS_KINDS.has(spec.value.kind) ? new Map() : undefined;
  }

  /** The value-class key of a value of a one-class kind, once worked out. */
  oneClassKey(value: string): number | undefined {
    return this.byValue?.get(value);
  }

  remember(value: string, classKey: number): void {
    if (this.byValue !== undefined && this.byValue.size < MAX_REMEMBERED_VALUES) this.byValue.set(value, classKey);
  }

  classKey(valueClass: string): number {
    let key = this.classKeys.get(valueClass);
    if (key === undefined) {
      key = keyNumber(`${this.text}:${valueClass}`);
      this.classKeys.set(valueClass, key);
    }
    return key;
  }
}

const KEYS_BY_ELEMENT = new Map<string, Map<string, AttributeKeys>>();
for (const spec of ALL_ATTRIBUTES) {
  let forElement = KEYS_BY_ELEMENT.get(spec.element);
  if (forElement === undefined) {
    forElement = new Map();
    KEYS_BY_ELEMENT.set(spec.element, forElement);
  }
  forElement.set(spec.name, new AttributeKeys(spec));
}
const NO_ATTRIBUTES = new Map<string, AttributeKeys>();

/** `Client:Parameter`, `Application:Parameter`: the only nouns that carry `<Parameter>`. */
const PARAMETER_KEYS: Readonly<Record<string, string>> = { Client: 'Client:Parameter', Application: 'Application:Parameter' };

/**
 * The counts behind {@link coverageOf} and the runners' coverage, bumped in place by key numbers made
 * once per attribute and value class, so counting a document allocates next to nothing and hashes no key.
 * `hits` counts the bumps of the groups that say a sample exercised something (attributes, nouns, rules,
 * outcomes); value classes only ever come with an attribute.
 */
export class CoverageTally {
  readonly attributes = new KeyCounts();
  readonly nouns = new KeyCounts();
  readonly rules = new KeyCounts();
  readonly outcomes = new KeyCounts();
  readonly valueClasses = new KeyCounts();
  hits = 0;
  /** The attribute whose value classes {@link countValueClass} is counting. */
  private current: AttributeKeys | undefined;
  private readonly countValueClass = (valueClass: string): void => {
    const keys = this.current as AttributeKeys;
    const classKey = keys.classKey(valueClass);
    keys.remember(this.currentValue, classKey);
    this.valueClasses.bump(classKey);
  };
  private currentValue = '';

  rule(id: string, by = 1): void {
    this.hits += 1;
    this.rules.add(id, by);
  }

  /** Counts the attributes and nouns of every `<Dial>`; returns the first `<Dial>`, if any. */
  document(document: TwimlDocument): DialVerb | undefined {
    let found: DialVerb | undefined;
    for (const verb of document.verbs) {
      if (verb.kind !== 'Dial') continue;
      found ??= verb;
      this.attributesOf('Dial', verb.attributes);
      for (const child of verb.children) {
        if (child.kind === 'element') continue;
        if (child.kind === 'text') {
          if (child.text.trim() !== '') this.noun('text');
          continue;
        }
        this.noun(child.kind);
        this.attributesOf(child.kind, child.attributes);
        if (child.kind === 'Client') this.noun(child.identity === undefined ? 'Client:text' : 'Client:Identity');
        if ((child.kind === 'Client' || child.kind === 'Application') && child.parameters.length > 0) this.noun(PARAMETER_KEYS[child.kind] as string);
      }
    }
    return found;
  }

  /** @see seed §hangupOnStar, §timeLimit, §sequential, §record, §referUrl */
  outcome(dial: DialVerb, outcome: DialOutcome): void {
    const legs = dialedLegs(dial);
    outcome.legs.forEach((leg, index) => {
      const noun = legs[index]?.kind ?? 'unknown';
      this.outcomeKey(`leg:${leg.response.kind}`);
      this.outcomeKey(`${noun}:${leg.response.kind}`);
      if (leg.sip !== undefined) this.outcomeKey(`sip:${leg.sip.responseCode}`);
      if (leg.amd !== undefined) this.outcomeKey(`amd:${leg.amd.answeredBy}`);
      if (leg.whisper !== undefined) this.outcomeKey(leg.whisper.hangup ? 'whisper:hangup' : 'whisper:continue');
      if (leg.conference !== undefined) this.outcomeKey('conference:room');
      for (const event of leg.conference?.events ?? []) this.outcomeKey(`conference:${event.kind}`);
    });
    const answered = outcome.legs.filter((leg) => leg.response.kind === 'answer').length;
    if (answered > 1) this.outcomeKey('race:several-answer');
    if (outcome.legs.length > 1) this.outcomeKey(dial.attributes.sequential === 'true' ? 'order:sequential' : 'order:parallel');
    if (answered > 0) {
      this.outcomeKey(`bridge:${outcome.bridge.endedBy}`);
      const limit = dial.attributes.timeLimit;
      const atLimit = limit !== undefined ? outcome.bridge.talkSeconds >= Number(limit) : outcome.bridge.talkSeconds >= 14400;
      if (atLimit) this.outcomeKey('bridge:time-limit');
      if (outcome.bridge.childRedirected === true) this.outcomeKey('bridge:child-redirected');
    } else {
      this.outcomeKey('no-answer');
    }
    if (outcome.callerHangupWhileRingingAt !== undefined) this.outcomeKey('caller-hangup-while-ringing');
    if (outcome.canceledAt !== undefined) this.outcomeKey('canceled');
    if (outcome.recording !== undefined) this.outcomeKey(`recording:${outcome.recording.status}`);
    if (outcome.refer !== undefined) this.outcomeKey('refer');
  }

  private noun(key: string): void {
    this.hits += 1;
    this.nouns.add(key);
  }

  private outcomeKey(key: string): void {
    this.hits += 1;
    this.outcomes.add(key);
  }

  private attributesOf(element: string, attributes: AttributeMap): void {
    const table = KEYS_BY_ELEMENT.get(element) ?? NO_ATTRIBUTES;
    for (const name of Object.keys(attributes)) {
      const keys = table.get(name);
      if (keys === undefined) continue;
      this.hits += 1;
      this.attributes.bump(keys.key);
      const value = attributes[name] as string;
      const known = keys.oneClassKey(value);
      if (known !== undefined) {
        this.valueClasses.bump(known);
        continue;
      }
      this.current = keys;
      this.currentValue = value;
      eachValueClass(keys.spec, value, this.countValueClass);
    }
  }
}

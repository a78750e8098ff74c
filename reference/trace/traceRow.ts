import type { SourceKind } from './citations.js';

/**
 * One line of the traceability table: a sentence (or a few sentences, or a table row) of a source,
 * and what implements it. A row names rules, interpreter rules, properties or options, or says why
 * it is not modelled; several of these may apply at once.
 */
export interface TraceRow {
  readonly kind: SourceKind;
  /** Seed section key, fact-sheet paragraph id, or page fact id. */
  readonly section: string;
  /** Short and stable within the section. */
  readonly key: string;
  /** A few words of the source each, so a reader finds the sentences (whitespace normalised). */
  readonly quotes: readonly string[];
  /** Validator rule ids; `prefix.*` stands for every rule id starting with `prefix.`. */
  readonly rules?: readonly string[];
  /** Interpreter rule ids (INTERPRET_RULES). */
  readonly interpret?: readonly string[];
  /** Catalogue property ids (GEN-*, INT-*, EP-*) and spec-table entries (`attribute:Dial.timeout`). */
  readonly properties?: readonly string[];
  /** Options that decide where the sources are silent or disagree: `validate.combinations`, `interpret.timeoutBuffer`. */
  readonly options?: readonly string[];
  /**
   * Plays of the endpoint walk that implement it (src/check/endpoint: `playGather`, `playRecord`) and
   * the play options that decide where the source is silent (`VERB_PLAY_OPTIONS.gatherHangup`).
   */
  readonly plays?: readonly string[];
  /** Why the sentence is not modelled (not normative, not about TwiML the kit sees, runtime-only, …). */
  readonly notModelled?: string;
}

/** `seed §timeout default`: how the table and the CLI name a row. */
export function rowId(row: TraceRow): string {
  return `${row.kind} §${row.section} ${row.key}`;
}

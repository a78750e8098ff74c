import { FACTS_ROWS } from './factsRows.js';
import { PAGE_ROWS } from './pageRows.js';
import { SEED_ROWS } from './seedRows.js';
import type { TraceRow } from './traceRow.js';

/**
 * The traceability table: every sentence of the seed, every paragraph of the fact sheet and every fact
 * taken from Twilio's pages, with the rules, interpreter rules, properties and options that implement it,
 * or why it is not modelled. test/reference/traceability.spec.ts keeps it complete and true.
 */
export const TRACE_TABLE: readonly TraceRow[] = [...SEED_ROWS, ...FACTS_ROWS, ...PAGE_ROWS];

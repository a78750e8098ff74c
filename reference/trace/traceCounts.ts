import type { TraceRow } from './traceRow.js';

export interface TraceCounts {
  readonly rows: number;
  readonly seedRows: number;
  readonly factsRows: number;
  readonly pageRows: number;
  /** Quoted fragments: each names at least one sentence, table row or list item. */
  readonly quotes: number;
  /** Rows that name a rule, an interpreter rule, a property, an option or an endpoint play. */
  readonly modelled: number;
  /** Rows with a reason something is not modelled (some are also partly modelled). */
  readonly notModelled: number;
  /** Rows that are only "not modelled". */
  readonly onlyNotModelled: number;
  readonly withOptions: number;
}

/** The figures `dial-kit rules --sources` prints under the table. */
export function traceCounts(table: readonly TraceRow[]): TraceCounts {
  const names = (row: TraceRow): number => [row.rules, row.interpret, row.properties, row.options, row.plays].reduce((sum, list) => sum + (list?.length ?? 0), 0);
  return {
    rows: table.length,
    seedRows: table.filter((row) => row.kind === 'seed').length,
    factsRows: table.filter((row) => row.kind === 'facts').length,
    pageRows: table.filter((row) => row.kind === 'page').length,
    quotes: table.reduce((sum, row) => sum + row.quotes.length, 0),
    modelled: table.filter((row) => names(row) > 0).length,
    notModelled: table.filter((row) => row.notModelled !== undefined).length,
    onlyNotModelled: table.filter((row) => names(row) === 0).length,
    withOptions: table.filter((row) => (row.options?.length ?? 0) > 0).length,
  };
}

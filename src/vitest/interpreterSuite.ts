import { checkInterpreter, INTERPRETER_PROPERTIES } from '../../properties/interpreterCheck.js';
import type { InterpreterCheckOptions } from '../check/interpreter/interpreterOptions.js';
import { selectProperties } from '../check/selectProperties.js';
import { reportSuite, type SuiteOptions } from './reportSuite.js';

export interface InterpreterSuiteOptions extends InterpreterCheckOptions, SuiteOptions {
  /** The profile's file, named in replay lines (`--profile FILE`) when `profile` is given. */
  readonly profilePath?: string;
}

/**
 * Registers a TwiML interpreter check as vitest tests, one per interpreter property: `dialKit.interpreter(
 * 'my platform', { command: 'node', args: ['driver.mjs'], runs: 50, expect: { 'INTERP-TIMING': 'fail' } })`.
 */
export function interpreterSuite(name: string, options: InterpreterSuiteOptions): void {
  const properties = selectProperties(INTERPRETER_PROPERTIES, options.properties);
  // A run without a seed would play different calls each time; a regression test replays the same ones.
  const run = (): ReturnType<typeof checkInterpreter> => checkInterpreter({ ...options, seed: options.seed ?? 20_261_124 });
  reportSuite(name, properties, run, { ...options, timeout: options.timeout ?? 300_000 });
}

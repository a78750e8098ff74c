import { builderProperties } from '../../properties/builder.js';
import { checkGenerator, type CheckGeneratorOptions } from '../../properties/checkGenerator.js';
import type { BuilderProperty } from '../check/builderProperty.js';
import { selectProperties } from '../check/selectProperties.js';
import { compressPath } from '../check/replayToken.js';
import { reportSuite, type SuiteOptions } from './reportSuite.js';

export type GeneratorSuiteOptions = CheckGeneratorOptions & SuiteOptions;

/**
 * Registers a TwiML builder check as vitest tests, one per property: `dialKit.generator('my builder',
 * { target: (document) => build(document) })`. Without a target, the bundled twilio package is checked.
 */
export function generatorSuite(name: string, options: GeneratorSuiteOptions = {}): void {
  const properties = selectProperties(builderProperties(options.only ?? 'all'), options.properties);
  // The command line would not know this target: a finding says which options replay it here.
  const replayLine = (property: BuilderProperty, seed: number, path: string): string =>
    `dialKit.generator(${JSON.stringify(name)}, { …, seed: ${seed}, only: '${property.documents}', replayPath: '${compressPath(path)}' })`;
  reportSuite(name, properties, () => checkGenerator({ replayLine, ...options }), { ...options, timeout: options.timeout ?? 120_000 });
}

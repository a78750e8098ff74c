/**
 * `twiml-dial-kit/vitest`: the kit's checks as vitest tests, for a team's regression suite. vitest is a
 * peer dependency: this entry point uses the vitest the project already runs.
 *
 * ```ts
 * import { dialKit, test, fc } from 'twiml-dial-kit/vitest';
 * import { dialDocument } from 'twiml-dial-kit';
 *
 * dialKit.generator('my builder', { target: (document) => myBuild(document), runs: 200 });
 * dialKit.endpoint('voice app', { url: () => app.url, authToken: TOKEN, runs: 50 });
 * dialKit.interpreter('my platform', { command: 'node', args: ['driver.mjs'], runs: 50 });
 * test.prop([dialDocument()])('my serializer keeps every <Dial>', (document) => { … });
 * ```
 */
import { endpointSuite } from './endpointSuite.js';
import { generatorSuite } from './generatorSuite.js';
import { interpreterSuite } from './interpreterSuite.js';

export const dialKit = {
  /** One test per builder property (`GEN-BUILD-*`); fails with the kit's findings. */
  generator: generatorSuite,
  /** One test per endpoint property (`EP-*`); fails with the kit's findings. */
  endpoint: endpointSuite,
  /** One test per interpreter property (`INTERP-*`), played through a carrier-protocol driver; fails with the kit's findings. */
  interpreter: interpreterSuite,
} as const;

export { default as fc } from 'fast-check';
export { DialKitFindingsError, type Expectations, type SuiteOptions } from './reportSuite.js';
export type { GeneratorSuiteOptions } from './generatorSuite.js';
export type { EndpointSuiteOptions } from './endpointSuite.js';
export type { InterpreterSuiteOptions } from './interpreterSuite.js';
export { it, test, type Prop } from './testProp.js';

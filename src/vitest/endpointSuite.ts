import { checkEndpoint, endpointProperties } from '../../properties/endpoint.js';
import type { EndpointCheckOptions } from '../check/endpoint/endpointOptions.js';
import type { RunReport } from '../check/findings.js';
import { selectProperties } from '../check/selectProperties.js';
import { reportSuite, type SuiteOptions } from './reportSuite.js';

export interface EndpointSuiteOptions extends Omit<EndpointCheckOptions, 'url'>, SuiteOptions {
  /** The voice URL, or a function giving it once the app is up (an app started in `beforeAll`). */
  readonly url: string | (() => string | Promise<string>);
}

/**
 * Registers a live webhook check as vitest tests, one per endpoint property: `dialKit.endpoint('voice
 * app', { url: () => app.url, authToken, runs: 50, expect: { 'EP-TWIML-WARNING': 'fail' } })`.
 */
export function endpointSuite(name: string, options: EndpointSuiteOptions): void {
  const properties = selectProperties(endpointProperties(options.expectations), options.properties);
  const run = async (): Promise<RunReport> => {
    const url = typeof options.url === 'function' ? await options.url() : options.url;
    // A run without a seed would place different calls each time; a regression test replays the same ones.
    return checkEndpoint({ ...options, url, seed: options.seed ?? 20_261_124 });
  };
  reportSuite(name, properties, run, { ...options, timeout: options.timeout ?? 120_000 });
}

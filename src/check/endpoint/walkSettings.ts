import { MAX_TWIML_BYTES } from '../../../reference/spec/elements.js';
import { DialKitError } from '../../errors.js';
import { DEFAULT_MAX_STEPS, type EndpointCheckOptions } from './endpointOptions.js';
import { ValidationCache } from './validationCache.js';
import type { WalkSettings } from './walkCall.js';

/** The voice URL of a run, checked: absolute, http or https; otherwise one sentence of usage error. */
export function voiceUrlOf(options: Pick<EndpointCheckOptions, 'url'>): URL {
  let target: URL;
  try {
    target = new URL(options.url);
  } catch {
    throw new DialKitError('DIALKIT_ERR_USAGE', `the voice URL ${JSON.stringify(options.url)} is not an absolute URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new DialKitError('DIALKIT_ERR_USAGE', `the voice URL must be http or https, not ${target.protocol}`);
  }
  return target;
}

/** How every call of a run is walked (the run itself and the replay of stored calls walk alike). */
export function walkSettingsOf(target: URL, options: EndpointCheckOptions): WalkSettings {
  return {
    url: target.href,
    method: options.method ?? 'POST',
    maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
    maxTwimlBytes: MAX_TWIML_BYTES,
    redirectMethod: options.redirectMethod ?? 'browser',
    ...(options.authToken === undefined ? {} : { authToken: options.authToken }),
    ...(options.validate === undefined ? {} : { validate: options.validate }),
    ...(options.interpret === undefined ? {} : { interpret: options.interpret }),
    validationCache: new ValidationCache({ ...options.validate, maxBytes: MAX_TWIML_BYTES }),
  };
}

import type { ValidateOptions } from '../../reference/validate.js';
import { DialKitError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../xml/parse.js';
import { integerOption } from './args.js';

// The flags live apart so the command table can print usages without loading the XML parser.
export { VALIDATE_FLAGS, VALIDATE_FLAGS_USAGE } from './validateFlags.js';

export function validateOptionsFrom(values: { 'allow-24h'?: boolean; combinations?: string; 'max-bytes'?: string; 'queue-name-limit'?: string }): ValidateOptions {
  const combinations = values.combinations ?? 'conservative';
  if (combinations !== 'documented' && combinations !== 'conservative') {
    throw new DialKitError('DIALKIT_ERR_USAGE', `--combinations must be documented or conservative, not ${JSON.stringify(combinations)}`);
  }
  const queueNameLimit = values['queue-name-limit'] ?? 'shorter-than-64';
  if (queueNameLimit !== 'shorter-than-64' && queueNameLimit !== '64-or-less') {
    throw new DialKitError('DIALKIT_ERR_USAGE', `--queue-name-limit must be shorter-than-64 or 64-or-less, not ${JSON.stringify(queueNameLimit)}`);
  }
  return {
    allow24HourCalls: values['allow-24h'] === true,
    combinations,
    maxBytes: integerOption('max-bytes', values['max-bytes'], DEFAULT_MAX_BYTES, 1),
    queueNameLimit,
  };
}

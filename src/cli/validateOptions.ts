import type { ValidateOptions } from '../../reference/validate.js';
import { DialKitError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../xml/parse.js';
import { integerOption } from './args.js';

/** The validator options as CLI flags, shared by every command that validates TwiML. */
export const VALIDATE_FLAGS = {
  'allow-24h': { type: 'boolean' },
  combinations: { type: 'string' },
  'max-bytes': { type: 'string' },
  'queue-name-limit': { type: 'string' },
} as const;

export const VALIDATE_FLAGS_USAGE = '[--allow-24h] [--combinations documented|conservative] [--max-bytes N] [--queue-name-limit shorter-than-64|64-or-less]';

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

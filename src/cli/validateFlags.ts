/** The validator options as CLI flags, shared by every command that validates TwiML. */
export const VALIDATE_FLAGS = {
  'allow-24h': { type: 'boolean' },
  combinations: { type: 'string' },
  'max-bytes': { type: 'string' },
  'queue-name-limit': { type: 'string' },
} as const;

export const VALIDATE_FLAGS_USAGE = '[--allow-24h] [--combinations documented|conservative] [--max-bytes N] [--queue-name-limit shorter-than-64|64-or-less]';

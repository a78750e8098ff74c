/** The report flags every checking command takes; `-` means standard output. */
export const REPORT_FLAGS = {
  json: { type: 'string' },
  junit: { type: 'string' },
  html: { type: 'string' },
  ndjson: { type: 'string' },
  shard: { type: 'string' },
} as const;

export const REPORT_USAGE = '[--json F|-] [--junit F|-] [--html F|-] [--ndjson F|-] [--shard I/N]';

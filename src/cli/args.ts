import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DialKitError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs<O extends Options> {
  readonly values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? (O[K]['multiple'] extends true ? boolean[] : boolean) : O[K]['multiple'] extends true ? string[] : string };
  readonly positionals: string[];
}

/** node:util parseArgs, with its errors turned into one-sentence usage errors. */
export function parseCommandArgs<O extends Options>(args: readonly string[], options: O, maxPositionals = Infinity): ParsedArgs<O> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw new DialKitError('DIALKIT_ERR_USAGE', (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, ''));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`);
  }
  return parsed as unknown as ParsedArgs<O>;
}

/** A whole number option, or a usage error naming the flag. */
export function integerOption(name: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^-?[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `--${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

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
    parsed = parseArgs({ args: withNegativeNumbers(args, options), options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    // node's sentences run over several lines with advice about positionals; the first sentence is the one that matters.
    const first = (error as Error).message.split('\n')[0] ?? '';
    throw new DialKitError('DIALKIT_ERR_USAGE', first.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, ''));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals])}`);
  }
  return parsed as unknown as ParsedArgs<O>;
}

/**
 * `--seed -5` as `--seed=-5`: node's parser reads a value starting with a dash as an option, but a
 * negative number after an option that takes a value can only be that value (seeds may be negative).
 */
function withNegativeNumbers(args: readonly string[], options: Options): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--') return [...joined, ...args.slice(index)];
    const next = args[index + 1];
    const takesValue = arg.startsWith('--') && options[arg.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-[0-9]/.test(next)) {
      joined.push(`${arg}=${next}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** A whole number option, or a usage error naming the flag. */
export function integerOption(name: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^-?[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `--${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

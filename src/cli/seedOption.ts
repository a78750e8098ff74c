import { integerOption } from './args.js';

/** fast-check seeds are 32-bit signed integers; every command takes the same range, so a seed printed by one is accepted by all. */
export const SEED_MIN = -2_147_483_648;
export const SEED_MAX = 2_147_483_647;

/** The `--seed` option of any command, or the command's default. */
export function seedOption(value: string | undefined, fallback: number): number {
  return integerOption('seed', value, fallback, SEED_MIN, SEED_MAX);
}

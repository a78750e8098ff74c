/**
 * Identifiers derived from a seed, so the same input always gives the same trace. The kit never
 * uses Math.random: a 32-bit FNV-1a hash of the label seeds a small xorshift stream.
 */

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Each byte as two lowercase hex digits. */
const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** `prefix` + 32 lowercase hex digits, a pure function of (seed, prefix, label). */
export function sidFor(prefix: string, seed: number, label: string): string {
  let state = fnv1a(`${seed}|${prefix}|${label}`) || 0x9e3779b9;
  let hex = '';
  for (let word = 0; word < 4; word += 1) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    hex += (HEX_BYTES[state >>> 24] as string) + (HEX_BYTES[(state >>> 16) & 0xff] as string) + (HEX_BYTES[(state >>> 8) & 0xff] as string) + (HEX_BYTES[state & 0xff] as string);
  }
  return `${prefix}${hex}`;
}

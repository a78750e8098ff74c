import { DialKitError } from '../errors.js';

/** Fewer equal entries in a row are written out: `0:0` is as short as `0*2`. */
const MIN_RUN = 3;
/** A token that expands past this is a typo (`0*99999999`), not a path fast-check printed. */
const MAX_ENTRIES = 100_000;
const ENTRY = /^(\d+)(?:\*(\d+))?$/;

/**
 * A fast-check replay path written short: a run of k >= 3 equal entries `v` becomes `v*k`
 * (`12:0:0:0:1:1:1:1` → `12:0*3:1*4`). Paths after shrinking can hold hundreds of entries.
 */
export function compressPath(path: string): string {
  if (path === '') return path;
  const entries = path.split(':');
  const parts: string[] = [];
  for (let start = 0; start < entries.length; ) {
    let end = start + 1;
    while (end < entries.length && entries[end] === entries[start]) end += 1;
    const run = end - start;
    const value = entries[start] as string;
    parts.push(...(run >= MIN_RUN ? [`${value}*${run}`] : Array<string>(run).fill(value)));
    start = end;
  }
  return parts.join(':');
}

/**
 * The fast-check path a replay token stands for; takes both the long form (`12:0:0:0`) and the short
 * one (`12:0*3`). Anything else is a usage error.
 */
export function expandPath(token: string): string {
  const entries: string[] = [];
  for (const part of token.split(':')) {
    const match = ENTRY.exec(part);
    const count = match?.[2] === undefined ? 1 : Number(match[2]);
    if (match === null || count < 1 || entries.length + count > MAX_ENTRIES) throw notAPath(token);
    for (let i = 0; i < count; i += 1) entries.push(match[1] as string);
  }
  return entries.join(':');
}

function notAPath(token: string): DialKitError {
  const shown = token.length > 60 ? `${token.slice(0, 60)}…` : token;
  return new DialKitError(
    'DIALKIT_ERR_USAGE',
    `a replay path is numbers separated by colons, a run of one number written as 0*5, not ${JSON.stringify(shown)}`,
  );
}

/** One row of a side-by-side diff: the expected line, the actual line, or both. */
export interface DiffRow {
  readonly kind: 'same' | 'changed' | 'removed' | 'added';
  readonly expected?: string;
  readonly actual?: string;
}

/** Beyond this many lines a side, the LCS table would be large; the two texts are then shown whole, every line marked. */
const MAX_LINES = 1500;

/**
 * XML text as lines a reader can compare: one tag or one text run per line, indented by depth. Only
 * for display; the comparison that decides a finding is the reference's, not this.
 */
export function xmlLines(xml: string): string[] {
  const lines: string[] = [];
  let depth = 0;
  for (const token of xml.split(/(<[^>]*>)/)) {
    if (token.trim() === '') continue;
    const closing = token.startsWith('</');
    const opening = token.startsWith('<') && !closing && !token.startsWith('<?') && !token.startsWith('<!') && !token.endsWith('/>');
    if (closing) depth = Math.max(0, depth - 1);
    lines.push(`${'  '.repeat(depth)}${token}`);
    if (opening) depth += 1;
  }
  return lines;
}

/** Line diff (longest common subsequence); a run of removed lines next to added ones pairs up as changed rows. */
export function diffRows(expected: readonly string[], actual: readonly string[]): DiffRow[] {
  if (expected.length > MAX_LINES || actual.length > MAX_LINES) {
    return [...expected.map((line): DiffRow => ({ kind: 'removed', expected: line })), ...actual.map((line): DiffRow => ({ kind: 'added', actual: line }))];
  }
  const width = actual.length + 1;
  const table = new Uint16Array((expected.length + 1) * width);
  for (let i = expected.length - 1; i >= 0; i -= 1) {
    for (let j = actual.length - 1; j >= 0; j -= 1) {
      table[i * width + j] = expected[i] === actual[j] ? (table[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    for (let k = 0; k < Math.max(removed.length, added.length); k += 1) {
      const [left, right] = [removed[k], added[k]];
      if (left !== undefined && right !== undefined) rows.push({ kind: 'changed', expected: left, actual: right });
      else if (left !== undefined) rows.push({ kind: 'removed', expected: left });
      else if (right !== undefined) rows.push({ kind: 'added', actual: right });
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < expected.length || j < actual.length) {
    if (i < expected.length && j < actual.length && expected[i] === actual[j]) {
      flush();
      rows.push({ kind: 'same', expected: expected[i] as string, actual: actual[j] as string });
      i += 1;
      j += 1;
    } else if (j >= actual.length || (i < expected.length && (table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))) {
      removed.push(expected[i] as string);
      i += 1;
    } else {
      added.push(actual[j] as string);
      j += 1;
    }
  }
  flush();
  return rows;
}

/** The part of two lines that differs: lengths of their common start and common end. */
export function commonEnds(a: string, b: string): { readonly start: number; readonly end: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  return { start, end };
}

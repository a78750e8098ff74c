/** Where each kind of markup that may mention `<` and `&` freely ends. */
const CLOSERS: readonly (readonly [open: string, close: string])[] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

/**
 * The text with every comment, CDATA section and processing instruction blanked out (same length, so
 * offsets still point into the original). Scanners for declarations, references and tags then need no
 * lazy `[\s\S]*?` patterns, which take quadratic time on input such as `<!--` repeated 16 000 times.
 * An unterminated one is blanked to the end; the well-formedness check reports it.
 */
export function maskMarkup(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', from)) {
    const closer = CLOSERS.find(([open]) => text.startsWith(open, at));
    if (closer === undefined) {
      out += text.slice(from, at + 1);
      from = at + 1;
      continue;
    }
    const close = text.indexOf(closer[1], at + closer[0].length);
    const end = close === -1 ? text.length : close + closer[1].length;
    out += text.slice(from, at) + ' '.repeat(end - at);
    from = end;
  }
  return out + text.slice(from);
}

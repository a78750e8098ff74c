/**
 * XML 1.0 `Char` production (§2.2): TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
 * With the `u` flag a lone surrogate is a code point of its own and so is caught too.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Index of the first character XML 1.0 cannot carry, or -1. */
export function firstNonXmlChar(text: string): number {
  const match = NOT_XML_CHAR.exec(text);
  return match === null ? -1 : match.index;
}

export function isXmlText(text: string): boolean {
  return firstNonXmlChar(text) === -1;
}

/** `U+0001`-style name of the code point at `index`, for messages. */
export function describeCodePoint(text: string, index: number): string {
  const codePoint = text.codePointAt(index) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** 1-based line and column of a string index. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = new RegExp(`^[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`, 'u');

/** XML 1.0 (fifth edition) `Name` production (§2.3): what an element or attribute may be called. */
export function isXmlName(name: string): boolean {
  return NAME.test(name);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameXmlText } from '../../src/check/checkBuild.js';

/** The definition the one-pass comparison must match: replace, then compare; then `]]>` in text. */
function byReplacing(expected: string, actual: string): boolean {
  if (actual === expected) return true;
  if (expected.replaceAll('&gt;', '>') !== actual.replaceAll('&gt;', '>').replaceAll('&apos;', "'")) return false;
  if (!actual.includes(']]>')) return true;
  // ]]> outside tags, quotes respected (the scan the kit used before the one-pass version).
  let inTag = false;
  let quote = '';
  for (let i = 0; i < actual.length; i++) {
    const char = actual[i];
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (inTag) {
      if (char === '"' || char === "'") quote = char;
      else if (char === '>') inTag = false;
    } else if (char === '<') inTag = true;
    else if (char === '>' && actual[i - 1] === ']' && actual[i - 2] === ']') return false;
  }
  return true;
}

const tokens = ['a', 'b', '>', '&gt;', "'", '&apos;', '&', 'gt;', 'apos;', '&amp;', '<x y="', '">', '<x/>', ']', ']]>', '"', ' '];
const respell: Readonly<Record<string, readonly string[]>> = { '>': ['>', '&gt;'], '&gt;': ['&gt;', '>'], "'": ["'", '&apos;'], '&apos;': ['&apos;', "'"] };

describe('sameXmlText: one pass, same answer as replacing and comparing', () => {
  it('on respelled and edited strings', () => {
    const pair = fc
      .array(fc.constantFrom(...tokens), { maxLength: 30 })
      .chain((parts) =>
        fc.tuple(
          fc.constant(parts.join('')),
          fc.tuple(...parts.map((part) => fc.constantFrom(...(respell[part] ?? [part])))).map((spelled) => spelled.join('')),
          fc.option(fc.tuple(fc.nat(), fc.constantFrom(...tokens)), { nil: undefined }),
        ),
      )
      .map(([expected, actual, edit]) => [expected, edit === undefined ? actual : actual.slice(0, edit[0] % (actual.length + 1)) + edit[1] + actual.slice(edit[0] % (actual.length + 1))] as const);
    fc.assert(fc.property(pair, ([expected, actual]) => sameXmlText(expected, actual) === byReplacing(expected, actual)), { seed: 11, numRuns: 20_000 });
  });

  it('on the corners', () => {
    expect(sameXmlText('<a b="&gt;"/>', '<a b=">"/>')).toBe(true);
    expect(sameXmlText("<a>'</a>", '<a>&apos;</a>')).toBe(true);
    expect(sameXmlText('<a>&apos;</a>', "<a>'</a>")).toBe(false);
    expect(sameXmlText('<a>]]&gt;</a>', '<a>]]></a>')).toBe(false);
    expect(sameXmlText('<a b="]]&gt;"/>', '<a b="]]>"/>')).toBe(true);
    expect(sameXmlText('<a>&gt;</a>', '<a>&gt</a>')).toBe(false);
    expect(sameXmlText('<a>x</a>', '<a>x</a>y')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Difference } from '../../reference/compare.js';
import { differenceCause } from '../../src/check/rootCause.js';

const at = (path: string, expected: string, actual: string, rule = 'x'): Difference => ({ path, expected, actual, rule, source: 'test' });
const CR = 'TAB, LF or CR written raw (read back as a space in an attribute, CR as a line feed in text)';

describe('one root cause per transformation of the value', () => {
  it('"&" escaped twice is one cause in an attribute, a noun\'s text and a <Say>', () => {
    const causes = [
      at('/Response/Dial[1]/@action', '/next?a=1&b=2', '/next?a=1&amp;b=2', 'dial.action'),
      at('/Response/Dial[1]/Queue[1]/text()', '&', '&amp;', 'queue.content'),
      at('/Response/Say[1]/text()', 'a & b', 'a &amp; b', 'text'),
    ].map(differenceCause);
    expect(new Set(causes)).toEqual(new Set(['"&" escaped twice']));
  });

  it('raw white space is one cause: CR read back as LF in text, TAB/LF/CR as spaces in an attribute, inside <Parameter>', () => {
    const causes = [
      at('/Response/Dial[1]/@passports', '\t&\n', ' & ', 'dial.passports'),
      at('/Response/Dial[1]/Sip[1]/@username', '\n \r', '   ', 'sip.username'),
      at('/Response/Dial[1]/@callReason', '\r\n\n', '  ', 'dial.callReason'),
      at('/Response/Dial[1]/@callerId', '+1\t', '+1 ', 'dial.callerId'),
      at('/Response/Dial[1]/Conference[1]/text()', '\r', '\n', 'conference.content'),
      at('/Response/Dial[1]/@callReason', '\r\n', ' ', 'dial.callReason'),
      at('/Response/Dial[1]/@callReason', 'a\r\r', 'a  ', 'dial.callReason'),
      at('/Response/Dial[1]/Client[1]/Parameter', '[["name","\\n\\r "],["value",""]] [["name","\\r"],["value",""]]', '[["name"," "],["value",""]] [["name","\\n  "],["value",""]]', 'client.parameter'),
    ].map(differenceCause);
    expect(new Set(causes)).toEqual(new Set([CR]));
  });

  it('distinct bugs stay distinct: a dropped parameter, a letter case change, a clamped number', () => {
    expect(differenceCause(at('/Response/Dial[1]/Client[1]/Parameter', '[["name","a"]] [["name","b"]]', '[["name","a"]]', 'client.parameter'))).toBe('client.parameter: changed');
    expect(differenceCause(at('/Response/Dial[1]/@method', 'GET', 'get', 'dial.method'))).toBe('attribute value: letter case changed');
    expect(differenceCause(at('/Response/Dial[1]/@timeout', '600', '120', 'dial.timeout'))).toBe('integer value written differently');
  });
});

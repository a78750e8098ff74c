import { describe, expect, it } from 'vitest';
import { validateXml } from '../../reference/validate.js';
import { ValidationCache } from '../../src/check/endpoint/validationCache.js';
import { DIAL_DOCUMENT } from './fakeApp.js';

describe('ValidationCache', () => {
  it('gives what validateXml gives, for good, warned and malformed documents, with the options it was made with', () => {
    const options = { maxBytes: 64 };
    const cache = new ValidationCache(options);
    for (const text of [DIAL_DOCUMENT, DIAL_DOCUMENT.replace('timeout="20"', 'timeout="900"'), '<Response><Dial>', '<Response/>']) {
      expect(cache.validate(text)).toEqual(validateXml(text, options));
      expect(cache.validate(text)).toEqual(validateXml(text, options));
    }
    // Teeth: the size cap of the options is applied (DIAL_DOCUMENT is longer than 64 bytes).
    expect(cache.validate(DIAL_DOCUMENT).diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('xml.size');
  });

  it('answers a repeated body from memory, and forgets the least recently used body once full', () => {
    const cache = new ValidationCache({});
    const first = cache.validate('<Response><Say>0</Say></Response>');
    expect(cache.validate('<Response><Say>0</Say></Response>')).toBe(first);
    for (let index = 1; index < 600; index += 1) {
      cache.validate(`<Response><Say>${index}</Say></Response>`);
      // Body 0 stays young: it is asked for again and again.
      if (index % 100 === 0) expect(cache.validate('<Response><Say>0</Say></Response>')).toBe(first);
    }
    expect(cache.validate('<Response><Say>0</Say></Response>')).toBe(first);
    const early = cache.validate('<Response><Say>1</Say></Response>');
    expect(cache.validate('<Response><Say>1</Say></Response>')).toBe(early);
    expect(early).toEqual(validateXml('<Response><Say>1</Say></Response>'));
  });
});

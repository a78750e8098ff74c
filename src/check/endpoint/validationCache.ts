import type { ValidateOptions, XmlValidation } from '../../../reference/validate.js';
import { validateXml } from '../../../reference/validate.js';

/** Distinct bodies remembered per run: an app answers from a handful of templates, and a hostile one cannot grow memory past this. */
const MAX_ENTRIES = 512;
/** Bodies longer than this are validated every time (rarely repeated, and they would make the cache heavy). */
const MAX_CACHED_CHARS = 8 * 1024;

/**
 * validateXml remembered by body text, for one run (one set of options). Validation is a pure function
 * of text and options, so a cached result is the result; apps answer the same document again and
 * again, and parsing and validating it is most of the kit's own work per answer. Least recently used
 * entries go first once the cache is full. The results are shared: nothing may change them.
 */
export class ValidationCache {
  private readonly entries = new Map<string, XmlValidation>();

  constructor(private readonly options: ValidateOptions) {}

  validate(text: string): XmlValidation {
    if (text.length > MAX_CACHED_CHARS) return validateXml(text, this.options);
    const known = this.entries.get(text);
    if (known !== undefined) {
      // Re-inserting moves the entry to the young end of the Map's order.
      this.entries.delete(text);
      this.entries.set(text, known);
      return known;
    }
    const validation = validateXml(text, this.options);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(text, validation);
    return validation;
  }
}

/**
 * Form encoding (`application/x-www-form-urlencoded`): what Twilio's webhook requests carry, in a POST
 * body or appended to a GET query. One writer for the reference's derived requests and the kit's own
 * requests. @see facts §5 (Method & encoding)
 */

/** Where encodeURIComponent differs from the form serializer: it leaves `!'()~` alone and writes a space `%20`. */
const FORM_DIFFERENCES = /[!'()~]|%20/g;
const FORM_SPELLING: Readonly<Record<string, string>> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '~': '%7E', '%20': '+' };
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** How the form serializer writes each ASCII character: '' for one it leaves as it is (letters, digits, `*-._`). */
const ASCII_FORM: readonly string[] = Array.from({ length: 128 }, (_, code) => {
  const character = String.fromCharCode(code);
  if (/[A-Za-z0-9*._-]/.test(character)) return '';
  return character === ' ' ? '+' : `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
});

/** Text with a character beyond ASCII: UTF-8 percent-encoded, a lone surrogate as U+FFFD. */
function formComponentBeyondAscii(text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    encoded = encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  }
  return encoded.replace(FORM_DIFFERENCES, (found) => FORM_SPELLING[found] as string);
}

/** One name or value as the form serializer writes it; most are ASCII and many need no escape at all. */
function formComponent(text: string): string {
  let encoded = '';
  let copied = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 128) return formComponentBeyondAscii(text);
    const spelling = ASCII_FORM[code] as string;
    if (spelling === '') continue;
    encoded += text.slice(copied, index) + spelling;
    copied = index + 1;
  }
  return copied === 0 ? text : encoded + text.slice(copied);
}

/**
 * Form encoding (`application/x-www-form-urlencoded`, spaces as `+`), the form both bodies and GET
 * queries use: the very string `new URLSearchParams(params).toString()` gives, written directly.
 */
export function formEncode(params: readonly (readonly [string, string])[]): string {
  let encoded = '';
  for (let index = 0; index < params.length; index += 1) {
    const [name, value] = params[index] as readonly [string, string];
    encoded += `${index === 0 ? '' : '&'}${formComponent(name)}=${formComponent(value)}`;
  }
  return encoded;
}

/** {@link formEncode} of a record's entries, in their order, without making the entries. */
export function formEncodeRecord(params: Readonly<Record<string, string>>): string {
  let encoded = '';
  let first = true;
  for (const name of Object.keys(params)) {
    encoded += `${first ? '' : '&'}${formComponent(name)}=${formComponent(params[name] as string)}`;
    first = false;
  }
  return encoded;
}

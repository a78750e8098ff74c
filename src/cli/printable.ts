/**
 * Text safe to print in an error sentence: control characters (C0 but TAB, DEL, C1) and lone
 * surrogates written as escapes, so bytes from a file, an argument or an app never reach the terminal
 * raw (an ESC could recolour or move the cursor; a NUL or a lone surrogate garbles the line).
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for an HTML text node or a quoted attribute value. Findings carry whatever a target
 * wrote (`<script>`, quotes, control characters), so every piece of report data goes through here.
 * Control characters other than tab and line feed, which a page would drop or act on, are shown as
 * `\u{…}` escapes, as in the console report.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (char) => (char === '\r' ? '\\r' : `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`))
    .replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** 2026-01-01T00:00:00Z: the default virtual moment at which `<Dial>` starts. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

/**
 * The RFC 2822 date Twilio writes in Timestamp and RecordingStartTime (`Fri, 20 Aug 2010 01:13:42 +0000`).
 * @see facts §3.5 (dates are GMT in RFC 2822)
 */
export function rfc2822(epochMs: number, atSeconds: number): string {
  const date = new Date(epochMs + Math.round(atSeconds * 1000));
  const year = date.getUTCFullYear();
  // Written directly for four-digit years (what toUTCString writes, without its regular expression); others as toUTCString writes them.
  if (!(year >= 1000 && year <= 9999)) return date.toUTCString().replace(/GMT$/, '+0000');
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${year} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

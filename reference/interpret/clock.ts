/** 2026-01-01T00:00:00Z: the default virtual moment at which `<Dial>` starts. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

/**
 * The RFC 2822 date Twilio writes in Timestamp and RecordingStartTime (`Fri, 20 Aug 2010 01:13:42 +0000`).
 * @see facts §3.5 (dates are GMT in RFC 2822)
 */
export function rfc2822(epochMs: number, atSeconds: number): string {
  return new Date(epochMs + Math.round(atSeconds * 1000)).toUTCString().replace(/GMT$/, '+0000');
}

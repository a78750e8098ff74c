import type { HttpRefused } from '../../targets/http/httpClient.js';

/** Long URLs are cut: the start says where the request was going. */
const URL_SHOWN = 100;

/**
 * EP-ORIGIN's sentence for a request the kit did not send. A URL on another scheme (ftp:, mailto:,
 * tel:) is no webhook at all: Twilio requests webhooks over HTTP (facts §5). An http(s) URL on
 * another host is one the kit keeps away from by policy, and `--allow-origin` lifts that.
 * @param what how the URL came about: "the action URL", "an HTTP redirect"
 */
export function refusedOriginMessage(what: string, url: string, refused: HttpRefused): string {
  const shown = url.length > URL_SHOWN ? `${url.slice(0, URL_SHOWN)}…` : url;
  if (refused.reason === 'not-http') return `${what} ${shown} is not http or https; Twilio cannot request it`;
  const app = refused.targetOrigin;
  const where = app === undefined ? 'outside the checked origin' : `another ${sameHost(refused.origin, app) ? 'origin' : 'host'} than the app's (${app})`;
  return `${what} points to ${refused.origin}, ${where}; the kit did not send it (allow it with --allow-origin)`;
}

function sameHost(origin: string, other: string): boolean {
  try {
    return new URL(origin).hostname === new URL(other).hostname;
  } catch {
    return false;
  }
}

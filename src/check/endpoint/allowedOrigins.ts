import { DialKitError } from '../../errors.js';

/**
 * The origins the kit may send requests to: the voice URL's and each `--allow-origin`. Only http and
 * https are accepted: any other scheme has no origin a request could go to (`new URL('ftp://x').origin`
 * is the string "null", which must never match anything).
 * @see facts §5 (webhooks are HTTP requests: method and encoding, redirects followed like a browser)
 */
export function allowedOrigins(target: URL, allowOrigins: readonly string[] = []): string[] {
  const origins = [target.origin];
  for (const text of allowOrigins) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new DialKitError('DIALKIT_ERR_USAGE', `--allow-origin ${JSON.stringify(text)} is not an absolute URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new DialKitError('DIALKIT_ERR_USAGE', `--allow-origin ${JSON.stringify(text)} must be an http or https URL, not ${url.protocol.slice(0, -1)}`);
    }
    origins.push(url.origin);
  }
  return origins;
}

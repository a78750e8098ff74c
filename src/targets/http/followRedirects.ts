import type { HttpClient, HttpExchange } from './httpClient.js';
import { buildWebhookRequest, type WebhookRequest } from './webhookRequest.js';

/** The redirect statuses Twilio follows; any other 3xx fails the request (11216). @see facts §5 (Redirects), 11216 */
export const FOLLOWED_REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307]);

/** Twilio follows at most 10 redirects (11215). @see facts §5 (Redirects), [TWIML] */
export const MAX_REDIRECTS = 10;

/**
 * Which method a followed redirect uses. The sources say Twilio follows redirects "like a browser" but
 * do not say what method comes after 301/302/303 (facts §8.11), so this is a choice:
 * `browser` (default): 301, 302 and 303 turn a POST into a GET without body, 307 keeps method and body;
 * `keep`: every followed redirect repeats the method and parameters.
 */
export type RedirectMethodPolicy = 'browser' | 'keep';

export interface Hop {
  readonly request: WebhookRequest;
  readonly exchange: HttpExchange;
}

export type RedirectProblem =
  | { readonly kind: 'too-many'; readonly code: 11215; readonly message: string }
  | { readonly kind: 'invalid'; readonly code: 11216; readonly message: string };

export interface FetchResult {
  /** Every request sent, in order; the last one's exchange is the answer (or the failure). */
  readonly hops: readonly Hop[];
  readonly redirectProblem?: RedirectProblem;
}

/** Also the options of each send (body cap and signal), passed on as they are. */
export interface FollowOptions {
  readonly maxBodyBytes: number;
  readonly authToken?: string;
  readonly redirectMethod?: RedirectMethodPolicy;
  readonly signal?: AbortSignal;
}

/** Sends a request and follows HTTP redirects the way Twilio does, each hop signed for its own URL. */
export async function fetchFollowingRedirects(client: HttpClient, first: WebhookRequest, options: FollowOptions): Promise<FetchResult> {
  const hops: Hop[] = [];
  let request = first;
  for (;;) {
    const exchange = await client.send(request, options);
    hops.push({ request, exchange });
    if (exchange.kind !== 'answer' || exchange.status < 300 || exchange.status > 399) return { hops };
    if (!FOLLOWED_REDIRECTS.has(exchange.status)) {
      return { hops, redirectProblem: { kind: 'invalid', code: 11216, message: `the answer is a ${exchange.status} redirect; Twilio follows only 301, 302, 303 and 307` } };
    }
    const location = exchange.headers['location'];
    let next: URL | undefined;
    try {
      next = location === undefined || location === '' ? undefined : new URL(location, request.url);
    } catch {
      next = undefined;
    }
    if (next === undefined || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
      const what = location === undefined || location === '' ? 'has no Location header' : `has an unusable Location ${JSON.stringify(location)}`;
      return { hops, redirectProblem: { kind: 'invalid', code: 11216, message: `the ${exchange.status} redirect ${what}` } };
    }
    if (hops.length > MAX_REDIRECTS) {
      return { hops, redirectProblem: { kind: 'too-many', code: 11215, message: `more than ${MAX_REDIRECTS} redirects in a row` } };
    }
    const toGet = (options.redirectMethod ?? 'browser') === 'browser' && exchange.status !== 307 && request.method === 'POST';
    request = buildWebhookRequest({
      url: next.href,
      method: toGet ? 'GET' : request.method,
      // A GET after a browser-style redirect goes to the Location as given, parameters dropped with the body.
      params: toGet || request.method === 'GET' ? [] : request.params,
      ...(options.authToken === undefined ? {} : { authToken: options.authToken }),
    });
  }
}

import { Agent } from 'undici';
import { timeoutMessage } from './timeoutMessage.js';
import { classifyTransportError, type TransportFailure } from './transportFailure.js';
import type { WebhookRequest } from './webhookRequest.js';

export interface HttpClientOptions {
  /** Whole-exchange limit per request, connect included: Twilio's is 15 s. @see facts §5 (Timeouts) */
  readonly timeoutMs: number;
  /** Origins (`scheme://host:port`) requests may go to, the target's first. Anything else is refused before a byte is sent. */
  readonly origins: readonly string[];
  /** Sockets kept per origin (default 4). */
  readonly connections?: number;
}

/** A complete answer: status, headers and the body up to the cap. */
export interface HttpAnswer {
  readonly kind: 'answer';
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The body was longer than the cap; `body` holds the first `cap + 1` bytes at most and the rest was never read. */
  readonly truncated: boolean;
  readonly elapsedMs: number;
}

export interface HttpFailure {
  readonly kind: 'failure';
  readonly failure: TransportFailure;
  readonly message: string;
  /** Set when the status line and headers had arrived before the failure: the answer had started. */
  readonly status?: number;
  /** Body bytes read before the failure; set with `status`. Tells a stalled answer from one that never started. */
  readonly bodyBytes?: number;
  readonly elapsedMs: number;
}

/** The request was not sent: its origin is not the target's. */
export interface HttpRefused {
  readonly kind: 'refused-origin';
  /** `new URL(url).origin`: the string "null" for a scheme without origins (mailto:, tel:). */
  readonly origin: string;
  /** `not-http`: a scheme no webhook request can use (ftp:, mailto:, tel:); `other-origin`: an http(s) URL elsewhere. */
  readonly reason?: 'not-http' | 'other-origin';
  /** The first allowed origin, the target's own (the one the voice URL has). */
  readonly targetOrigin?: string;
}

export type HttpExchange = HttpAnswer | HttpFailure | HttpRefused;

export interface SendOptions {
  /** Largest body read, in bytes; reading stops one byte past it. */
  readonly maxBodyBytes: number;
  /** Cancels the exchange from outside (the shrink budget); reported as `aborted`. */
  readonly signal?: AbortSignal;
}

export interface HttpClient {
  send(request: WebhookRequest, options: SendOptions): Promise<HttpExchange>;
  close(): Promise<void>;
}

/** Connect limit: Twilio tries twice for 5 s each, so 10 s at most, never more than the total. @see facts §5 (Timeouts), 11205 */
const CONNECT_LIMIT_MS = 10_000;

function headerRecord(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * The kit's HTTP client: one undici Agent with keep-alive, never following redirects itself (the
 * caller does, as Twilio does), every exchange under connect, header, body and total time limits,
 * bodies read with a byte cap, and no request to an origin outside the allowed list.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs;
  const allowed = new Set(options.origins);
  const targetOrigin = options.origins[0];
  const agent = new Agent({
    connections: options.connections ?? 4,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    connect: { timeout: Math.min(CONNECT_LIMIT_MS, timeoutMs) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    maxHeaderSize: 16 * 1024,
  });

  async function send(request: WebhookRequest, sendOptions: SendOptions): Promise<HttpExchange> {
    const url = new URL(request.url);
    if (!allowed.has(url.origin)) {
      const reason = url.protocol === 'http:' || url.protocol === 'https:' ? 'other-origin' : 'not-http';
      return { kind: 'refused-origin', origin: url.origin, reason, ...(targetOrigin === undefined ? {} : { targetOrigin }) };
    }
    const started = performance.now();
    // One timer and one controller per exchange: cheaper than AbortSignal.timeout + AbortSignal.any on every request.
    const controller = new AbortController();
    let deadlinePassed = false;
    const timer = setTimeout(() => {
      deadlinePassed = true;
      controller.abort();
    }, timeoutMs);
    const outside = sendOptions.signal;
    const abortFromOutside = (): void => controller.abort();
    if (outside !== undefined) {
      if (outside.aborted) controller.abort();
      else outside.addEventListener('abort', abortFromOutside, { once: true });
    }
    const signal = controller.signal;
    let status: number | undefined;
    let length = 0;
    try {
      const response = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
      });
      status = response.statusCode;
      const chunks: Buffer[] = [];
      let truncated = false;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        length += chunk.length;
        if (length > sendOptions.maxBodyBytes) {
          truncated = true;
          break;
        }
      }
      // Breaking out of the loop destroys the stream and its socket: the rest of a huge body is never read.
      const body = Buffer.concat(chunks, length);
      return {
        kind: 'answer',
        status,
        headers: headerRecord(response.headers),
        body: truncated ? body.subarray(0, sendOptions.maxBodyBytes + 1) : body,
        truncated,
        elapsedMs: performance.now() - started,
      };
    } catch (error) {
      const failure = classifyTransportError(error, deadlinePassed);
      const begun = status === undefined ? undefined : { status, bodyBytes: length };
      const message = failure === 'timeout' ? timeoutMessage(timeoutMs, begun) : describe(error);
      return { kind: 'failure', failure, message, ...begun, elapsedMs: performance.now() - started };
    } finally {
      clearTimeout(timer);
      outside?.removeEventListener('abort', abortFromOutside);
    }
  }

  return {
    send,
    async close(): Promise<void> {
      await agent.destroy();
    },
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${typeof code === 'string' ? `${code} ` : ''}${error.message}${cause}`;
}

import type * as Undici from 'undici';
import { boundedMemo } from '../../boundedMemo.js';
import { LeanConnections } from './leanConnections.js';
import { KEEP_ALIVE_MS, type Controller, type LeanHandler } from './leanExchange.js';
import { timeoutMessage } from './timeoutMessage.js';
import { undiciPart } from './undiciPart.js';
import { classifyTransportError, type TransportFailure } from './transportFailure.js';
import type { WebhookRequest } from './webhookRequest.js';

/** undici's Agent: the kit only dispatches, so only the Agent's module is loaded (see undiciPart). */
const Agent = undiciPart<typeof Undici.Agent>('dispatcher/agent.js', 'Agent');

export interface HttpClientOptions {
  /** Whole-exchange limit per request, connect included: Twilio's is 15 s. @see facts §5 (Timeouts) */
  readonly timeoutMs: number;
  /** Origins (`scheme://host:port`) requests may go to, the target's first. Anything else is refused before a byte is sent. */
  readonly origins: readonly string[];
  /** Sockets kept per origin (default 4). */
  readonly connections?: number;
  /**
   * Plain answers over `http:` read by the kit's own reader (leanConnections.ts), everything else by
   * undici (default true). false: undici reads every answer. `every-origin`: the reader keeps taking an
   * origin's requests even when most of its answers go to undici. The tests compare the three.
   */
  readonly lean?: boolean | 'every-origin';
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
/** Largest answer head read (undici's maxHeaderSize). */
const MAX_HEADER_BYTES = 16 * 1024;

/** Header values as one string each, names lower-case (undici gives repeated headers as an array). */
function headerRecord(parsed: Record<string, string | string[] | undefined>): Record<string, string> {
  for (const name in parsed) {
    const value = parsed[name];
    if (Array.isArray(value)) parsed[name] = value.join(', ');
    else if (value === undefined) delete parsed[name];
  }
  return parsed as Record<string, string>;
}

/** Where a URL goes, parsed once per distinct URL: a run sends to a handful of URLs again and again. */
interface Destination {
  readonly origin: string;
  readonly protocol: string;
  readonly path: string;
}

/** Distinct URLs remembered per client; an app that makes every URL unique cannot grow memory past this. */
const MAX_DESTINATIONS = 256;

/**
 * One exchange as undici, or the kit's lean reader, drives it (undici's dispatch handler interface,
 * and `progress` and `whenSettled` for the lean reader): collects status, headers and the body up to
 * the cap, and settles once, by the first of an answer, a failure, the deadline or a cancellation from
 * outside. Cheaper than `request()`, which wraps every body in a stream.
 */
class Exchange implements LeanHandler {
  private controller: Controller | undefined;
  private settledCallback: (() => void) | undefined;
  private settled = false;
  private status: number | undefined;
  private headers: Record<string, string> | undefined;
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set when the kit itself ended the exchange (deadline or cancellation): undici's later error is not news. */
  private abortReason: Error | undefined;

  constructor(
    private readonly started: number,
    private readonly timeoutMs: number,
    private readonly maxBodyBytes: number,
    private readonly resolve: (exchange: HttpExchange) => void,
    private readonly cancellations: Set<Exchange> | undefined,
  ) {}

  /** Starts the whole-exchange time limit. */
  arm(): void {
    this.timer = setTimeout(() => this.end(new Error('deadline'), true), this.timeoutMs);
  }

  /** Cancels from outside (the run no longer needs this call): reported as `aborted`. */
  cancel(): void {
    this.end(new DOMException('This operation was aborted', 'AbortError'), false);
  }

  onRequestStart(controller: Controller): void {
    this.controller = controller;
    if (this.abortReason !== undefined) controller.abort(this.abortReason);
  }

  progress(status: number | undefined, bodyBytes: number): void {
    this.status = status;
    this.length = bodyBytes;
  }

  whenSettled(callback: () => void): void {
    if (this.settled) callback();
    else this.settledCallback = callback;
  }

  onResponseStart(_controller: Controller, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    // 1xx informational answers come before the real one.
    if (statusCode < 200) return;
    this.status = statusCode;
    this.headers = headerRecord(headers);
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    if (this.settled) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.length > this.maxBodyBytes) {
      this.answer(true);
      // Aborting destroys the socket: the rest of a huge body is never read.
      this.abortReason = new Error('body cap reached');
      controller.abort(this.abortReason);
    }
  }

  onResponseEnd(): void {
    if (!this.settled) this.answer(false);
  }

  onResponseError(_controller: Controller, error: Error): void {
    if (!this.settled) this.fail(error, false);
  }

  private answer(truncated: boolean): void {
    const body = this.chunks.length === 1 && !truncated ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.length);
    this.settle({
      kind: 'answer',
      status: this.status as number,
      headers: this.headers ?? {},
      body: truncated ? body.subarray(0, this.maxBodyBytes + 1) : body,
      truncated,
      elapsedMs: performance.now() - this.started,
    });
  }

  /** The kit ends the exchange itself: it fails now, and undici drops the request (and its socket) when it has one. */
  private end(reason: Error, deadlinePassed: boolean): void {
    if (this.settled) return;
    this.fail(reason, deadlinePassed);
    this.abortReason = reason;
    this.controller?.abort(reason);
  }

  private fail(error: unknown, deadlinePassed: boolean): void {
    const failure = classifyTransportError(error, deadlinePassed);
    const begun = this.status === undefined ? undefined : { status: this.status, bodyBytes: this.length };
    const message = failure === 'timeout' ? timeoutMessage(this.timeoutMs, begun) : describe(error);
    this.settle({ kind: 'failure', failure, message, ...begun, elapsedMs: performance.now() - this.started });
  }

  private settle(exchange: HttpExchange): void {
    this.settled = true;
    clearTimeout(this.timer);
    this.cancellations?.delete(this);
    this.resolve(exchange);
    this.settledCallback?.();
  }
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
  const connections = options.connections ?? 4;
  const connectTimeoutMs = Math.min(CONNECT_LIMIT_MS, timeoutMs);
  const agent = new Agent({
    connections,
    pipelining: 1,
    keepAliveTimeout: KEEP_ALIVE_MS,
    connect: { timeout: connectTimeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
  });
  const lean = options.lean === false ? undefined : new LeanConnections({ connections, connectTimeoutMs, timeoutMs, maxHeaderSize: MAX_HEADER_BYTES, keepOrigins: options.lean === 'every-origin' });
  const destinationOf = boundedMemo(MAX_DESTINATIONS, (href): Destination => {
    const url = new URL(href);
    return { origin: url.origin, protocol: url.protocol, path: `${url.pathname}${url.search}` };
  });
  // One listener per outside signal (a call's), not one per request: it cancels that call's exchanges in flight.
  const cancellable = new WeakMap<AbortSignal, Set<Exchange>>();

  function cancellationsOf(signal: AbortSignal): Set<Exchange> {
    let set = cancellable.get(signal);
    if (set === undefined) {
      const exchanges = new Set<Exchange>();
      set = exchanges;
      cancellable.set(signal, exchanges);
      signal.addEventListener('abort', () => {
        for (const exchange of [...exchanges]) exchange.cancel();
      }, { once: true });
    }
    return set;
  }

  function send(request: WebhookRequest, sendOptions: SendOptions): Promise<HttpExchange> {
    let destination: Destination;
    try {
      destination = destinationOf(request.url);
    } catch (error) {
      return Promise.reject(error);
    }
    if (!allowed.has(destination.origin)) {
      const reason = destination.protocol === 'http:' || destination.protocol === 'https:' ? 'other-origin' : 'not-http';
      return Promise.resolve({ kind: 'refused-origin', origin: destination.origin, reason, ...(targetOrigin === undefined ? {} : { targetOrigin }) });
    }
    const started = performance.now();
    const outside = sendOptions.signal;
    return new Promise((resolve) => {
      const cancellations = outside === undefined ? undefined : cancellationsOf(outside);
      const exchange = new Exchange(started, timeoutMs, sendOptions.maxBodyBytes, resolve, cancellations);
      if (outside?.aborted === true) return exchange.cancel();
      cancellations?.add(exchange);
      exchange.arm();
      const { origin, path } = destination;
      if (lean?.dispatch({ origin, path, method: request.method, headers: request.headers, body: request.body }, exchange, sendOptions.maxBodyBytes) === true) return;
      agent.dispatch({ origin, path, method: request.method, headers: request.headers, body: request.body ?? null }, exchange);
    });
  }

  return {
    send,
    async close(): Promise<void> {
      lean?.destroy();
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

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { twilioSignature } from '../http/signature.js';
import type { RecordedRequest } from './recordedRequest.js';

/** What the app answers to one request of a call. */
export interface AppAnswer {
  readonly status: number;
  readonly contentType?: string;
  readonly body: string;
}

/** One call's part of the app: its document, how it answers everything under `/cN/`, and its signing token. */
export interface CallRoutes {
  /** The answer to `path` (below the origin, query excluded) of this call. */
  answer(path: string, method: string): AppAnswer;
  readonly authToken?: string;
}

export interface CallApp {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  open(call: string, routes: CallRoutes): void;
  /** The call's requests so far (kept until `forget`). */
  requestsOf(call: string): readonly RecordedRequest[];
  /** How many requests the call made, including those beyond the recording cap. */
  countOf(call: string): number;
  /** Requests to no open call's path (e.g. a relative URL resolved against the wrong base). */
  takeStray(): RecordedRequest[];
  forget(call: string): void;
  close(): Promise<void>;
}

export interface CallAppOptions {
  /** Requests recorded per call; later ones are counted and answered 429. Default 200 (the protocol's flood limit). */
  readonly maxRequestsPerCall?: number;
  /** Largest request body read. Default 64 kB. */
  readonly maxBodyBytes?: number;
}

interface CallState {
  readonly routes: CallRoutes;
  readonly requests: RecordedRequest[];
  count: number;
}

const CALL_PATH = /^\/(c[0-9]+)(\/.*)?$/;

function readBody(request: IncomingMessage, maxBytes: number): Promise<{ body: string; tooLarge: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8'), tooLarge }));
    request.on('error', () => resolve({ body: Buffer.concat(chunks).toString('utf8'), tooLarge }));
  });
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * The web app the interpreter talks to: a loopback HTTP server (127.0.0.1, a free port) that serves each
 * call's document and answers its action and callback requests, recording every request (method, URL,
 * query and form parameters, headers, order; X-Twilio-Signature checked when the call has a token).
 * It never requests anything itself.
 */
export async function startCallApp(options: CallAppOptions = {}): Promise<CallApp> {
  const maxRequests = options.maxRequestsPerCall ?? 200;
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const calls = new Map<string, CallState>();
  const stray: RecordedRequest[] = [];
  let strayCount = 0;
  let origin = '';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { body, tooLarge } = await readBody(request, maxBody);
    const target = new URL(request.url ?? '/', origin);
    const match = CALL_PATH.exec(target.pathname);
    const state = match === null ? undefined : calls.get(match[1] as string);
    const contentType = request.headers['content-type'];
    const form = contentType !== undefined && /^application\/x-www-form-urlencoded\b/i.test(contentType) ? [...new URLSearchParams(body)] : [];
    const method = request.method ?? 'GET';
    let answer: AppAnswer;
    if (tooLarge) answer = { status: 413, body: '' };
    else if (state === undefined) answer = { status: 404, body: '' };
    else if (state.count >= maxRequests) answer = { status: 429, body: '' };
    else answer = state.routes.answer(target.pathname, method);
    const url = `${origin}${target.pathname}${target.search}`;
    let signature: RecordedRequest['signature'];
    const token = state?.routes.authToken;
    if (token !== undefined) {
      const given = request.headers['x-twilio-signature'];
      const expected = twilioSignature(token, url, method === 'POST' ? form : []);
      signature = given === undefined ? 'missing' : given === expected ? 'valid' : 'invalid';
    }
    const recorded = (index: number): RecordedRequest => ({
      index,
      method,
      url,
      path: target.pathname,
      query: [...target.searchParams],
      form,
      ...(contentType === undefined ? {} : { contentType }),
      headers: headersOf(request),
      ...(signature === undefined ? {} : { signature }),
      answer: { status: answer.status, body: answer.body },
    });
    if (state === undefined) {
      if (strayCount < maxRequests) stray.push(recorded(strayCount));
      strayCount += 1;
    } else {
      if (state.count < maxRequests) state.requests.push(recorded(state.count));
      state.count += 1;
    }
    response.writeHead(answer.status, answer.contentType === undefined ? {} : { 'content-type': answer.contentType });
    response.end(answer.body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.keepAliveTimeout = 1000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    open(call, routes) {
      calls.set(call, { routes, requests: [], count: 0 });
    },
    requestsOf: (call) => calls.get(call)?.requests ?? [],
    countOf: (call) => calls.get(call)?.count ?? 0,
    takeStray: () => stray.splice(0),
    forget(call) {
      calls.delete(call);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

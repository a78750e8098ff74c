/**
 * A hand-written voice app for the tests, correct by default, with one hook per route so each test
 * breaks exactly one thing. Real HTTP on 127.0.0.1, port 0.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { afterEach } from 'vitest';

export type Params = Record<string, string>;

export interface Answer {
  readonly status?: number;
  readonly contentType?: string;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Never answer (the socket stays open until the server closes). */
  readonly hang?: boolean;
}

export interface FakeAppOptions {
  readonly authToken?: string;
  /** Answer requests whose signature is wrong as if it were right. */
  readonly ignoreSignature?: boolean;
  readonly voice?: (params: Params) => Answer;
  readonly dialStatus?: (params: Params) => Answer;
  readonly callback?: (params: Params) => Answer;
  /** More routes by path (`/menu`, `/voicemail`), checked before the three above. */
  readonly routes?: Readonly<Record<string, (params: Params, query: URLSearchParams) => Answer>>;
  /** Handles every request before routing; return true when it answered. */
  readonly raw?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly origin: string;
  /** Requests received, as `METHOD path`. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Forwards to one number, showing the app's own number: a Voice SDK caller has none to show (13214). */
export const DIAL_DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Dial action="/dial-status" timeout="20" callerId="+15558675309"><Number statusCallback="/status" statusCallbackEvent="initiated ringing answered completed">+15558675310</Number></Dial></Response>';

const ok = (body: string): Answer => ({ status: 200, contentType: 'text/xml', body });

export const CORRECT = {
  voice: (): Answer => ok(DIAL_DOCUMENT),
  dialStatus: (params: Params): Answer =>
    ok(params['DialCallStatus'] === 'completed' ? '<Response><Hangup/></Response>' : '<Response><Say>Nobody answered.</Say><Hangup/></Response>'),
  callback: (): Answer => ({ status: 204 }),
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function listen(server: Server): Promise<RunningServer & { port: number }> {
  const requests: string[] = [];
  server.on('request', (request: IncomingMessage) => requests.push(`${request.method} ${request.url}`));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/voice`,
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

export async function startFakeApp(options: FakeAppOptions = {}): Promise<RunningServer> {
  const server = createServer((request, response) => {
    void (async () => {
      if (options.raw?.(request, response) === true) return;
      const body = await readBody(request);
      const url = `http://${request.headers.host}${request.url}`;
      const parsed = new URL(url);
      const params: Params = Object.fromEntries(request.method === 'GET' ? parsed.searchParams : new URLSearchParams(body));
      if (options.authToken !== undefined && options.ignoreSignature !== true) {
        const signature = request.headers['x-twilio-signature'];
        if (typeof signature !== 'string' || !twilio.validateRequest(options.authToken, signature, url, request.method === 'GET' ? {} : params)) {
          response.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
          return;
        }
      }
      const extra = options.routes?.[parsed.pathname];
      const route = extra !== undefined ? (given: Params) => extra(given, parsed.searchParams) : parsed.pathname === '/voice' ? (options.voice ?? CORRECT.voice) : parsed.pathname === '/dial-status' ? (options.dialStatus ?? CORRECT.dialStatus) : options.callback ?? CORRECT.callback;
      const answer = route(params);
      if (answer.hang === true) return;
      response.writeHead(answer.status ?? 200, { ...(answer.contentType === undefined ? {} : { 'content-type': answer.contentType }), ...answer.headers });
      response.end(answer.body ?? '');
    })();
  });
  return listen(server);
}

/**
 * `app(options)` for a spec file: starts a fake app and closes every one it started after each test,
 * so no test leaves a server listening.
 */
export function fakeApps(): (options: FakeAppOptions) => Promise<RunningServer> {
  let servers: RunningServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });
  return async (options) => {
    const server = await startFakeApp(options);
    servers.push(server);
    return server;
  };
}

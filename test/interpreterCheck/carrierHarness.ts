/**
 * A small stand-in for the kit's side of carrier protocol v1, for testing drivers on their own:
 * a loopback app that serves documents and records every request, and a client that plays the
 * protocol with a driver process. The kit's own carrier lives in src/targets/carrier.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly form: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** All parameters: the query and the form body together. */
  readonly params: Readonly<Record<string, string>>;
}

export interface LoopbackApp {
  readonly base: string;
  readonly requests: Recorded[];
  /** TwiML served at a path; paths under /cb answer 204; anything else `<Response><Hangup/></Response>`. */
  readonly documents: Map<string, string>;
  close(): Promise<void>;
}

export async function loopbackApp(): Promise<LoopbackApp> {
  const requests: Recorded[] = [];
  const documents = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const form = new URLSearchParams(request.method === 'POST' ? Buffer.concat(chunks).toString('utf8') : '');
      const params = Object.fromEntries([...url.searchParams, ...form]);
      requests.push({ method: request.method ?? '', path: url.pathname, query: url.searchParams, form, headers: request.headers, params });
      if (url.pathname.startsWith('/cb')) {
        response.writeHead(204).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/xml' }).end(documents.get(url.pathname) ?? '<Response><Hangup/></Response>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    documents,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Message = Readonly<Record<string, unknown>> & { readonly type: string };

export interface DriverClient {
  /** Every message the driver wrote, in order. */
  readonly received: Message[];
  /** Sends one message and waits for the driver's answer to it (ready, ack or error), with a time limit. */
  exchange(message: Record<string, unknown>): Promise<Message>;
  close(): Promise<void>;
}

export function driverClient(command: string, args: readonly string[], timeoutMs = 10_000): DriverClient {
  const child: ChildProcessWithoutNullStreams = spawn(command, [...args], { stdio: 'pipe' });
  const received: Message[] = [];
  let waiting: ((message: Message) => void) | undefined;
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    buffer += text;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const message = JSON.parse(buffer.slice(0, newline)) as Message;
      buffer = buffer.slice(newline + 1);
      received.push(message);
      // An error answers a message when it names no call (handshake) or names the event (seq);
      // other errors report something that went wrong in a call, and the ack still follows.
      const answers = message.type === 'ready' || message.type === 'ack' || (message.type === 'error' && (message.call === undefined || message.seq !== undefined));
      if (waiting !== undefined && answers) waiting(message);
    }
  });
  child.stderr.resume();
  return {
    received,
    exchange(message) {
      return new Promise<Message>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to ${JSON.stringify(message)} within ${timeoutMs} ms`)), timeoutMs);
        waiting = (answer) => {
          clearTimeout(timer);
          waiting = undefined;
          resolve(answer);
        };
        child.stdin.write(`${JSON.stringify(message)}\n`);
      });
    },
    close() {
      return new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end(`${JSON.stringify({ type: 'bye' })}\n`);
      });
    },
  };
}

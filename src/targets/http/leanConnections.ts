import type { Socket } from 'node:net';
import { KEEP_ALIVE_MS, LeanExchange, type ExchangeConnection, type ExchangeOrigin, type LeanHandler, type LeanRequest } from './leanExchange.js';
import type { ReplaySocket, SocketEnding } from './replaySocket.js';
import { isPlainValue, isToken } from './strictHead.js';
import { undiciPart } from './undiciPart.js';

/**
 * The kit's own HTTP/1.1 exchanges over plain `http:` keep-alive connections, for the one case that
 * makes up nearly every exchange of a run: a request the kit wrote itself, answered by a plain head
 * (strictHead.ts) and a body by Content-Length or plainly chunked (leanExchange.ts). Reading that takes
 * a fraction of what undici's general machinery costs per request, and the endpoint check sends tens
 * of thousands of them.
 *
 * Everything else is undici's, so that every verdict on an odd or broken answer stays undici's:
 * - a request it would not write byte for byte as undici does (another scheme, a header undici treats
 *   specially, a body beyond ASCII) is not taken at all (`dispatch` returns false);
 * - an answer whose head is not plain, or a connection that ends or fails before the answer is whole,
 *   is handed to an undici client part-way (ReplaySocket): it reads the answer from its first byte and
 *   decides, on the very bytes and the very ending the socket brought;
 * - connections are opened by undici's own connector, so a refused or timed-out connect fails with
 *   undici's own error.
 * Connections are kept as undici keeps them: reused only after the answer is whole, after one turn of
 * the event loop (so a close or stray bytes already sent are seen first), the one idle longest first,
 * no longer than `Keep-Alive: timeout` less 2 s or 10 s without it, never after `Connection: close`,
 * bytes past the answer or a body past the cap. An origin whose answers are seldom plain (a quarter
 * of 16 or more went to undici) is left to undici altogether: each hand-over costs a client.
 */

export interface LeanOptions {
  /** Connections kept per origin. */
  readonly connections: number;
  readonly connectTimeoutMs: number;
  /** undici's header and body time limits, for the exchanges handed to it. */
  readonly timeoutMs: number;
  readonly maxHeaderSize: number;
  /** Keep taking an origin's exchanges however many go to undici (the tests, which compare the two on odd answers). */
  readonly keepOrigins?: boolean;
}

type Connector = (
  options: { hostname: string; host: string; protocol: string; port: string; servername: null; localAddress: null },
  callback: (error: Error | null, socket: Socket | null) => void,
) => Socket;

/** undici's own connector: a refused or timed-out connect fails with undici's own error. */
const buildConnector = undiciPart<(options: { timeout: number }) => Connector>('core/connect.js', 'buildConnector');

/** Exchanges an origin is given before its share handed to undici can take it off this module. */
const HAND_OVER_SAMPLE = 16;
/** Request header names undici writes in its own way (or refuses): such requests are undici's. */
const SPECIAL_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'upgrade', 'expect']);

/** The request as undici writes it (client-h1 writeH1), or undefined when undici would write it otherwise. */
function requestBytes(request: LeanRequest, hostHeader: string): string | undefined {
  if (request.method !== 'GET' && request.method !== 'POST') return undefined;
  let text = `${request.method} ${request.path} HTTP/1.1\r\n${hostHeader}connection: keep-alive\r\n`;
  for (const name in request.headers) {
    const value = request.headers[name] as string;
    // Written as given, as undici writes it; a name only in lower case, so that SPECIAL_HEADERS sees every spelling.
    if (!isToken(name) || name !== name.toLowerCase() || SPECIAL_HEADERS.has(name) || !isPlainValue(value)) return undefined;
    text += `${name}: ${value}\r\n`;
  }
  const body = request.body ?? '';
  // Only an ASCII body is the same bytes in latin1 as in UTF-8 (undici's encoding): its length is its byte count.
  if (Buffer.byteLength(body, 'utf8') !== body.length) return undefined;
  if (body !== '' || request.method === 'POST') return `${text}content-length: ${body.length}\r\n\r\n${body}`;
  return `${text}\r\n`;
}

/** One kept connection. */
class Connection implements ExchangeConnection {
  current: LeanExchange | undefined;
  /** Set once an exchange was handed to undici: the socket's events go there from then on. */
  replay: ReplaySocket | undefined;
  /** How long the connection may wait idle for its next request (see `rest`), and the timer that ends it then. */
  private idleMs = KEEP_ALIVE_MS;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly origin: Origin,
    readonly socket: Socket,
  ) {
    socket.on('data', (chunk: Buffer) => {
      if (this.replay !== undefined) this.replay.bring(chunk);
      else if (this.current !== undefined) this.current.read(chunk);
      // Bytes nobody asked for: the connection cannot be trusted with another request.
      else socket.destroy();
    });
    socket.on('end', () => this.ended({ kind: 'end' }));
    socket.on('error', (error: Error) => this.ended({ kind: 'error', error }));
    socket.on('close', () => origin.closed(this));
  }

  private ended(ending: SocketEnding): void {
    if (this.replay !== undefined) this.replay.endWith(ending);
    else if (this.current !== undefined) this.current.handOver(ending);
    else this.socket.destroy();
  }

  /** Sends the exchange's request on this connection. */
  carry(exchange: LeanExchange): void {
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = undefined;
    this.current = exchange;
    exchange.connection = this;
    this.socket.ref();
    this.socket.write(exchange.bytes, 'latin1');
  }

  /** After one turn of the event loop (what the server sent meanwhile, a close or stray bytes, is seen first), the connection is free again. */
  rest(idleMs: number): void {
    this.idleMs = idleMs;
    setImmediate(() => {
      if (!this.socket.destroyed) this.origin.free(this);
    });
  }

  /** Waits for the next request, as undici's keep-alive timer does: closed once `idleMs` pass without one. */
  wait(): void {
    this.socket.unref();
    this.expiry = setTimeout(() => this.socket.destroy(), this.idleMs);
    this.expiry.unref();
  }
}

/** The connections to one origin, and the exchanges waiting for one. */
class Origin implements ExchangeOrigin {
  private readonly idle: Connection[] = [];
  private readonly waiting: LeanExchange[] = [];
  private readonly connections = new Set<Connection>();
  private open = 0;
  /** Exchanges sent, and how many of them undici had to read: an origin whose answers are seldom plain is left to undici. */
  private sent = 0;
  private handOvers = 0;
  readonly hostHeader: string;
  private readonly address: { hostname: string; host: string; port: string };

  constructor(
    readonly options: LeanOptions,
    private readonly connector: Connector,
    url: URL,
  ) {
    this.hostHeader = `host: ${url.hostname}${url.port === '' ? '' : `:${url.port}`}\r\n`;
    // undici connects to an IPv6 literal without its brackets.
    const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, url.hostname.indexOf(']')) : url.hostname;
    this.address = { hostname, host: url.host, port: url.port };
  }

  /** Whether this module still takes the origin's exchanges: not once a quarter of 16 or more went to undici (each costs a client). */
  get lean(): boolean {
    return this.options.keepOrigins === true || this.sent < HAND_OVER_SAMPLE || this.handOvers * 4 < this.sent;
  }

  handedOver(): void {
    this.handOvers += 1;
  }

  send(exchange: LeanExchange): void {
    this.sent += 1;
    // The connection idle longest first: what its server did meanwhile (a close) has had the most time to show.
    const connection = this.idle.shift();
    if (connection !== undefined) connection.carry(exchange);
    else if (this.open < this.options.connections) this.connect(exchange);
    else this.waiting.push(exchange);
  }

  private connect(exchange: LeanExchange): void {
    this.open += 1;
    this.connector({ ...this.address, protocol: 'http:', servername: null, localAddress: null }, (error, socket) => {
      if (error !== null || socket === null) {
        this.open -= 1;
        if (!exchange.aborted) exchange.handler.onResponseError(exchange, error ?? new Error('no socket'));
        this.next();
        return;
      }
      const connection = new Connection(this, socket);
      this.connections.add(connection);
      if (exchange.aborted) this.free(connection);
      else connection.carry(exchange);
    });
  }

  free(connection: Connection): void {
    const exchange = this.waiting.shift();
    if (exchange !== undefined) return connection.carry(exchange);
    connection.wait();
    this.idle.push(connection);
  }

  forget(exchange: LeanExchange): void {
    const at = this.waiting.indexOf(exchange);
    if (at !== -1) this.waiting.splice(at, 1);
  }

  closed(connection: Connection): void {
    this.open -= 1;
    this.connections.delete(connection);
    const at = this.idle.indexOf(connection);
    if (at !== -1) this.idle.splice(at, 1);
    this.next();
  }

  /** A place opened up: the oldest waiting exchange gets a new connection. */
  private next(): void {
    const exchange = this.waiting.shift();
    if (exchange !== undefined) this.connect(exchange);
  }

  /** Ends every connection; an exchange still waiting or under way fails as undici fails it when its client is destroyed. */
  destroy(): void {
    for (const exchange of this.waiting.splice(0)) exchange.fail(destroyedError());
    for (const connection of this.connections) {
      connection.current?.fail(destroyedError());
      connection.socket.destroy();
    }
  }
}

/** undici's ClientDestroyedError, as the kit reads it (its code and message). */
function destroyedError(): Error {
  return Object.assign(new Error('The client is destroyed'), { name: 'ClientDestroyedError', code: 'UND_ERR_DESTROYED' });
}

/** The lean exchanges of one HTTP client, per origin. */
export class LeanConnections {
  private readonly origins = new Map<string, Origin>();
  private readonly connector: Connector;
  /** Every socket the connector opened that has not closed yet, connecting or connected. */
  private readonly openSockets = new Set<Socket>();

  constructor(private readonly options: LeanOptions) {
    this.connector = buildConnector({ timeout: options.connectTimeoutMs });
  }

  /** Sends the request when it is one this module writes as undici would; false leaves it to undici. */
  dispatch(request: LeanRequest, handler: LeanHandler, maxBodyBytes: number): boolean {
    if (!request.origin.startsWith('http:')) return false;
    let origin = this.origins.get(request.origin);
    if (origin === undefined) {
      origin = new Origin(this.options, this.tracked(), new URL(request.origin));
      this.origins.set(request.origin, origin);
    }
    if (!origin.lean) return false;
    const bytes = requestBytes(request, origin.hostHeader);
    if (bytes === undefined) return false;
    const exchange = new LeanExchange(origin, request, bytes, handler, maxBodyBytes);
    handler.onRequestStart(exchange);
    origin.send(exchange);
    return true;
  }

  /** The connector, noting every socket it opens so that `destroy` can close them all. */
  private tracked(): Connector {
    return (options, callback) => {
      const socket = this.connector(options, callback);
      this.openSockets.add(socket);
      socket.once('close', () => this.openSockets.delete(socket));
      return socket;
    };
  }

  destroy(): void {
    for (const origin of this.origins.values()) origin.destroy();
    // Those still connecting fail their exchange with this error; the others are already closed by their origin.
    for (const socket of this.openSockets) socket.destroy(destroyedError());
    this.origins.clear();
  }
}

import type { Socket } from 'node:net';
import type * as Undici from 'undici';
import { ReplaySocket, type SocketEnding } from './replaySocket.js';
import { plainSoFar, strictHead, type StrictHead } from './strictHead.js';
import { undiciPart } from './undiciPart.js';

/** undici's Client, which takes an answer over when the lean reader will not read it (see handOver). */
const Client = undiciPart<typeof Undici.Client>('dispatcher/client.js', 'Client');

/** undici's per-exchange controller, as much of it as the kit uses. */
export interface Controller {
  abort(reason: Error): void;
}

/** What an exchange hears: undici's handler calls, and two of the kit's own. */
export interface LeanHandler {
  onRequestStart(controller: Controller): void;
  onResponseStart(controller: Controller, status: number, headers: Record<string, string>): void;
  onResponseData(controller: Controller, chunk: Buffer): void;
  onResponseEnd(controller: Controller, trailers: Record<string, string>): void;
  onResponseError(controller: Controller, error: Error): void;
  /** How far the answer has come (for a time-limit message): the status once the head is read, and body bytes. */
  progress(status: number | undefined, bodyBytes: number): void;
  /** Called once the exchange has its result. */
  whenSettled(callback: () => void): void;
}

export interface LeanRequest {
  readonly origin: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

/** undici's time limits and head size, for the exchanges handed to it. */
export interface HandOverOptions {
  readonly timeoutMs: number;
  readonly maxHeaderSize: number;
}

/** The connection an exchange is carried on, as much of it as the exchange uses. */
export interface ExchangeConnection {
  current: LeanExchange | undefined;
  /** Set once an exchange was handed to undici: the socket's events go there from then on. */
  replay: ReplaySocket | undefined;
  readonly socket: Socket;
  /** The answer is whole and the connection may carry another request once `idleMs` have not passed. */
  rest(idleMs: number): void;
}

/** The origin an exchange goes to, as much of it as the exchange uses. */
export interface ExchangeOrigin {
  readonly options: HandOverOptions;
  /** The exchange no longer waits for a connection. */
  forget(exchange: LeanExchange): void;
  /** One more answer went to undici. */
  handedOver(): void;
}

/** Heads longer than this are undici's to read (it refuses those over `maxHeaderSize`). */
const MAX_LEAN_HEAD = 8 * 1024;
/** The kit's idle keep-alive time without a `Keep-Alive` hint (its undici Agent's too), undici's margin under a hint, and its ceiling. */
export const KEEP_ALIVE_MS = 10_000;
const KEEP_ALIVE_MARGIN_MS = 2_000;
const KEEP_ALIVE_MAX_MS = 600_000;
const KEEP_ALIVE_HINT = /timeout=(\d+)/;
const BLANK_LINE = Buffer.from('\r\n\r\n', 'latin1');
const CRLF = Buffer.from('\r\n', 'latin1');
const CR = 0x0d;
const LF = 0x0a;
const CHUNK_SIZE = /^[0-9A-Fa-f]{1,8}$/;
const CHUNK_SIZE_PREFIX = /^[0-9A-Fa-f]{0,8}\r?$/;
const NOTHING = Buffer.alloc(0);
/** Chunked reading states (any positive value: data bytes of the chunk still to come). */
const SIZE_LINE = -1;
const CHUNK_END = 0;
const LAST_CHUNK_END = -2;

/** How long an idle connection may wait for its next request after this answer, as undici reckons it; 0: never reused. */
function idleMs(head: StrictHead): number {
  if (!head.keepAlive) return 0;
  const hint = KEEP_ALIVE_HINT.exec(head.keepAliveHint);
  if (hint === null) return KEEP_ALIVE_MS;
  return Math.max(0, Math.min(Number.parseInt(hint[1] as string, 10) * 1000 - KEEP_ALIVE_MARGIN_MS, KEEP_ALIVE_MAX_MS));
}

/**
 * One exchange of leanConnections.ts on its way: its request sent, its answer read as it comes. A plain
 * head (strictHead.ts) and a body by Content-Length or chunked are read here; at the first byte outside
 * that, or when the connection ends or fails before the answer is whole, the answer goes to undici
 * (handOver), which reads it from its first byte.
 */
export class LeanExchange implements Controller {
  connection: ExchangeConnection | undefined;
  aborted = false;
  /** Every byte received, as it came: what undici reads should the answer be handed over. */
  private readonly chunks: Buffer[] = [];
  private received = 0;
  /**
   * Bytes received and not read yet: the head so far, then the start of a chunked body's next part (a
   * size line or a CR LF). Only these are joined with what comes next. So a body dripped byte by byte is
   * read in linear time; a head is joined again with each read, which {@link MAX_LEAN_HEAD} bounds (an
   * 8 kB head dripped byte by byte: some 8,000 joins of up to 8 kB, tens of milliseconds).
   */
  private unread: Buffer = NOTHING;
  /** Where the head's first line not yet found plain starts (see plainSoFar). */
  private plainFrom = 0;
  private head: StrictHead | undefined;
  /** The body's data read so far (up to the cap and one byte), and its length. */
  private readonly pieces: Buffer[] = [];
  private decoded = 0;
  /** Bytes received past the head, for a body by length. */
  private bodyReceived = 0;
  /** What a chunked body reads next: SIZE_LINE, CHUNK_END, LAST_CHUNK_END, or data bytes still to come. */
  private chunkLeft = SIZE_LINE;

  constructor(
    readonly origin: ExchangeOrigin,
    readonly request: LeanRequest,
    readonly bytes: string,
    readonly handler: LeanHandler,
    readonly maxBodyBytes: number,
  ) {}

  /** Ends the exchange with an error of the kit's own making (the client is being closed). */
  fail(error: Error): void {
    if (this.aborted) return;
    this.aborted = true;
    if (this.connection?.current === this) this.connection.current = undefined;
    this.handler.onResponseError(this, error);
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const connection = this.connection;
    if (connection === undefined) this.origin.forget(this);
    else if (connection.current === this) {
      connection.current = undefined;
      connection.socket.destroy();
    }
  }

  /** Bytes of the answer; finishes it once whole, or hands it to undici once it is not plain. */
  read(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.received += chunk.length;
    let rest = chunk;
    if (this.head === undefined) {
      const before = this.unread.length;
      const bytes = before === 0 ? chunk : Buffer.concat([this.unread, chunk]);
      const end = bytes.indexOf(BLANK_LINE, Math.max(0, before - 3));
      if (end === -1) {
        const lastLine = bytes.length > MAX_LEAN_HEAD ? -1 : plainSoFar(bytes.toString('latin1', this.plainFrom), this.plainFrom === 0);
        if (lastLine === -1) return this.handOver(undefined);
        this.plainFrom += lastLine;
        this.unread = bytes;
        return;
      }
      const head = end + 4 <= MAX_LEAN_HEAD ? strictHead(bytes.toString('latin1', 0, end)) : undefined;
      if (head === undefined) return this.handOver(undefined);
      this.head = head;
      this.unread = NOTHING;
      rest = bytes.subarray(end + 4);
    }
    const head = this.head;
    if (head.framing.kind === 'chunked') this.readChunks(head, rest);
    else this.readLength(head, head.framing.length, rest);
  }

  /** A body of `length` bytes: read up to the cap and one byte; what comes past `length` leaves the connection unusable. */
  private readLength(head: StrictHead, length: number, bytes: Buffer): void {
    const wanted = Math.min(length, this.maxBodyBytes + 1);
    const taken = Math.min(bytes.length, wanted - this.decoded);
    if (taken > 0) this.pieces.push(bytes.subarray(0, taken));
    this.decoded += taken;
    this.bodyReceived += bytes.length;
    if (this.decoded < wanted) return this.handler.progress(head.status, this.decoded);
    this.finish(head, this.body(), this.bodyReceived === length);
  }

  /**
   * Chunked bodies as `size CR LF data CR LF`, sizes of hex digits only (no extensions), ending in `0 CR LF
   * CR LF` (no trailers); the first byte outside that hands the answer to undici.
   */
  private readChunks(head: StrictHead, chunk: Buffer): void {
    const bytes = this.unread.length === 0 ? chunk : Buffer.concat([this.unread, chunk]);
    let cursor = 0;
    const wait = (): void => {
      this.unread = bytes.subarray(cursor);
      this.handler.progress(head.status, this.decoded);
    };
    for (;;) {
      if (this.chunkLeft === SIZE_LINE) {
        const lineEnd = bytes.indexOf(CRLF, cursor);
        if (lineEnd === -1) {
          if (!CHUNK_SIZE_PREFIX.test(bytes.toString('latin1', cursor))) return this.handOver(undefined);
          return wait();
        }
        const size = bytes.toString('latin1', cursor, lineEnd);
        if (!CHUNK_SIZE.test(size)) return this.handOver(undefined);
        cursor = lineEnd + 2;
        this.chunkLeft = Number.parseInt(size, 16);
        if (this.chunkLeft === 0) this.chunkLeft = LAST_CHUNK_END;
        continue;
      }
      if (this.chunkLeft > 0) {
        const taken = Math.min(this.chunkLeft, bytes.length - cursor);
        if (taken > 0) this.pieces.push(bytes.subarray(cursor, cursor + taken));
        this.decoded += taken;
        cursor += taken;
        this.chunkLeft -= taken;
        if (this.decoded > this.maxBodyBytes) return this.finish(head, this.body(), false);
        if (this.chunkLeft > 0) return wait();
        this.chunkLeft = CHUNK_END;
      }
      // The CR LF after a chunk's data, or after the last chunk.
      const waiting = bytes.length - cursor;
      if (waiting === 0 || (waiting === 1 && bytes[cursor] === CR)) return wait();
      if (bytes[cursor] !== CR || bytes[cursor + 1] !== LF) return this.handOver(undefined);
      cursor += 2;
      if (this.chunkLeft === LAST_CHUNK_END) return this.finish(head, this.body(), cursor === bytes.length);
      this.chunkLeft = SIZE_LINE;
    }
  }

  private body(): Buffer {
    return this.pieces.length === 1 ? (this.pieces[0] as Buffer) : Buffer.concat(this.pieces, this.decoded);
  }

  /** `exact`: nothing came after the answer, and it was read to its end: the connection may carry another. */
  private finish(head: StrictHead, body: Buffer, exact: boolean): void {
    const connection = this.connection as ExchangeConnection;
    connection.current = undefined;
    const handler = this.handler;
    handler.progress(undefined, 0);
    handler.onResponseStart(this, head.status, head.headers);
    if (body.length > 0) handler.onResponseData(this, body);
    // The body passed the cap: the rest is never read.
    if (this.aborted) return void connection.socket.destroy();
    handler.onResponseEnd(this, {});
    const idle = exact ? idleMs(head) : 0;
    if (idle === 0) connection.socket.destroy();
    else connection.rest(idle);
  }

  /** The connection ended, failed or brought a head that is not plain: undici reads the answer from its first byte. */
  handOver(ending: SocketEnding | undefined): void {
    this.origin.handedOver();
    const connection = this.connection as ExchangeConnection;
    connection.current = undefined;
    const received = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.received);
    const replay = new ReplaySocket(connection.socket, received, ending);
    connection.replay = replay;
    const options = this.origin.options;
    const client = new Client(this.request.origin, {
      // As a real connector does, later: undici is not ready to take a socket within its own connect call.
      connect: (_options: unknown, callback: (error: Error | null, socket: ReplaySocket) => void) => process.nextTick(callback, null, replay),
      pipelining: 1,
      keepAliveTimeout: KEEP_ALIVE_MS,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      maxHeaderSize: options.maxHeaderSize,
    } as Undici.Client.Options);
    this.handler.progress(undefined, 0);
    this.handler.whenSettled(() => void client.destroy().catch(() => undefined));
    const { path, method, headers, body } = this.request;
    client.dispatch({ origin: this.request.origin, path, method: method as Undici.Dispatcher.HttpMethod, headers, body: body ?? null }, this.handler as unknown as Undici.Dispatcher.DispatchHandler);
  }
}

import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

/** How the connection ended before the answer was read, if it did: the end of the stream, or an error. */
export type SocketEnding = { readonly kind: 'end' } | { readonly kind: 'error'; readonly error: Error };

/**
 * A connection handed to undici part-way through an exchange: it reads the bytes already received, then
 * whatever the socket still brings (its data, its end, its error), and drops what undici writes, since the
 * request was already sent. So undici reads the answer from its first byte, as if it had read all along.
 */
export class ReplaySocket extends Duplex {
  /** What came before undici wrote its request: undici reads no answer before it has a request to match. */
  private readonly held: Buffer[] = [];
  private heldEnding: SocketEnding | undefined;
  private requested = false;
  private passing = false;

  constructor(
    private readonly socket: Socket,
    received: Buffer,
    ending: SocketEnding | undefined,
  ) {
    super({ allowHalfOpen: false });
    if (received.length > 0) this.held.push(received);
    this.heldEnding = ending;
  }

  /** The socket's next bytes, passed on. */
  bring(chunk: Buffer): void {
    if (this.passing) this.push(chunk);
    else this.held.push(chunk);
  }

  /** The socket's end or error, passed on. */
  endWith(ending: SocketEnding): void {
    if (this.destroyed) return;
    if (!this.passing) this.heldEnding ??= ending;
    else if (ending.kind === 'end') this.push(null);
    // After undici has read the bytes before it, as a socket's error would.
    else setImmediate(() => this.destroy(ending.error));
  }

  override _read(): void {}

  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    callback();
    if (this.requested) return;
    // Once undici has its request under way (it is still writing it now), what came is passed on.
    this.requested = true;
    setImmediate(() => {
      this.passing = true;
      for (const chunk of this.held.splice(0)) this.push(chunk);
      if (this.heldEnding !== undefined) this.endWith(this.heldEnding);
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }

  // What undici calls on a net.Socket besides the stream methods.
  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }
}

/**
 * The kit's own reader of plain answers (leanConnections.ts) against undici reading every answer: on the
 * same bytes, split the same way, ended the same way, both give the same exchange: the same answer, or
 * the same failure with the same message. The answers cover what the reader takes and every way of
 * leaving it (odd heads, odd framing, connections that end or reset part-way, caps, stalls), then a
 * few hundred random mutations of plain answers.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpExchange } from '../../src/targets/http/httpClient.js';

/** How the server ends its side once the answer is written. */
type Ending = 'keep' | 'end' | 'reset';

interface Script {
  /** The answer's bytes, written part by part (one write per part, a turn of the event loop apart). */
  readonly parts: readonly string[];
  readonly ending: Ending;
  /**
   * No client may send another request on this connection after this answer (it said `Connection: close`,
   * was HTTP/1.0, had bytes past its end or a body past the cap): one that does gets "wrongly reused".
   */
  readonly closes?: boolean;
}

const scripts = new Map<number, Script>();
let server: Server;
let origin = '';
const sockets = new Set<Socket>();
/** Connections the server has accepted. */
let accepted = 0;

/** Plays the script the request's path names (`/s/<id>`), for every request on the connection. */
function play(socket: Socket): void {
  let buffered = '';
  let closed = false;
  socket.setNoDelay(true);
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    const end = buffered.indexOf('\r\n\r\n');
    if (end === -1) return;
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0);
    if (buffered.length < end + 4 + length) return;
    const id = Number(/^\w+ \/s\/(\d+)/.exec(buffered)?.[1]);
    buffered = buffered.slice(end + 4 + length);
    const script = scripts.get(id);
    if (script === undefined) return void socket.destroy();
    void write(socket, closed ? WRONGLY_REUSED : script);
    closed ||= script.closes === true;
  });
}

async function write(socket: Socket, script: Script): Promise<void> {
  for (const part of script.parts) {
    if (socket.destroyed) return;
    socket.write(Buffer.from(part, 'latin1'));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (script.ending === 'end') socket.end();
  else if (script.ending === 'reset') socket.resetAndDestroy();
}

beforeAll(async () => {
  server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    play(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** What a test compares: everything but the time taken. */
function comparable(exchange: HttpExchange): unknown {
  if (exchange.kind === 'answer') return { ...exchange, body: exchange.body.toString('latin1'), elapsedMs: 0 };
  if (exchange.kind === 'failure') return { ...exchange, elapsedMs: 0 };
  return exchange;
}

let nextId = 0;

/** The exchanges for the scripts in turn, on one client (so connections are reused where they may be). */
async function exchanges(lean: boolean | 'every-origin', list: readonly Script[], options: { timeoutMs?: number; maxBodyBytes?: number; connections?: number } = {}): Promise<unknown[]> {
  const ids = list.map((script) => {
    nextId += 1;
    scripts.set(nextId, script);
    return nextId;
  });
  const client = createHttpClient({ timeoutMs: options.timeoutMs ?? 10_000, origins: [origin], connections: options.connections ?? 2, lean });
  const results: unknown[] = [];
  try {
    for (const [index, id] of ids.entries()) {
      const post = index % 2 === 0;
      const request = {
        method: post ? ('POST' as const) : ('GET' as const),
        url: `${origin}/s/${id}${post ? '' : '?a=1'}`,
        headers: { 'user-agent': 'TwilioProxy/1.1', accept: 'text/xml', ...(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: post ? 'CallSid=CA1&From=%2B1555' : undefined,
        params: [],
      };
      results.push(comparable(await client.send(request, { maxBodyBytes: options.maxBodyBytes ?? 65_536 })));
    }
  } finally {
    await client.close();
  }
  return results;
}

/**
 * Both readers on the same scripts. A script that leaves the connection open is followed by a plain
 * answer on the same client (a connection reused after it). One that ends or resets it is not: whether
 * the next request meets the closing connection is a race for undici as for the lean reader.
 */
async function expectSame(list: readonly Script[], options: { timeoutMs?: number; maxBodyBytes?: number } = {}): Promise<unknown[]> {
  const withFollowers = list.flatMap((script) => (script.ending === 'keep' ? [script, FOLLOWER] : [script]));
  const viaUndici = await exchanges(false, withFollowers, options);
  const viaLean = await exchanges('every-origin', withFollowers, options);
  expect(viaLean).toEqual(viaUndici);
  return viaLean;
}

const head = (lines: readonly string[]): string => `${lines.join('\r\n')}\r\n\r\n`;
const PLAIN_BODY = '<Response><Dial>+15551234567</Dial></Response>';
const PLAIN: Script = { parts: [head(['HTTP/1.1 200 OK', 'Content-Type: text/xml', `Content-Length: ${PLAIN_BODY.length}`]) + PLAIN_BODY], ending: 'keep' };
/** After an answer left open, on the same client: the next request reuses the connection where it may. */
const FOLLOWER = PLAIN;
const WRONGLY_REUSED: Script = { parts: [head(['HTTP/1.1 200 OK', 'Content-Length: 14']) + 'wrongly reused'], ending: 'keep' };
const chunked = (...data: string[]): string => `${data.map((piece) => `${piece.length.toString(16)}\r\n${piece}\r\n`).join('')}0\r\n\r\n`;

/** Answers each reader takes or leaves, by what they test. */
const CASES: Readonly<Record<string, readonly string[]>> = {
  plain: [
    PLAIN.parts[0] as string,
    head(['HTTP/1.1 200 OK', 'content-type:text/xml', 'Content-Length: 0']),
    head(['HTTP/1.1 404 Not Found', 'Content-Length: 9', 'Connection: close']) + 'not found',
    head(['HTTP/1.1 500 ', 'Content-Length: 3', 'Keep-Alive: timeout=5', 'Connection: keep-alive']) + 'err',
    head(['HTTP/1.1 200 OK', 'Keep-Alive: timeout=1', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'Set-Cookie: a=1', 'set-cookie: b=2', 'X-A: 1', 'Content-Length: 2', 'x-a: 2']) + 'ok',
    head(['HTTP/1.1 204 No Content', 'Connection: keep-alive']),
    head(['HTTP/1.1 302 Found', 'Location: /s/1', 'Content-Length: 0']),
    head(['HTTP/1.1 200 OK', 'Content-Length: 00005']) + 'hello',
  ],
  chunked: [
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + chunked('hello', ' world'),
    head(['HTTP/1.1 200 OK', 'transfer-encoding: Chunked', 'Connection: close']) + chunked('a'.repeat(300)),
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '0005\r\nhello\r\nA\r\n0123456789\r\n0\r\n\r\n',
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '0\r\n\r\n',
  ],
  'odd heads': [
    head(['HTTP/1.1 200', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.0 200 OK', 'Content-Length: 2']) + 'ok',
    head(['http/1.1 200 OK', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 100 Continue']) + head(['HTTP/1.1 200 OK', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 304 Not Modified', 'Content-Length: 2']),
    head(['HTTP/1.1 600 Odd', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 099 Odd', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 204 No Content', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'X-A : 1', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'X-A: 1', ' folded', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'X-A:  two spaces', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'X-A: trailing ', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'X-A:\ttab', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'X-A:', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'X-(A): 1', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'X-A: caf\xe9', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', '__proto__: x', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'Constructor: x', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'Connection: Keep-Alive', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'Connection: close, foo', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'Connection: upgrade', 'Upgrade: h2c', 'Content-Length: 2']) + 'ok',
    'HTTP/1.1 200 OK\nContent-Length: 2\n\nok',
    'HTTP/1.1 200 OK\r\nContent-Length: 2\n\r\nok',
    `${head(['HTTP/1.1 200 OK', `X-Big: ${'b'.repeat(9000)}`, 'Content-Length: 2'])}ok`,
    `${head(['HTTP/1.1 200 OK', `X-Huge: ${'h'.repeat(17_000)}`, 'Content-Length: 2'])}ok`,
    'garbage\r\n\r\n',
    '\x00\xff\x13\x37\r\n\r\n',
  ],
  'odd framing': [
    head(['HTTP/1.1 200 OK']) + 'close-delimited',
    head(['HTTP/1.1 200 OK', 'Content-Length: 2', 'Content-Length: 2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'Content-Length: 2', 'Content-Length: 3']) + 'ok',
    head(['HTTP/1.1 200 OK', 'Content-Length: +2']) + 'ok',
    head(['HTTP/1.1 200 OK', 'Content-Length: 2', 'Transfer-Encoding: chunked']) + chunked('ok'),
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: gzip, chunked']) + chunked('ok'),
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', 'Transfer-Encoding: chunked']) + chunked('ok'),
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '2;ext=1\r\nok\r\n0\r\n\r\n',
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '2\r\nok\r\n0\r\nX-Trailer: 1\r\n\r\n',
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + 'zz\r\nok\r\n0\r\n\r\n',
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '2\r\nokXX0\r\n\r\n',
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '2\r\nok\rX0\r\n\r\n',
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '2\r\nok\n0\r\n\r\n',
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '2\r\nok\r\n0\r\r\n',
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '2 \r\nok\r\n0\r\n\r\n',
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '123456789\r\nok\r\n0\r\n\r\n',
    head(['HTTP/1.1 200 OK', 'Content-Length: 2']) + 'ok and more bytes',
    head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + chunked('ok') + 'HTTP/1.1 200 OK\r\n',
  ],
};

const ENDINGS: readonly Ending[] = ['keep', 'end', 'reset'];
/** Answers that are never whole while the connection stays open: left open, they would only wait for the time limit (see the stalls below). */
const NEVER_WHOLE = new Set([head(['HTTP/1.1 200 OK']) + 'close-delimited', head(['HTTP/1.1 200 OK', 'Content-Length: 2', 'Content-Length: 2']) + 'ok']);

describe('the lean reader and undici read every answer alike', () => {
  for (const [name, answers] of Object.entries(CASES)) {
    it(`${name}: in one piece, byte by byte, and however the server ends its side`, async () => {
      const list: Script[] = [];
      for (const answer of answers) {
        const closes = /\r\nConnection: close|^HTTP\/1\.0|more bytes$|0\r\n\r\nHTTP/.test(answer);
        for (const ending of ENDINGS) if (ending !== 'keep' || !NEVER_WHOLE.has(answer)) list.push({ parts: [answer], ending, closes });
        list.push({ parts: [...answer.slice(0, 400)].concat(answer.length > 400 ? [answer.slice(400)] : []), ending: 'end' });
      }
      await expectSame(list);
    }, 120_000);
  }

  it('the lean reader reads plain answers itself: on one connection, their requests share it', async () => {
    // A connection whose answer went to undici is not given back: one connection for all of them shows none did.
    const plain = [PLAIN, { parts: [CASES.chunked?.[0] as string], ending: 'keep' as const }, { parts: [CASES.plain?.[6] as string], ending: 'keep' as const }];
    for (const lean of ['every-origin', true] as const) {
      const before = accepted;
      await exchanges(lean, [...plain, ...plain], { connections: 1 });
      expect(accepted - before, String(lean)).toBe(1);
    }
    // A chunk extension, which undici reads and keeps the connection for, is undici's: the next answer needs another.
    const extension = CASES['odd framing']?.find((answer) => answer.includes(';ext=')) as string;
    const before = accepted;
    await exchanges('every-origin', [{ parts: [extension], ending: 'keep' }, PLAIN], { connections: 1 });
    expect(accepted - before).toBe(2);
  });

  it('connections that end or reset part-way: before any byte, in the head, in the body', async () => {
    const answers = [PLAIN.parts[0] as string, head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + chunked('hello', ' world'), head(['HTTP/1.1 200 OK', 'Connection: close', 'Content-Length: 10']) + '0123456789'];
    const list: Script[] = [];
    for (const answer of answers) {
      for (const cut of [0, 1, 12, answer.indexOf('\r\n\r\n') + 4, answer.length - 3, answer.length - 1]) {
        for (const ending of ['end', 'reset'] as const) list.push({ parts: cut === 0 ? [] : [answer.slice(0, cut)], ending });
      }
    }
    await expectSame(list);
  }, 120_000);

  it('a connection refused: the same error, from undici\'s own connector', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = async (lean: boolean | 'every-origin'): Promise<unknown> => {
      const client = createHttpClient({ timeoutMs: 10_000, origins: [`http://127.0.0.1:${port}`], lean });
      try {
        return comparable(await client.send({ method: 'POST', url: `http://127.0.0.1:${port}/voice`, headers: { 'user-agent': 'TwilioProxy/1.1' }, body: 'a=1', params: [] }, { maxBodyBytes: 100 }));
      } finally {
        await client.close();
      }
    };
    const viaUndici = await refused(false);
    expect(viaUndici).toMatchObject({ kind: 'failure', failure: 'refused' });
    expect(await refused('every-origin')).toEqual(viaUndici);
  });

  it('the client closed mid-run: the exchange under way and the one waiting for a connection fail alike', async () => {
    let arrived: () => void = () => undefined;
    const silent = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => arrived());
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const silentOrigin = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    const closedMidRun = async (lean: boolean | 'every-origin'): Promise<unknown[]> => {
      const client = createHttpClient({ timeoutMs: 10_000, origins: [silentOrigin], connections: 1, lean });
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const send = (path: string): Promise<HttpExchange> =>
        client.send({ method: 'GET', url: `${silentOrigin}${path}`, headers: { 'user-agent': 'TwilioProxy/1.1' }, body: undefined, params: [] }, { maxBodyBytes: 100 });
      const exchanges = [send('/under-way'), send('/waiting')];
      await reached;
      await client.close();
      return (await Promise.all(exchanges)).map(comparable);
    };
    try {
      const viaUndici = await closedMidRun(false);
      expect(viaUndici).toEqual([expect.objectContaining({ kind: 'failure', failure: 'other' }), expect.objectContaining({ kind: 'failure', failure: 'other' })]);
      expect(await closedMidRun('every-origin')).toEqual(viaUndici);
    } finally {
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('bodies at, under and past the cap, by length and chunked', async () => {
    const list: Script[] = [];
    for (const size of [15, 16, 17, 40]) {
      const body = 'x'.repeat(size);
      const closes = size > 16;
      list.push({ parts: [head(['HTTP/1.1 200 OK', `Content-Length: ${size}`]) + body], ending: 'keep', closes });
      list.push({ parts: [head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + chunked(body.slice(0, 10), body.slice(10))], ending: 'keep', closes });
      list.push({ parts: [head(['HTTP/1.1 200 OK', `Content-Length: ${size}`]), body.slice(0, 8), body.slice(8)], ending: 'keep', closes });
    }
    const results = await expectSame(list, { maxBodyBytes: 16 });
    // Over the cap: the six of 17 and 40 bytes, and the twelve plain answers after them (47 bytes).
    expect(results.filter((result) => (result as { truncated?: boolean }).truncated === true)).toHaveLength(18);
  }, 120_000);

  it('answers that stall: before the head, in the head, in the body, in a chunk', async () => {
    const list: Script[] = [
      { parts: [], ending: 'keep' },
      { parts: ['HTTP/1.1 200 OK\r\nContent-Le'], ending: 'keep' },
      { parts: [head(['HTTP/1.1 200 OK', 'Content-Length: 10']) + '01234'], ending: 'keep' },
      { parts: [head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '5\r\nhel'], ending: 'keep' },
      { parts: [head(['HTTP/1.1 200 OK', 'Transfer-Encoding: chunked']) + '5\r\nhello\r\n'], ending: 'keep' },
    ];
    const results = await expectSame(list, { timeoutMs: 400 });
    expect(results.filter((result) => (result as { failure?: string }).failure === 'timeout')).toHaveLength(5);
  }, 120_000);

  it('a few hundred random mutations of plain answers', async () => {
    // A small linear congruential generator: the same mutations on every run.
    let seed = 20261203;
    const random = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const bases = [PLAIN.parts[0] as string, CASES.chunked?.[0] as string, CASES.plain?.[5] as string, CASES.plain?.[6] as string];
    const alphabet = ['\r', '\n', ' ', ':', '0', '9', 'a', 'F', ';', '\t', '\x00', '\xff', 'H', '/', '-', '\r\n'];
    const list: Script[] = [];
    for (let count = 0; count < 240; count += 1) {
      let text = bases[random(bases.length)] as string;
      for (let edits = 1 + random(3); edits > 0; edits -= 1) {
        const at = random(text.length + 1);
        const kind = random(3);
        const piece = alphabet[random(alphabet.length)] as string;
        text = kind === 0 ? text.slice(0, at) + piece + text.slice(at) : kind === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + piece + text.slice(at + 1);
      }
      const split = random(text.length + 1);
      // Every mutated answer is ended, so none waits for the time limit.
      list.push({ parts: [text.slice(0, split), text.slice(split)], ending: random(2) === 0 ? 'end' : 'reset' });
    }
    await expectSame(list);
  }, 300_000);
});

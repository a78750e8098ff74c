import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { DialKitError } from '../../errors.js';
import { CARRIER_PROTOCOL, CARRIER_VERSION, MAX_LINE_BYTES, parseDriverLine, prepareCarrierSchema, preview, type DriverMessage, type KitMessage } from './carrierMessages.js';
import { LineSplitter } from './lineSplitter.js';

export interface CarrierDriverOptions {
  readonly command: string;
  readonly args?: readonly string[];
  readonly cwd?: string;
  /** Time limit for the driver to finish handling one kit message (ack included), in ms. Default 5000. */
  readonly timeoutMs?: number;
  /** Time limit for the driver to start and answer the hello, in ms. Default 15000. */
  readonly startTimeoutMs?: number;
}

/** How a kit message went wrong; each is a named finding on the call (or exit 2 at the handshake). */
export type DriverFailureKind = 'hang' | 'crash' | 'garbage' | 'oversize' | 'schema' | 'driver-error' | 'protocol' | 'flood';

export interface DriverFailure {
  readonly kind: DriverFailureKind;
  readonly message: string;
}

/** What the driver wrote while handling one kit message. */
export interface Exchange {
  readonly sent: string;
  /** Every line received, in order (as written, previews of huge ones). */
  readonly received: readonly string[];
  /** Valid messages other than the ack (dialing, ended), in order. */
  readonly messages: readonly DriverMessage[];
  /** `now` of the ack; absent on failure. */
  readonly now?: number;
  readonly failure?: DriverFailure;
}

export interface CarrierDriver {
  readonly display: string;
  readonly name: string;
  readonly signs: boolean;
  /** Sends one `start` or `event` and collects what the driver writes until its ack. Never throws; a failure kills the driver. */
  exchange(message: Extract<KitMessage, { type: 'start' | 'event' }>): Promise<Exchange>;
  /** False once the driver failed or exited: start a new one for the next call. */
  readonly alive: boolean;
  close(): Promise<void>;
}

/** More driver messages than this for one kit message is a flood (legs are at most 10 per <Dial>). */
const MAX_MESSAGES_PER_EXCHANGE = 1000;

type Incoming = { readonly kind: 'line'; readonly line: string } | { readonly kind: 'failure'; readonly failure: DriverFailure };

interface Process {
  readonly child: ChildProcessWithoutNullStreams;
  readonly queue: Incoming[];
  wake: (() => void) | undefined;
  stderr: string;
  dead: boolean;
}

function stderrTail(stderr: string): string {
  const text = stderr.trim();
  return text === '' ? '' : `; its stderr ends with: ${text.slice(-300)}`;
}

function launch(options: CarrierDriverOptions): Process {
  const child = spawn(options.command, [...(options.args ?? [])], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const state: Process = { child, queue: [], wake: undefined, stderr: '', dead: false };
  const push = (incoming: Incoming): void => {
    state.queue.push(incoming);
    const wake = state.wake;
    state.wake = undefined;
    wake?.();
  };
  const fail = (failure: DriverFailure): void => {
    if (state.dead) return;
    state.dead = true;
    push({ kind: 'failure', failure });
  };
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    state.stderr = (state.stderr + chunk).slice(-2000);
  });
  child.on('error', (error) => fail({ kind: 'crash', message: `the driver could not run: ${error.message}` }));
  child.on('exit', (code, signal) => {
    // Let the last lines on stdout arrive first: 'close' fires after stdout has ended.
    child.stdout.once('close', () => fail({ kind: 'crash', message: `the driver exited (${signal ?? `code ${code}`})${stderrTail(state.stderr)}` }));
    if (child.stdout.closed) fail({ kind: 'crash', message: `the driver exited (${signal ?? `code ${code}`})${stderrTail(state.stderr)}` });
  });
  child.stdin.on('error', () => undefined);
  const splitter = new LineSplitter(
    MAX_LINE_BYTES,
    (line) => {
      if (!state.dead) push({ kind: 'line', line });
    },
    () => fail({ kind: 'oversize', message: `the driver wrote a line longer than ${MAX_LINE_BYTES} bytes` }),
  );
  child.stdout.on('data', (chunk: Buffer) => splitter.push(chunk));
  return state;
}

function kill(state: Process): void {
  state.dead = true;
  state.child.stdin.destroy();
  state.child.stdout.destroy();
  state.child.kill('SIGKILL');
}

/**
 * The time limit of one exchange with the driver: one timer, armed once, that wakes the reader when it
 * fires. No clock is read: only a driver that stops answering meets the limit, whatever the load.
 */
interface TimeLimit {
  readonly expired: () => boolean;
  readonly stop: () => void;
}

function startLimit(state: Process, ms: number): TimeLimit {
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    state.wake?.();
  }, ms);
  return { expired: () => expired, stop: () => clearTimeout(timer) };
}

/** The next thing the driver wrote, or a hang once the limit has expired. */
async function next(state: Process, limit: TimeLimit, hang: () => DriverFailure): Promise<Incoming> {
  for (;;) {
    const incoming = state.queue.shift();
    if (incoming !== undefined) return incoming;
    if (limit.expired()) return { kind: 'failure', failure: hang() };
    await new Promise<void>((resolve) => {
      state.wake = resolve;
    });
    state.wake = undefined;
  }
}

/** Does this ack answer the kit message? The ack of `start` carries no seq (or 0). */
function answers(message: DriverMessage, sent: Extract<KitMessage, { type: 'start' | 'event' }>): boolean {
  if (message.type !== 'ack' || message.call !== sent.call) return false;
  return sent.type === 'start' ? message.seq === undefined || message.seq === 0 : message.seq === sent.seq;
}

/**
 * Starts an interpreter's driver (the carrier protocol over stdio, schemas/carrier-protocol.schema.json)
 * and shakes hands. A driver that cannot start, or answers the hello with anything but `ready` of
 * version 1, is a DialKitError (exit 2). After that, every limit of the protocol (line cap, time limit,
 * crash, garbage, schema, flood) ends the kit message with a named failure and kills the driver.
 */
export async function startCarrierDriver(options: CarrierDriverOptions): Promise<CarrierDriver> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const display = [options.command, ...(options.args ?? [])].join(' ');
  const state = launch(options);
  const hello: KitMessage = { type: 'hello', protocol: CARRIER_PROTOCOL, version: CARRIER_VERSION };
  state.child.stdin.write(`${JSON.stringify(hello)}\n`);
  prepareCarrierSchema();
  const startMs = options.startTimeoutMs ?? 15_000;
  const helloLimit = startLimit(state, startMs);
  const first = await next(state, helloLimit, () => ({ kind: 'hang', message: `the driver did not answer the hello within ${startMs} ms` }));
  helloLimit.stop();
  const refuse = (code: 'DIALKIT_ERR_TARGET_START' | 'DIALKIT_ERR_TARGET_PROTOCOL', why: string): never => {
    kill(state);
    throw new DialKitError(code, `cannot use the driver ${JSON.stringify(display)}: ${why}`);
  };
  if (first.kind === 'failure') refuse('DIALKIT_ERR_TARGET_START', first.failure.message);
  const line = (first as Extract<Incoming, { kind: 'line' }>).line;
  const parsed = parseDriverLine(line);
  if (!parsed.ok) refuse('DIALKIT_ERR_TARGET_PROTOCOL', `${parsed.problem.replace(/^the driver wrote/, 'it answered the hello with')}`);
  const ready = (parsed as { message: DriverMessage }).message;
  if (ready.type === 'error') refuse('DIALKIT_ERR_TARGET_PROTOCOL', `it answered the hello with an error: ${preview(ready.message)}`);
  if (ready.type !== 'ready') refuse('DIALKIT_ERR_TARGET_PROTOCOL', `it answered the hello with ${preview(line)} instead of a ready message`);
  const version = (ready as { version: number }).version;
  if (version !== CARRIER_VERSION) refuse('DIALKIT_ERR_TARGET_PROTOCOL', `it speaks carrier protocol version ${version}; this kit speaks version ${CARRIER_VERSION}`);
  const readyMessage = ready as Extract<DriverMessage, { type: 'ready' }>;

  const driver: CarrierDriver = {
    display,
    name: readyMessage.name ?? display,
    signs: readyMessage.signs === true,
    get alive(): boolean {
      return !state.dead;
    },
    async exchange(message): Promise<Exchange> {
      const sent = JSON.stringify(message);
      const received: string[] = [];
      const messages: DriverMessage[] = [];
      const failed = (failure: DriverFailure): Exchange => {
        kill(state);
        return { sent, received, messages, failure };
      };
      if (state.dead) return { sent, received, messages, failure: { kind: 'crash', message: 'the driver had already exited' } };
      state.child.stdin.write(`${sent}\n`);
      const what = message.type === 'start' ? `the start of call ${message.call}` : `event ${message.seq} of call ${message.call} (${message.event.kind})`;
      const limit = startLimit(state, timeoutMs);
      try {
        return await readExchange(limit);
      } finally {
        limit.stop();
      }
      async function readExchange(limit: TimeLimit): Promise<Exchange> {
        for (;;) {
          const incoming = await next(state, limit, () => ({ kind: 'hang', message: `the driver did not acknowledge ${what} within ${timeoutMs} ms (a hang)` }));
          if (incoming.kind === 'failure') return failed(incoming.failure);
          received.push(incoming.line.length > 2000 ? `${incoming.line.slice(0, 2000)}…` : incoming.line);
          const parsedLine = parseDriverLine(incoming.line);
          if (!parsedLine.ok) return failed({ kind: parsedLine.problem.includes('not JSON') ? 'garbage' : 'schema', message: parsedLine.problem });
          const got = parsedLine.message;
          if (got.type === 'error') return failed({ kind: 'driver-error', message: `the driver reported an error on ${what}: ${preview(got.message)}` });
          if (answers(got, message)) return { sent, received, messages, now: (got as { now: number }).now };
          if (got.type === 'ready' || got.type === 'ack' || got.call !== message.call) {
            return failed({ kind: 'protocol', message: `the driver wrote ${preview(incoming.line)} while handling ${what}` });
          }
          messages.push(got);
          if (messages.length > MAX_MESSAGES_PER_EXCHANGE) return failed({ kind: 'flood', message: `the driver wrote more than ${MAX_MESSAGES_PER_EXCHANGE} messages while handling ${what}` });
        }
      }
    },
    async close(): Promise<void> {
      if (state.dead) return;
      state.child.stdin.write(`${JSON.stringify({ type: 'bye' })}\n`);
      state.child.stdin.end();
      const exited = new Promise<void>((resolve) => state.child.once('exit', () => resolve()));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      kill(state);
    },
  };
  return driver;
}

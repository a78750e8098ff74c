import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DialKitError } from '../../errors.js';
import type { TwimlDocument } from '../../model/document.js';
import type { BuilderTarget, BuildOptions, BuildOutcome } from './builderTarget.js';
import { parseAnswer, type BuildAnswer, type ProtocolVersion } from './builderProtocol.js';
import { CALL_STYLES, type CallStyle } from './callStyle.js';
import { typedDocument } from './typedDocument.js';

export interface StdioTargetOptions {
  readonly command: string;
  readonly args?: readonly string[];
  readonly cwd?: string;
  /** Time limit of every answer, the first one included, in ms. Default 5000. */
  readonly timeoutMs?: number;
  /** Time limit for the answer to the first request, when it should differ from `timeoutMs`. Default `timeoutMs`. */
  readonly startTimeoutMs?: number;
}

type Answer = { readonly kind: 'answer'; readonly answer: BuildAnswer; readonly line: string } | { readonly kind: 'failure'; readonly message: string };

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly waiting: ((answer: Answer) => void)[];
  stderr: string;
  exited: boolean;
  /** Requests this process has answered, to name a hang: "answered 3 requests, then nothing". */
  answered: number;
}

const EMPTY: TwimlDocument = { root: 'Response', attributes: {}, verbs: [] };

/**
 * A builder in any language behind the line-delimited JSON protocol (schemas/builder-protocol.schema.json).
 * The process is started once and probed with an empty document in a version 1 request; one that cannot
 * start is a DialKitError (exit 2). A probe answer announcing `"version": 2` switches to version 2 requests,
 * which carry typed values for typed calls. After that, a hang, a crash or a line that is not an answer is
 * a `broken` build (a finding; a hang is named as one), and the process is restarted for the next document
 * because the conversation can no longer be trusted. Every answer, the first included, has the time limit.
 */
export async function stdioTarget(options: StdioTargetOptions): Promise<BuilderTarget> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const display = [options.command, ...(options.args ?? [])].join(' ');
  let running: Running | undefined;
  let nextId = 0;
  let version: ProtocolVersion = 1;
  const startTimeoutMs = options.startTimeoutMs ?? timeoutMs;

  const start = (): Running => {
    const child = spawn(options.command, [...(options.args ?? [])], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const state: Running = { child, waiting: [], stderr: '', exited: false, answered: 0 };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      state.stderr = (state.stderr + chunk).slice(-2000);
    });
    const fail = (message: string): void => {
      state.exited = true;
      for (const resolve of state.waiting.splice(0)) resolve({ kind: 'failure', message });
    };
    child.on('error', (error) => fail(`the builder process could not run: ${error.message}`));
    child.on('exit', (code, signal) => fail(`the builder process exited (${signal ?? `code ${code}`})${tail(state.stderr)}`));
    child.stdin.on('error', () => undefined);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = parseAnswer(line);
      const resolve = state.waiting.shift();
      if (resolve === undefined) return;
      state.answered += 1;
      resolve(parsed.ok ? { kind: 'answer', answer: parsed.answer, line } : { kind: 'failure', message: parsed.message });
    });
    return state;
  };

  const stop = (state: Running | undefined): void => {
    if (state === undefined) return;
    state.exited = true;
    state.child.stdin.destroy();
    state.child.kill('SIGKILL');
    if (running === state) running = undefined;
  };

  const ask = async (document: TwimlDocument, limitMs: number, calls: CallStyle = 'strings'): Promise<{ answer: Answer; request: string }> => {
    const fresh = running === undefined || running.exited;
    if (fresh) running = start();
    const state = running as Running;
    // A process's first answer waits for it to start: the start limit applies to it, whichever request it is.
    if (fresh) limitMs = startTimeoutMs;
    const id = nextId++;
    const request = JSON.stringify(version === 1 ? { version, id, document } : { version, id, calls, document: typedDocument(document, calls) });
    let timer: NodeJS.Timeout | undefined;
    const answer = await new Promise<Answer>((resolve) => {
      state.waiting.push(resolve);
      const hang = (): void => {
        const before = state.answered === 0 ? 'before answering anything' : `after answering ${state.answered} request${state.answered === 1 ? '' : 's'}`;
        resolve({ kind: 'failure', message: `the builder hung: no answer to request ${id} within ${limitMs} ms (${before} since it started)` });
      };
      timer = setTimeout(hang, limitMs);
      state.child.stdin.write(`${request}\n`);
    }).finally(() => clearTimeout(timer));
    if (answer.kind === 'failure') stop(state);
    else if (answer.answer.id !== id) {
      stop(state);
      return { answer: { kind: 'failure', message: `the builder answered request ${id} with id ${answer.answer.id}` }, request };
    }
    return { answer, request };
  };

  const probe = await ask(EMPTY, startTimeoutMs);
  if (probe.answer.kind === 'failure') {
    stop(running);
    throw new DialKitError('DIALKIT_ERR_TARGET_START', `cannot start the builder ${JSON.stringify(display)}: ${probe.answer.message}`);
  }
  if (probe.answer.answer.version === 2) version = 2;

  return {
    name: `stdio: ${display}`,
    callStyles: version === 2 ? CALL_STYLES : ['strings'],
    async build(document: TwimlDocument, options: BuildOptions = {}): Promise<BuildOutcome> {
      const { answer, request } = await ask(document, timeoutMs, options.calls);
      if (answer.kind === 'failure') return { kind: 'broken', message: answer.message, steps: [`> ${request}`] };
      const steps = [`> ${request}`, `< ${answer.line}`];
      const body = answer.answer;
      if ('xml' in body) return { kind: 'xml', xml: body.xml, steps };
      if ('error' in body) return { kind: 'refused', message: body.error, steps };
      return { kind: 'unexpressible', reason: body.unsupported };
    },
    async close(): Promise<void> {
      stop(running);
    },
  };
}

function tail(stderr: string): string {
  const text = stderr.trim();
  return text === '' ? '' : `; its stderr ends with: ${text.slice(-300)}`;
}

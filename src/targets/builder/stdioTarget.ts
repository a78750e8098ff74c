import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DialKitError } from '../../errors.js';
import type { TwimlDocument } from '../../model/document.js';
import type { BuilderTarget, BuildOutcome } from './builderTarget.js';
import { parseAnswer, PROTOCOL_VERSION, type BuildAnswer } from './builderProtocol.js';

export interface StdioTargetOptions {
  readonly command: string;
  readonly args?: readonly string[];
  readonly cwd?: string;
  /** Time limit of one build, in ms. Default 5000. */
  readonly timeoutMs?: number;
  /** Time limit for the process to answer its first request, in ms. Default 15000. */
  readonly startTimeoutMs?: number;
}

type Answer = { readonly kind: 'answer'; readonly answer: BuildAnswer; readonly line: string } | { readonly kind: 'failure'; readonly message: string };

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly waiting: ((answer: Answer) => void)[];
  stderr: string;
  exited: boolean;
}

const EMPTY: TwimlDocument = { root: 'Response', attributes: {}, verbs: [] };

/**
 * A builder in any language behind the line-delimited JSON protocol (schemas/builder-protocol.schema.json).
 * The process is started once and probed with an empty document; one that cannot start is a DialKitError
 * (exit 2). After that, a hang, a crash or a line that is not an answer is a `broken` build (a finding),
 * and the process is restarted for the next document because the conversation can no longer be trusted.
 */
export async function stdioTarget(options: StdioTargetOptions): Promise<BuilderTarget> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const display = [options.command, ...(options.args ?? [])].join(' ');
  let running: Running | undefined;
  let nextId = 0;

  const start = (): Running => {
    const child = spawn(options.command, [...(options.args ?? [])], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const state: Running = { child, waiting: [], stderr: '', exited: false };
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

  const ask = async (document: TwimlDocument, limitMs: number): Promise<{ answer: Answer; request: string }> => {
    if (running === undefined || running.exited) running = start();
    const state = running;
    const id = nextId++;
    const request = JSON.stringify({ version: PROTOCOL_VERSION, id, document });
    let timer: NodeJS.Timeout | undefined;
    const answer = await new Promise<Answer>((resolve) => {
      state.waiting.push(resolve);
      timer = setTimeout(() => resolve({ kind: 'failure', message: `the builder did not answer within ${limitMs} ms` }), limitMs);
      state.child.stdin.write(`${request}\n`);
    }).finally(() => clearTimeout(timer));
    if (answer.kind === 'failure') stop(state);
    else if (answer.answer.id !== id) {
      stop(state);
      return { answer: { kind: 'failure', message: `the builder answered request ${id} with id ${answer.answer.id}` }, request };
    }
    return { answer, request };
  };

  const probe = await ask(EMPTY, options.startTimeoutMs ?? 15_000);
  if (probe.answer.kind === 'failure') {
    stop(running);
    throw new DialKitError('DIALKIT_ERR_TARGET_START', `cannot start the builder ${JSON.stringify(display)}: ${probe.answer.message}`);
  }

  return {
    name: `stdio: ${display}`,
    async build(document: TwimlDocument): Promise<BuildOutcome> {
      const { answer, request } = await ask(document, timeoutMs);
      if (answer.kind === 'failure') return { kind: 'broken', message: answer.message, steps: [`> ${request}`] };
      const steps = [`> ${request}`, `< ${answer.line}`];
      return 'xml' in answer.answer ? { kind: 'xml', xml: answer.answer.xml, steps } : { kind: 'refused', message: answer.answer.error, steps };
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

import { writeFile } from 'node:fs/promises';
import { checkEndpoint } from '../../../properties/endpoint.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_STEPS, DEFAULT_RUNS, DEFAULT_TIMEOUT_MS } from '../../check/endpoint/endpointOptions.js';
import type { RunReport } from '../../check/findings.js';
import { failsRun } from '../../check/grade.js';
import { DialKitError } from '../../errors.js';
import { consoleReport } from '../../report/consoleReport.js';
import { jsonReport } from '../../report/jsonReport.js';
import { junitReport } from '../../report/junitReport.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { write, type Command } from '../io.js';

const FLAGS = {
  'auth-token': { type: 'string' },
  method: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'max-steps': { type: 'string' },
  param: { type: 'string', multiple: true },
  lenient: { type: 'boolean' },
  json: { type: 'string' },
  junit: { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  replay: { type: 'string' },
  concurrency: { type: 'string' },
} as const;

function parseParam(text: string): readonly [string, string] {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new DialKitError('DIALKIT_ERR_USAGE', `--param must be NAME=VALUE, not ${JSON.stringify(text)}`);
  return [text.slice(0, equals), text.slice(equals + 1)];
}

async function writeReport(path: string, text: string, flag: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new DialKitError('DIALKIT_ERR_USAGE', `cannot write the ${flag} report to ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export const endpointCommand: Command = {
  name: 'endpoint',
  summary: 'drive a live TwiML voice webhook the way Twilio does and check every answer',
  usage:
    'dial-kit endpoint <voice URL> [--auth-token T] [--method POST|GET] [--runs N] [--seed S] [--timeout-ms 15000] [--max-steps 10] ' +
    '[--param NAME=VALUE]… [--lenient] [--json F] [--junit F] [--allow-origin URL]… [--replay PATH] [--concurrency 8]',
  async run(args, io): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, FLAGS, 1);
    const url = positionals[0];
    if (url === undefined) throw new DialKitError('DIALKIT_ERR_USAGE', 'the voice URL to check is missing');
    const method = (values.method ?? 'POST').toUpperCase();
    if (method !== 'POST' && method !== 'GET') throw new DialKitError('DIALKIT_ERR_USAGE', `--method must be POST or GET, not ${JSON.stringify(values.method)}`);
    if (values['auth-token'] === '') throw new DialKitError('DIALKIT_ERR_USAGE', '--auth-token is empty (is the variable it reads set?)');
    if (values.replay !== undefined && values.seed === undefined) throw new DialKitError('DIALKIT_ERR_USAGE', '--replay needs the --seed printed with it');
    const report: RunReport = await checkEndpoint({
      url,
      method,
      runs: integerOption('runs', values.runs, DEFAULT_RUNS, 1, 1_000_000),
      timeoutMs: integerOption('timeout-ms', values['timeout-ms'], DEFAULT_TIMEOUT_MS, 1, 600_000),
      maxSteps: integerOption('max-steps', values['max-steps'], DEFAULT_MAX_STEPS, 1, 1000),
      concurrency: integerOption('concurrency', values.concurrency, DEFAULT_CONCURRENCY, 1, 256),
      params: (values.param ?? []).map(parseParam),
      lenient: values.lenient === true,
      allowOrigins: values['allow-origin'] ?? [],
      ...(values['auth-token'] === undefined ? {} : { authToken: values['auth-token'] }),
      ...(values.seed === undefined ? {} : { seed: integerOption('seed', values.seed, 0, -2147483648, 2147483647) }),
      ...(values.replay === undefined ? {} : { replayPath: values.replay }),
    });
    write(io.stdout, consoleReport(report));
    if (values.json !== undefined) await writeReport(values.json, jsonReport(report), '--json');
    if (values.junit !== undefined) await writeReport(values.junit, junitReport(report), '--junit');
    return failsRun(report) ? 1 : 0;
  },
};

import { readFile } from 'node:fs/promises';
import { checkEndpoint, endpointProperties } from '../../../properties/endpoint.js';
import { checkedExpectations, parseExpectation, parseExpectationFile, type Expectation } from '../../check/endpoint/expectation.js';
import type { EndpointCheckOptions } from '../../check/endpoint/endpointOptions.js';
import { replayStoredCalls } from '../../check/endpoint/replayStoredCalls.js';
import { selectProperties } from '../../check/selectProperties.js';
import { storedReplayText, type StoredReplay } from '../../check/store/storedReplay.js';
import { failureStoreReport } from '../../report/failureStoreReport.js';
import { beginFailureStore, finishFailureStore } from '../failureStoreRun.js';
import { propertyList } from '../propertyList.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_STEPS, DEFAULT_RUNS, DEFAULT_TIMEOUT_MS } from '../../check/endpoint/endpointOptions.js';
import type { RunReport } from '../../check/findings.js';
import { failsRun } from '../../check/grade.js';
import { kitVersion } from '../../check/kitVersion.js';
import { DialKitError } from '../../errors.js';
import { consoleReport } from '../../report/consoleReport.js';
import { progressBar } from '../../report/progressBar.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { replayPathOption } from '../replayPathOption.js';
import { seedOption } from '../seedOption.js';
import { write, type CommandRunner } from '../io.js';
import { openReportOutputs, REPORT_FLAGS } from '../reportOutputs.js';

const FLAGS = {
  'auth-token': { type: 'string' },
  method: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'max-steps': { type: 'string' },
  param: { type: 'string', multiple: true },
  lenient: { type: 'boolean' },
  ...REPORT_FLAGS,
  'allow-origin': { type: 'string', multiple: true },
  replay: { type: 'string' },
  concurrency: { type: 'string' },
  property: { type: 'string', multiple: true },
  list: { type: 'boolean' },
  failures: { type: 'string' },
  expect: { type: 'string', multiple: true },
  'expect-file': { type: 'string' },
  strict: { type: 'boolean' },
} as const;

/** The expectations of `--expect` and `--expect-file`, checked: each one sentence of usage error when broken. */
async function expectationsOf(values: { expect?: string[]; 'expect-file'?: string }): Promise<readonly Expectation[]> {
  const fromFlags = (values.expect ?? []).map(parseExpectation);
  const file = values['expect-file'];
  let fromFile: Expectation[] = [];
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new DialKitError('DIALKIT_ERR_USAGE', `cannot read the expectations file ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    }
    fromFile = parseExpectationFile(text, file);
  }
  return checkedExpectations([...fromFile, ...fromFlags]);
}

function parseParam(text: string): readonly [string, string] {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new DialKitError('DIALKIT_ERR_USAGE', `--param must be NAME=VALUE, not ${JSON.stringify(text)}`);
  return [text.slice(0, equals), text.slice(equals + 1)];
}

export const endpointCommand: CommandRunner = {
  async run(args, io): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, FLAGS, 1);
    const expectations = await expectationsOf(values);
    const properties = selectProperties(endpointProperties(expectations), values.property);
    if (values.list === true) {
      write(io.stdout, propertyList(properties));
      return 0;
    }
    const url = positionals[0];
    if (url === undefined) throw new DialKitError('DIALKIT_ERR_USAGE', 'the voice URL to check is missing');
    const method = (values.method ?? 'POST').toUpperCase();
    if (method !== 'POST' && method !== 'GET') throw new DialKitError('DIALKIT_ERR_USAGE', `--method must be POST or GET, not ${JSON.stringify(values.method)}`);
    if (values['auth-token'] === '') throw new DialKitError('DIALKIT_ERR_USAGE', '--auth-token is empty (is the variable it reads set?)');
    const replayPath = replayPathOption(values.replay);
    if (values.replay !== undefined && values.seed === undefined) throw new DialKitError('DIALKIT_ERR_USAGE', '--replay needs the --seed printed with it');
    const runs = integerOption('runs', values.runs, DEFAULT_RUNS, 1, 1_000_000);
    const timeoutMs = integerOption('timeout-ms', values['timeout-ms'], DEFAULT_TIMEOUT_MS, 1, 600_000);
    const maxSteps = integerOption('max-steps', values['max-steps'], DEFAULT_MAX_STEPS, 1, 1000);
    const concurrency = integerOption('concurrency', values.concurrency, DEFAULT_CONCURRENCY, 1, 256);
    const params = (values.param ?? []).map(parseParam);
    // Chosen here rather than by the runner, so the event stream can name it before the first call.
    const seed = values.seed === undefined ? Math.floor(Math.random() * 0x7fffffff) : seedOption(values.seed, 0);
    const store = values.failures === undefined ? undefined : await beginFailureStore(values.failures, 'endpoint');
    const outputs = openReportOutputs(values, io);
    if (outputs.shard !== undefined && values.replay !== undefined) throw new DialKitError('DIALKIT_ERR_USAGE', '--replay replays one call of the whole run; leave out --shard');
    if (outputs.shard !== undefined && store !== undefined) throw new DialKitError('DIALKIT_ERR_USAGE', '--failures replays and keeps the calls of whole runs; leave out --shard');
    const shard = outputs.shard === undefined ? {} : { shard: outputs.shard };
    outputs.events.runStart({ version: kitVersion(), mode: 'endpoint', target: url, seed, runs, ...shard, properties });
    for (const property of properties) outputs.events.propertyStart(property);
    let report: RunReport;
    let replays: StoredReplay[] = [];
    const bar = progressBar(io.stderr, io.env);
    try {
      const options: EndpointCheckOptions = {
        url,
        method,
        runs,
        timeoutMs,
        maxSteps,
        concurrency,
        params,
        lenient: values.lenient === true,
        allowOrigins: values['allow-origin'] ?? [],
        ...(values['auth-token'] === undefined ? {} : { authToken: values['auth-token'] }),
        seed,
        ...shard,
        ...(replayPath === undefined ? {} : { replayPath }),
        ...(values.property === undefined ? {} : { properties: values.property }),
        ...(expectations.length === 0 ? {} : { expectations }),
        onProgress: (done, total) => {
          bar.update('calls', done, total);
          outputs.events.progress(undefined, done, total);
        },
        onFinding: (finding) => outputs.events.finding(finding),
      };
      if (store !== undefined) {
        const replayText = (file: string): string => storedReplayText(store.dir, file, 'endpoint');
        replays = await replayStoredCalls(options, properties, store.files, replayText);
        for (const finding of replays.flatMap((replay) => replay.findings)) outputs.events.finding(finding);
      }
      report = await checkEndpoint(options);
      // Under --lenient a warning is reported but fails nothing, so it is not kept either.
      if (store !== undefined) report = await finishFailureStore(store, report, replays, (finding) => values.lenient !== true || finding.severity !== 'warning');
      for (const property of report.properties) outputs.events.propertyEnd(property);
      outputs.events.runEnd(report);
    } finally {
      bar.finish();
      outputs.close();
    }
    write(outputs.console, consoleReport(report));
    if (report.failureStore !== undefined) write(outputs.console, failureStoreReport(report.failureStore));
    outputs.write(report);
    return failsRun(report, { strict: values.strict === true }) ? 1 : 0;
  },
};

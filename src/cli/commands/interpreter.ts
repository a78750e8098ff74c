import { checkInterpreter, INTERPRETER_PROPERTIES } from '../../../properties/interpreterCheck.js';
import { failsRun } from '../../check/grade.js';
import { DEFAULT_INTERPRETER_RUNS, DEFAULT_INTERPRETER_TIMEOUT_MS, DEFAULT_MAX_SHRINKS, DEFAULT_TOLERANCE_SECONDS } from '../../check/interpreter/interpreterOptions.js';
import { DialKitError } from '../../errors.js';
import { loadProfile } from '../../profile/parseProfile.js';
import { kitVersion } from '../../check/kitVersion.js';
import type { RunReport } from '../../check/findings.js';
import { consoleReport } from '../../report/consoleReport.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { write, type CommandRunner } from '../io.js';
import { openReportOutputs, REPORT_FLAGS } from '../reportOutputs.js';
import { replayPathOption } from '../replayPathOption.js';
import { selectProperties } from '../../check/selectProperties.js';
import { replayInterpreterCases } from '../../check/store/replayInterpreterCases.js';
import { storedReplayText, type StoredReplay } from '../../check/store/storedReplay.js';
import type { InterpreterCheckOptions } from '../../check/interpreter/interpreterOptions.js';
import { failureStoreReport } from '../../report/failureStoreReport.js';
import { beginFailureStore, finishFailureStore } from '../failureStoreRun.js';
import { propertyList } from '../propertyList.js';

const FLAGS = {
  runs: { type: 'string' },
  seed: { type: 'string' },
  profile: { type: 'string' },
  ...REPORT_FLAGS,
  'timeout-ms': { type: 'string' },
  'tolerance-s': { type: 'string' },
  'max-shrinks': { type: 'string' },
  replay: { type: 'string' },
  stdio: { type: 'boolean' },
  property: { type: 'string', multiple: true },
  list: { type: 'boolean' },
  failures: { type: 'string' },
} as const;

function tolerance(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TOLERANCE_SECONDS;
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || Number(value) > 3600) throw new DialKitError('DIALKIT_ERR_USAGE', `--tolerance-s must be a number of seconds from 0 to 3600, not ${JSON.stringify(value)}`);
  return Number(value);
}

export const interpreterCommand: CommandRunner = {
  async run(args, io): Promise<number> {
    const split = args.indexOf('--');
    const kitArgs = split === -1 ? args : args.slice(0, split);
    const driver = split === -1 ? [] : args.slice(split + 1);
    const { values } = parseCommandArgs(kitArgs, FLAGS, 0);
    const properties = selectProperties(INTERPRETER_PROPERTIES, values.property);
    if (values.list === true) {
      write(io.stdout, propertyList(properties));
      return 0;
    }
    if (values.stdio !== true) throw new DialKitError('DIALKIT_ERR_USAGE', 'say how to reach the driver: --stdio -- CMD… (the only transport of carrier protocol v1)');
    const [command, ...commandArgs] = driver;
    if (command === undefined || command === '') throw new DialKitError('DIALKIT_ERR_USAGE', 'the driver command is missing after --');
    const replayPath = replayPathOption(values.replay);
    if (values.replay !== undefined && values.seed === undefined) throw new DialKitError('DIALKIT_ERR_USAGE', '--replay needs the --seed printed with it');
    const profile = values.profile === undefined ? undefined : loadProfile(values.profile);
    const seed = values.seed === undefined ? Math.floor(Math.random() * 0x7fffffff) : integerOption('seed', values.seed, 0, -2147483648, 2147483647);
    const runs = integerOption('runs', values.runs, DEFAULT_INTERPRETER_RUNS, 1, 1_000_000);
    const store = values.failures === undefined ? undefined : await beginFailureStore(values.failures, 'interpreter');
    const outputs = openReportOutputs(values, io);
    if (outputs.shard !== undefined) throw new DialKitError('DIALKIT_ERR_USAGE', '--shard is not supported by the interpreter check (calls are played one at a time by one driver)');
    const target = `stdio: ${driver.join(' ')}`;
    const shared = {
      command,
      args: commandArgs,
      timeoutMs: integerOption('timeout-ms', values['timeout-ms'], DEFAULT_INTERPRETER_TIMEOUT_MS, 1, 600_000),
      toleranceSeconds: tolerance(values['tolerance-s']),
      maxShrinks: integerOption('max-shrinks', values['max-shrinks'], DEFAULT_MAX_SHRINKS, 0, 100_000),
      ...(profile === undefined ? {} : { profile, profilePath: values.profile }),
    } satisfies InterpreterCheckOptions & { readonly profilePath?: string };
    outputs.events.runStart({ version: kitVersion(), mode: 'interpreter', target, seed, runs, properties });
    for (const property of properties) outputs.events.propertyStart(property);
    let report: RunReport;
    let replays: StoredReplay[] = [];
    try {
      if (store !== undefined) {
        const replayText = (file: string): string => storedReplayText(store.dir, file, 'interpreter');
        replays = await replayInterpreterCases(store.files, properties, { ...shared, replayText });
        for (const finding of replays.flatMap((replay) => replay.findings)) outputs.events.finding(finding);
      }
      report = await checkInterpreter({
        ...shared,
        runs,
        seed,
        ...(replayPath === undefined ? {} : { replayPath }),
        ...(values.property === undefined ? {} : { properties: values.property }),
        onProgress: (done, total) => outputs.events.progress(undefined, done, total),
      });
      if (store !== undefined) report = await finishFailureStore(store, report, replays, () => true);
      for (const property of report.properties) outputs.events.propertyEnd(property);
      outputs.events.runEnd(report);
    } finally {
      outputs.close();
    }
    write(outputs.console, consoleReport(report));
    if (report.failureStore !== undefined) write(outputs.console, failureStoreReport(report.failureStore));
    outputs.write(report);
    return failsRun(report) ? 1 : 0;
  },
};

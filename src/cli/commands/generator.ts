import { builderProperties, DOCUMENT_SELECTIONS, type DocumentSelection } from '../../../properties/builder.js';
import { BUNDLED_TWILIO_KNOWN } from '../../../properties/bundledTwilioKnown.js';
import { INVALID_POLICIES, type BuilderProperty, type InvalidPolicy } from '../../check/builderProperty.js';
import { DEFAULT_SEED } from '../../../properties/checkGenerator.js';
import { runBuilderProperties } from '../../check/runBuilderProperties.js';
import { failsRun } from '../../check/grade.js';
import { kitVersion } from '../../check/kitVersion.js';
import { DialKitError } from '../../errors.js';
import { dialectSubset, nameList } from '../../profile/dialectSubset.js';
import { loadProfile } from '../../profile/parseProfile.js';
import { consoleReport } from '../../report/consoleReport.js';
import { progressBar } from '../../report/progressBar.js';
import type { BuilderTarget } from '../../targets/builder/builderTarget.js';
import { moduleTarget } from '../../targets/builder/moduleTarget.js';
import { readKnownFailures } from '../../targets/builder/readKnownFailures.js';
import { stdioTarget } from '../../targets/builder/stdioTarget.js';
import { withTimeout } from '../../targets/builder/withTimeout.js';
import { selectProperties } from '../../check/selectProperties.js';
import { replayBuilderCases } from '../../check/store/replayBuilderCases.js';
import { storedReplayText, type StoredReplay } from '../../check/store/storedReplay.js';
import { failureStoreReport } from '../../report/failureStoreReport.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { beginFailureStore, finishFailureStore } from '../failureStoreRun.js';
import { propertyList } from '../propertyList.js';
import { replayPathOption } from '../replayPathOption.js';
import { compressPath } from '../../check/replayToken.js';
import { seedOption } from '../seedOption.js';
import { workersOption } from '../workersOption.js';
import { write, type CommandRunner } from '../io.js';
import { openReportOutputs, REPORT_FLAGS } from '../reportOutputs.js';

const FLAGS = {
  module: { type: 'string' },
  export: { type: 'string' },
  stdio: { type: 'boolean' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  only: { type: 'string' },
  ...REPORT_FLAGS,
  strict: { type: 'boolean' },
  replay: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'invalid-policy': { type: 'string' },
  'max-findings': { type: 'string' },
  known: { type: 'string' },
  property: { type: 'string', multiple: true },
  list: { type: 'boolean' },
  failures: { type: 'string' },
  nouns: { type: 'string' },
  verbs: { type: 'string' },
  profile: { type: 'string' },
  workers: { type: 'string' },
} as const;


/** Quotes a word for a POSIX shell only when it needs it, so replay lines can be pasted. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

export const generatorCommand: CommandRunner = {
  async run(args, io) {
    const split = args.indexOf('--');
    const own = split === -1 ? args : args.slice(0, split);
    const command = split === -1 ? [] : args.slice(split + 1);
    const { values } = parseCommandArgs(own, FLAGS, 0);
    const runs = integerOption('runs', values.runs, 100, 1, 10_000_000);
    const seed = seedOption(values.seed, DEFAULT_SEED);
    const timeoutMs = integerOption('timeout-ms', values['timeout-ms'], 5000, 1, 600_000);
    const only = (values.only ?? 'all') as DocumentSelection;
    if (!DOCUMENT_SELECTIONS.includes(only)) throw new DialKitError('DIALKIT_ERR_USAGE', `--only must be valid, invalid, unwritable or all, not ${JSON.stringify(values.only)}`);
    const maxFindings = integerOption('max-findings', values['max-findings'], 10, 1, 1000);
    const bundled = values.stdio !== true && values.module === undefined;
    // The bundled twilio package's known faults are expected unless the user names their own list.
    const known = values.known !== undefined ? readKnownFailures(values.known) : bundled ? BUNDLED_TWILIO_KNOWN : [];
    const invalidPolicy = (values['invalid-policy'] ?? 'refuse-or-faithful') as InvalidPolicy;
    if (!INVALID_POLICIES.includes(invalidPolicy)) {
      throw new DialKitError('DIALKIT_ERR_USAGE', `--invalid-policy must be one of ${INVALID_POLICIES.join(', ')}, not ${JSON.stringify(values['invalid-policy'])}`);
    }
    if (values.stdio === true && (values.module !== undefined || values.export !== undefined)) {
      throw new DialKitError('DIALKIT_ERR_USAGE', '--stdio and --module/--export choose different targets; give one of them');
    }
    if (values.stdio === true && command.length === 0) throw new DialKitError('DIALKIT_ERR_USAGE', '--stdio needs the builder command after --, e.g. --stdio -- python3 builder.py');
    if (values.stdio !== true && command.length > 0) throw new DialKitError('DIALKIT_ERR_USAGE', `a command after -- is only used with --stdio`);
    const replayPath = replayPathOption(values.replay);
    const workers = workersOption(values.workers, runs);
    const nouns = nameList(values.nouns);
    const verbs = nameList(values.verbs);
    const dialect = dialectSubset({ ...(nouns === undefined ? {} : { nouns }), ...(verbs === undefined ? {} : { verbs }), ...(values.profile === undefined ? {} : { profile: loadProfile(values.profile) }) });
    const properties = selectProperties(builderProperties('all', dialect), values.property).filter((property) => only === 'all' || property.documents === only);
    if (properties.length === 0) throw new DialKitError('DIALKIT_ERR_USAGE', `--only ${only} leaves none of the properties named by --property`);
    if (values.list === true) {
      write(io.stdout, propertyList(properties));
      return 0;
    }
    const store = values.failures === undefined ? undefined : await beginFailureStore(values.failures, 'generator');

    const outputs = openReportOutputs(values, io);
    if (outputs.shard !== undefined && values.replay !== undefined) throw new DialKitError('DIALKIT_ERR_USAGE', '--replay replays one case of the whole run; leave out --shard');
    if (outputs.shard !== undefined && store !== undefined) throw new DialKitError('DIALKIT_ERR_USAGE', '--failures replays and keeps the cases of whole runs; leave out --shard');
    const targetWords = values.stdio === true
      ? ['--stdio', '--', ...command]
      : [...(values.module === undefined ? [] : ['--module', values.module]), ...(values.export === undefined ? [] : ['--export', values.export])];
    const optionWords = [
      ...(values.strict === true ? ['--strict'] : []),
      ...(values['invalid-policy'] === undefined ? [] : ['--invalid-policy', invalidPolicy]),
      ...(values['timeout-ms'] === undefined ? [] : ['--timeout-ms', String(timeoutMs)]),
      ...(values.known === undefined ? [] : ['--known', values.known]),
      // The dialect changes which document a path leads to, so a replay line repeats it.
      ...(nouns === undefined ? [] : ['--nouns', nouns.join(',')]),
      ...(verbs === undefined ? [] : ['--verbs', verbs.join(',')]),
      ...(values.profile === undefined ? [] : ['--profile', values.profile]),
    ];
    const replayLine = (property: BuilderProperty, replaySeed: number, path: string): string => {
      const words = ['dial-kit', 'generator', ...optionWords, '--seed', String(replaySeed), '--only', property.documents, '--replay', compressPath(path), ...targetWords];
      return words.map(shellWord).join(' ');
    };

    const target: BuilderTarget = values.stdio === true
      ? await stdioTarget({ command: command[0] as string, args: command.slice(1), timeoutMs })
      : withTimeout(await moduleTarget({ ...(values.module === undefined ? {} : { module: values.module }), ...(values.export === undefined ? {} : { exportPath: values.export }) }), timeoutMs);
    const bar = progressBar(io.stderr, io.env);
    outputs.events.runStart({ version: kitVersion(), mode: 'generator', target: target.name, seed, runs, ...(outputs.shard === undefined ? {} : { shard: outputs.shard }), properties });
    let report;
    let replays: StoredReplay[] = [];
    try {
      if (store !== undefined) {
        const replayText = (file: string): string => storedReplayText(store.dir, file, 'generator');
        replays = await replayBuilderCases(store.files, properties, target, { strict: values.strict === true, invalidPolicy, replayText });
        for (const finding of replays.flatMap((replay) => replay.findings)) outputs.events.finding(finding);
      }
      report = await runBuilderProperties(properties, target, {
        seed,
        runs,
        strict: values.strict === true,
        invalidPolicy,
        maxFindings,
        known,
        ...(replayPath === undefined ? {} : { replayPath }),
        replayLine,
        workers,
        ...(outputs.shard === undefined ? {} : { shard: outputs.shard }),
        onProgress: (property, done, total) => {
          bar.update(property.id, done, total);
          outputs.events.progress(property.id, done, total);
        },
        onPropertyStart: (property) => outputs.events.propertyStart(property),
        onPropertyEnd: (result) => outputs.events.propertyEnd(result),
      });
      if (store !== undefined) report = await finishFailureStore(store, report, replays, () => true);
      outputs.events.runEnd(report);
    } finally {
      bar.finish();
      outputs.close();
      await target.close();
    }
    if (report.properties.length > 0 && report.properties.every((property) => property.status === 'skipped')) {
      throw new DialKitError('DIALKIT_ERR_NOTHING_CHECKED', `nothing was checked: ${report.properties[0]?.skipReason ?? 'every property was skipped'}`);
    }
    write(outputs.console, consoleReport(report));
    if (report.failureStore !== undefined) write(outputs.console, failureStoreReport(report.failureStore));
    outputs.write(report);
    return failsRun(report, { strict: values.strict === true }) ? 1 : 0;
  },
};

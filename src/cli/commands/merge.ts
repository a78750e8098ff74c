import { readFileSync, statSync } from 'node:fs';
import type { RunReport } from '../../check/findings.js';
import { failsRun } from '../../check/grade.js';
import { mergeShards, ShardMergeError } from '../../check/mergeShards.js';
import { DialKitError } from '../../errors.js';
import { consoleReport } from '../../report/consoleReport.js';
import { parseCommandArgs } from '../args.js';
import { write, type CommandRunner } from '../io.js';
import { openReportOutputs } from '../reportOutputs.js';

const FLAGS = {
  json: { type: 'string' },
  junit: { type: 'string' },
  html: { type: 'string' },
  strict: { type: 'boolean' },
} as const;

/** A JSON report of a long run is large, but not this large; past it the file is not a report. */
const MAX_REPORT_BYTES = 512 * 1024 * 1024;

function readReport(path: string): RunReport {
  let text: string;
  try {
    if (statSync(path).size > MAX_REPORT_BYTES) throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `${JSON.stringify(path)} is over ${MAX_REPORT_BYTES / 1024 / 1024} MB, too large for a report`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof DialKitError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DialKitError('DIALKIT_ERR_INPUT_UNREADABLE', `cannot read ${JSON.stringify(path)}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `${JSON.stringify(path)} is not JSON (give the files written by --json)`);
  }
  const report = parsed as Partial<RunReport> | null;
  if (report === null || typeof report !== 'object' || report.tool !== 'twiml-dial-kit' || !Array.isArray(report.properties) || typeof report.coverage !== 'object') {
    throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `${JSON.stringify(path)} is not a dial-kit JSON report (give the files written by --json)`);
  }
  return report as RunReport;
}

/**
 * `dial-kit merge`: the JSON reports of the shards of one run (`--shard 1/N` … `N/N`), joined into the
 * report that run gives unsharded, printed and written as JSON, JUnit or HTML.
 */
export const mergeCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, FLAGS);
    if (positionals.length === 0) throw new DialKitError('DIALKIT_ERR_USAGE', 'give the JSON reports of the shards to merge');
    const outputs = openReportOutputs(values, io);
    const reports = positionals.map(readReport);
    let merged: RunReport;
    try {
      merged = mergeShards(reports);
    } catch (error) {
      if (error instanceof ShardMergeError) throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', error.message);
      throw error;
    }
    write(outputs.console, consoleReport(merged));
    outputs.write(merged);
    return failsRun(merged, { strict: values.strict === true }) ? 1 : 0;
  },
};

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type * as AjvPackage from 'ajv';
import type { ErrorObject } from 'ajv';
import { describeTrace } from '../../../reference/interpret/describeTrace.js';
import { interpret } from '../../../reference/interpret/interpret.js';
import { OPTION_DOCS } from '../../../reference/interpret/options.js';
import { isOutcomeKind, OUTCOME_KINDS, shorthandOutcome } from '../../../reference/interpret/shorthandOutcome.js';
import { dialedLegs } from '../../../reference/legs.js';
import { validate } from '../../../reference/validate.js';
import { DialKitError } from '../../errors.js';
import type { DialVerb } from '../../model/dial.js';
import type { DialOutcome } from '../../model/outcome.js';
import type { DialTrace, InterpretOptions } from '../../model/trace.js';
import { parseTwiml } from '../../xml/index.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { write, type CommandRunner } from '../io.js';
import { readInput } from '../readInput.js';
import { seedOption } from '../seedOption.js';
import { formatDiagnostic } from './validate.js';
import { lazyPackage } from '../../lazyPackage.js';

const ajvPackage = lazyPackage<typeof AjvPackage>('ajv');

const FLAGS = {
  url: { type: 'string' },
  outcome: { type: 'string' },
  ring: { type: 'string' },
  talk: { type: 'string' },
  'outcome-file': { type: 'string' },
  'request-file': { type: 'string' },
  'dial-index': { type: 'string' },
  seed: { type: 'string' },
  option: { type: 'string', multiple: true },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** The outcome schema, found by walking up from this file (src/cli/commands/ or dist/src/cli/commands/). */
function outcomeSchema(): object {
  for (const relative of ['../../../schemas/outcome.schema.json', '../../../../schemas/outcome.schema.json']) {
    try {
      return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as object;
    } catch {
      // not at this level; try the next one up
    }
  }
  throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', 'schemas/outcome.schema.json is missing from the installation');
}

let validateOutcome: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

function summarise(errors: readonly ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (first === undefined) return 'it does not match schemas/outcome.schema.json';
  const where = first.instancePath === '' ? 'the outcome' : first.instancePath;
  const detail = first.keyword === 'additionalProperties' ? `has an unknown field ${JSON.stringify((first.params as { additionalProperty: string }).additionalProperty)}` : first.message ?? 'is invalid';
  const more = (errors?.length ?? 1) > 1 ? ` (and ${(errors?.length ?? 1) - 1} more problem${(errors?.length ?? 1) > 2 ? 's' : ''})` : '';
  return `${where} ${detail}${more}`;
}

async function outcomeFromFile(path: string): Promise<DialOutcome> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new DialKitError('DIALKIT_ERR_INPUT_UNREADABLE', `cannot read the outcome file ${path}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the outcome file ${path} is not JSON`);
  }
  const { Ajv } = ajvPackage();
  validateOutcome ??= new Ajv({ allErrors: true, strict: true }).compile(outcomeSchema());
  if (!validateOutcome(data)) throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the outcome file ${path} is not a valid outcome: ${summarise(validateOutcome.errors)}`);
  return data as DialOutcome;
}

async function requestFromFile(path: string | undefined): Promise<Record<string, string>> {
  if (path === undefined) return { From: '+14155550100', To: '+14155550199', CallStatus: 'ringing', ApiVersion: '2010-04-01', Direction: 'inbound' };
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the request file ${path} cannot be read as JSON`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.values(data).some((value) => typeof value !== 'string')) {
    throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the request file ${path} must hold one JSON object of string parameters`);
  }
  return data as Record<string, string>;
}

function absoluteUrl(value: string | undefined): string {
  if (value === undefined) throw new DialKitError('DIALKIT_ERR_USAGE', '--url is required: the absolute URL the document was fetched from');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DialKitError('DIALKIT_ERR_USAGE', `--url must be an absolute http(s) URL, not ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DialKitError('DIALKIT_ERR_USAGE', `--url must be an absolute http(s) URL, not ${JSON.stringify(value)}`);
  return url.href;
}

const OPTION_VALUES: Readonly<Record<string, readonly string[] | 'number' | 'boolean'>> = {
  outOfRange: ['clamp', 'default', 'as-written'],
  timeoutBuffer: 'boolean',
  sequentialTimeout: ['per-leg', 'shared'],
  callerHangupAction: ['request-and-discard', 'no-request'],
  callerHangupRingingStatus: ['canceled', 'no-answer'],
  unansweredParallelStatus: ['last-to-end', 'no-answer-first'],
  timeLimitFrom: ['answer', 'dial-start'],
  invalidValue: ['default', 'refuse'],
  amdMode: ['async', 'sync'],
  whisperHangupStatus: ['no-answer', 'completed'],
  statusCallbackEventDefault: ['completed', 'none'],
  busyLegRang: ['never', 'from-dial'],
  maxTimeLimit: 'number',
  epochMs: 'number',
  accountSid: [],
};

function interpretOptions(settings: readonly string[] | undefined): InterpretOptions {
  const options: Record<string, string | number | boolean> = {};
  for (const setting of settings ?? []) {
    const [name = '', ...rest] = setting.split('=');
    const value = rest.join('=');
    const allowed = OPTION_VALUES[name];
    if (allowed === undefined) throw new DialKitError('DIALKIT_ERR_USAGE', `--option ${JSON.stringify(name)} is not an option; the options are ${OPTION_DOCS.map((doc) => doc.name).join(', ')}`);
    if (allowed === 'boolean') {
      if (value !== 'true' && value !== 'false') throw new DialKitError('DIALKIT_ERR_USAGE', `--option ${name} must be true or false`);
      options[name] = value === 'true';
    } else if (allowed === 'number') {
      options[name] = integerOption(`option ${name}`, value, 0);
    } else if (allowed.length > 0 && !allowed.includes(value)) {
      throw new DialKitError('DIALKIT_ERR_USAGE', `--option ${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
    } else {
      options[name] = value;
    }
  }
  return options as InterpretOptions;
}

export const interpretCommand: CommandRunner = {
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, FLAGS, 1);
    const documentUrl = absoluteUrl(values.url);
    if (values.outcome !== undefined && values['outcome-file'] !== undefined) throw new DialKitError('DIALKIT_ERR_USAGE', 'give either --outcome or --outcome-file, not both');
    const kind = values.outcome ?? 'answered';
    if (!isOutcomeKind(kind)) throw new DialKitError('DIALKIT_ERR_USAGE', `--outcome must be one of ${OUTCOME_KINDS.join(', ')}, not ${JSON.stringify(kind)}`);
    const ring = integerOption('ring', values.ring, 5, 0, 1_000_000);
    const talk = integerOption('talk', values.talk, 60, 0, 1_000_000);
    const seed = seedOption(values.seed, 0);
    const options = interpretOptions(values.option);

    const parsed = parseTwiml(await readInput(positionals[0], io.stdin, undefined, (notice) => write(io.stderr, `dial-kit interpret: ${notice}`)));
    if (!parsed.ok) throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the document cannot be interpreted: ${parsed.error.message}`);
    const document = parsed.document;
    const dialIndex = values['dial-index'] === undefined ? document.verbs.findIndex((verb) => verb.kind === 'Dial') : integerOption('dial-index', values['dial-index'], 0, 0, document.verbs.length);
    const dial = document.verbs[dialIndex];
    if (dial === undefined || dial.kind !== 'Dial') {
      throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', values['dial-index'] === undefined ? 'the document has no <Dial> to interpret' : `verb ${dialIndex} of the document is not a <Dial>`);
    }
    const diagnostics = validate(document);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0 && values.force !== true) {
      for (const diagnostic of errors) write(io.stderr, formatDiagnostic(diagnostic));
      write(io.stderr, `dial-kit interpret: the document has ${errors.length} validator error${errors.length === 1 ? '' : 's'}, so Twilio would not run it as written; --force interprets it anyway`);
      return 1;
    }
    const outcome = values['outcome-file'] !== undefined ? await outcomeFromFile(values['outcome-file']) : shorthandOutcome(kind, dialedLegs(dial as DialVerb).length, ring, talk);
    const request = await requestFromFile(values['request-file']);
    let trace: DialTrace;
    try {
      trace = interpret({ document, documentUrl, request, outcome, dialIndex, options, seed });
    } catch (error) {
      if (error instanceof TypeError) throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the document cannot be interpreted: ${error.message}`);
      throw error;
    }
    if (values.json === true) {
      write(io.stdout, JSON.stringify({ ...trace, warnings: diagnostics.length - errors.length }, null, 2));
    } else {
      write(io.stdout, describeTrace(trace));
      const warnings = diagnostics.length - errors.length;
      if (warnings > 0) write(io.stdout, `validator: ${warnings} warning${warnings === 1 ? '' : 's'} (run dial-kit validate for details)`);
    }
    return 0;
  },
};

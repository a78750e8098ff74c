import { OPTION_DOCS } from '../../../reference/interpret/options.js';
import { OUTCOME_KINDS } from '../../../reference/interpret/shorthandOutcome.js';
import type { Command, CommandInfo, CommandRunner } from '../io.js';
import { REPORT_USAGE } from '../reportFlags.js';
import { VALIDATE_FLAGS_USAGE } from '../validateFlags.js';

/**
 * A command of the table: its help text here, its implementation imported when it runs. Listing the
 * commands, `--version` and `COMMAND --help` load none of them, and running one loads only what it
 * needs (the twilio package, ajv, undici, the XML libraries: each costs tens to hundreds of ms).
 */
function lazy(info: CommandInfo, load: () => Promise<CommandRunner>): Command {
  return {
    ...info,
    async run(args, io) {
      const command = await load();
      return command.run(args, io);
    },
  };
}

/** Kit flags come first: everything after `--` is the builder's command line and reaches the builder, not the kit. */
const GENERATOR_USAGE =
  `dial-kit generator [--runs N] [--seed S] [--only valid|invalid|unwritable|all] [--max-findings N] [--known FILE] ${REPORT_USAGE} [--strict] [--replay PATH] [--timeout-ms MS] [--invalid-policy refuse-or-faithful|faithful|refuse] [--property ID]… [--list] [--failures DIR] [--nouns N,…] [--verbs V,…] [--profile FILE] [--workers N|auto] [--module M [--export P] | --stdio -- CMD [ARGS…]]`;

/** The commands in the order `dial-kit --help` lists them. */
export const COMMANDS: readonly Command[] = [
  lazy(
    {
      name: 'validate',
      summary: 'check a TwiML document against the <Dial> rules and print the diagnostics',
      usage: `dial-kit validate [FILE|-] [--strict] [--json] ${VALIDATE_FLAGS_USAGE}`,
    },
    async () => (await import('./validate.js')).validateCommand,
  ),
  lazy(
    {
      name: 'canonical',
      summary: 'print the canonical XML form of a TwiML document',
      usage: 'dial-kit canonical [FILE|-] [--max-bytes N]',
    },
    async () => (await import('./canonical.js')).canonicalCommand,
  ),
  lazy(
    {
      name: 'rules',
      summary: 'list every validator rule with its severity, Twilio code and source (--sources: the traceability table)',
      usage: 'dial-kit rules [--sources] [--json]',
    },
    async () => (await import('./rules.js')).rulesCommand,
  ),
  lazy(
    {
      name: 'sample',
      summary: 'print generated <Dial> documents (valid, or invalid with the rule ids each must trigger)',
      usage:
        'dial-kit sample [--count N] [--seed S] [--invalid] [--outcomes] [--format xml|jsonl]\n' +
        '  xml: each document is preceded by a comment line <!-- dial-kit sample I seed S [rules: a b] -->\n' +
        '  jsonl: one JSON object a line: {sample, seed, xml, document?, rules?, outcome?}\n' +
        '  The seed (default 20261124) is printed to stderr; the same seed prints the same output.',
    },
    async () => (await import('./sample.js')).sampleCommand,
  ),
  lazy(
    {
      name: 'interpret',
      summary: 'derive what Twilio requests and does after a <Dial>, from a document and a call outcome',
      usage: [
        'dial-kit interpret [FILE|-] --url URL [--outcome KIND] [--ring S] [--talk S] [--outcome-file F] [--request-file F]',
        '                   [--dial-index N] [--seed N] [--option NAME=VALUE]... [--force] [--json]',
        `  KIND: ${OUTCOME_KINDS.join(', ')} (default answered); --ring (default 5) and --talk (default 60) in seconds`,
        `  options: ${OPTION_DOCS.map((doc) => `${doc.name} (${doc.values}; default ${doc.default})`).join('; ')}`,
        '  exit 0 trace printed; 1 the document has validator errors (printed; --force interprets anyway); 2 bad input',
      ].join('\n'),
    },
    async () => (await import('./interpret.js')).interpretCommand,
  ),
  lazy(
    {
      name: 'generator',
      summary: 'check a TwiML builder (the twilio package, a module, or any language over stdio) against the reference',
      usage: GENERATOR_USAGE,
    },
    async () => (await import('./generator.js')).generatorCommand,
  ),
  lazy(
    {
      name: 'endpoint',
      summary: 'drive a live TwiML voice webhook the way Twilio does and check every answer',
      usage:
        'dial-kit endpoint <voice URL> [--auth-token T] [--method POST|GET] [--runs N] [--seed S] [--timeout-ms 15000] [--max-steps 10] ' +
        `[--param NAME=VALUE]… [--lenient] ${REPORT_USAGE} [--allow-origin URL]… [--replay PATH] [--concurrency 8] [--property ID]… [--list] [--failures DIR] ` +
        '[--expect STATUSES=NEXT]… [--expect-file FILE] [--strict]',
    },
    async () => (await import('./endpoint.js')).endpointCommand,
  ),
  lazy(
    {
      name: 'interpreter',
      summary: 'check a TwiML interpreter (a Twilio-compatible platform or emulator) through its carrier-protocol driver',
      usage:
        'dial-kit interpreter [--runs N] [--seed S] [--profile FILE] [--json F|-] [--junit F|-] [--html F|-] [--ndjson F|-] [--timeout-ms 5000] [--tolerance-s 1] ' +
        '[--max-shrinks N] [--replay PATH] [--property ID]… [--list] [--failures DIR] --stdio -- CMD [ARG…]',
    },
    async () => (await import('./interpreter.js')).interpreterCommand,
  ),
  lazy(
    {
      name: 'merge',
      summary: 'join the JSON reports of the shards of one run (--shard I/N) into the report of the whole run',
      usage: 'dial-kit merge SHARD.json… [--json F|-] [--junit F|-] [--html F|-] [--strict]',
    },
    async () => (await import('./merge.js')).mergeCommand,
  ),
  lazy(
    {
      name: 'demo',
      summary: 'check the bundled twilio builder, the example forwarding app on 127.0.0.1, and the example emulator when present (npm start)',
      usage: 'dial-kit demo [--runs N] [--endpoint-runs N] [--seed S]',
    },
    async () => (await import('./demo.js')).demoCommand,
  ),
];

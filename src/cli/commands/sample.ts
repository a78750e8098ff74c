import fc from 'fast-check';
import { dialCase } from '../../arbitraries/dialCase.js';
import { invalidDocument } from '../../arbitraries/invalidDocument.js';
import type { LabelledInvalid } from '../../arbitraries/labelledInvalid.js';
import { DialKitError } from '../../errors.js';
import type { TwimlDocument } from '../../model/document.js';
import { serializeTwiml } from '../../xml/serialize.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { seedOption } from '../seedOption.js';
import { write, type CommandRunner } from '../io.js';

/** The seed used when none is given: fixed, so two runs without --seed print the same samples. */
export const DEFAULT_SAMPLE_SEED = 20261124;

function xmlOf(document: TwimlDocument): string {
  try {
    return serializeTwiml(document);
  } catch (error) {
    throw new DialKitError('DIALKIT_ERR_SERIALIZE', `a generated document cannot be written as XML: ${(error as Error).message}`, { cause: error });
  }
}

function invalidXml(sample: LabelledInvalid): string {
  return sample.kind === 'xml' ? sample.xml : xmlOf(sample.document);
}

export const sampleCommand: CommandRunner = {
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      { count: { type: 'string' }, seed: { type: 'string' }, invalid: { type: 'boolean' }, outcomes: { type: 'boolean' }, format: { type: 'string' } },
      0,
    );
    const count = integerOption('count', values.count, 10, 1, 100_000);
    const seed = seedOption(values.seed, DEFAULT_SAMPLE_SEED);
    const format = values.format ?? 'xml';
    if (format !== 'xml' && format !== 'jsonl') throw new DialKitError('DIALKIT_ERR_USAGE', `--format must be xml or jsonl, not ${JSON.stringify(format)}`);
    if (values.outcomes === true && (values.invalid === true || format !== 'jsonl')) {
      throw new DialKitError('DIALKIT_ERR_USAGE', '--outcomes goes with valid documents in --format jsonl only');
    }
    write(io.stderr, `dial-kit sample: seed ${seed} (replay with --seed ${seed})`);
    if (values.invalid === true) {
      fc.sample(invalidDocument(), { seed, numRuns: count }).forEach((sample, index) => {
        const xml = invalidXml(sample);
        if (format === 'xml') {
          write(io.stdout, `<!-- dial-kit sample ${index + 1} seed ${seed} rules: ${sample.rules.join(' ')} -->\n${xml}`);
        } else {
          const document = sample.kind === 'document' ? { document: sample.document } : {};
          write(io.stdout, JSON.stringify({ sample: index + 1, seed, rules: sample.rules, kind: sample.kind, xml, ...document }));
        }
      });
      return 0;
    }
    fc.sample(dialCase(), { seed, numRuns: count }).forEach(({ document, outcome }, index) => {
      const xml = xmlOf(document);
      if (format === 'xml') write(io.stdout, `<!-- dial-kit sample ${index + 1} seed ${seed} -->\n${xml}`);
      else write(io.stdout, JSON.stringify({ sample: index + 1, seed, xml, document, ...(values.outcomes === true ? { outcome } : {}) }));
    });
    return 0;
  },
};

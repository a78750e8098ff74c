import type { AttributeMap } from '../../model/document.js';

/** The attributes of a `<Gather>` that decide how it plays, defaults applied. */
export interface GatherSettings {
  readonly dtmf: boolean;
  readonly speech: boolean;
  /** Undefined: unlimited. */
  readonly numDigits: number | undefined;
  /** The key that submits the digits; '' when none does. */
  readonly finishOnKey: string;
  /** Seconds the Gather waits for the first (and each further) input. */
  readonly timeout: number;
  readonly actionOnEmptyResult: boolean;
}

const POSITIVE = /^[1-9]\d*$/;
const KEYS = '0123456789#*';

/**
 * The settings of a `<Gather>`, or a sentence saying which attribute cannot be played. Values are
 * read as written, the way the validator reads attribute values (no case folding, spaces trimmed
 * only around input tokens and numbers). partialResultCallback is not played: it reports partial
 * speech and its answer drives nothing.
 * @see page §gather-attributes (input dtmf|speech|dtmf speech, default dtmf; finishOnKey one of 0-9#* or '', default #; numDigits a positive integer, unlimited by default)
 * @see page §gather-timeout (timeout a positive integer, default 5); page §err-13310, page §err-13314, page §err-13338
 */
export function gatherSettings(attributes: AttributeMap): GatherSettings | string {
  const tokens = (attributes.input ?? 'dtmf').trim().split(/\s+/);
  if (tokens.some((token) => token !== 'dtmf' && token !== 'speech')) return `<Gather input=${JSON.stringify(attributes.input)}> is not dtmf, speech or "dtmf speech".`;
  const numDigits = attributes.numDigits?.trim();
  if (numDigits !== undefined && !POSITIVE.test(numDigits)) return `<Gather numDigits=${JSON.stringify(attributes.numDigits)}> is not a positive integer (13314).`;
  const finishOnKey = attributes.finishOnKey ?? '#';
  if (finishOnKey.length > 1 || (finishOnKey !== '' && !KEYS.includes(finishOnKey))) return `<Gather finishOnKey=${JSON.stringify(finishOnKey)}> is not one of 0123456789#* nor empty (13310).`;
  const timeout = (attributes.timeout ?? '5').trim();
  if (!POSITIVE.test(timeout)) return `<Gather timeout=${JSON.stringify(attributes.timeout)}> is not a positive integer.`;
  const empty = attributes.actionOnEmptyResult?.trim() ?? 'false';
  if (empty !== 'true' && empty !== 'false') return `<Gather actionOnEmptyResult=${JSON.stringify(attributes.actionOnEmptyResult)}> is not true or false (13338).`;
  return {
    dtmf: tokens.includes('dtmf'),
    speech: tokens.includes('speech'),
    numDigits: numDigits === undefined ? undefined : Number(numDigits),
    finishOnKey,
    timeout: Number(timeout),
    actionOnEmptyResult: empty === 'true',
  };
}

import type { ValidateOptions } from './validate.js';

/** One validator option for what the sources leave open: its values, default and why. */
export interface ValidateOptionDoc {
  readonly name: keyof ValidateOptions;
  readonly values: string;
  readonly default: string;
  readonly why: string;
}

/** Every option of `validate` (the README table and `dial-kit rules --sources` read this). */
export const VALIDATE_OPTION_DOCS: readonly ValidateOptionDoc[] = [
  {
    name: 'combinations',
    values: 'documented | conservative',
    default: 'conservative',
    why: 'facts §8.5: the current docs do not say what mixing a bare number with nouns, Conference/Queue beside other nouns, or several Sip does.',
  },
  {
    name: 'queueNameLimit',
    values: 'shorter-than-64 | 64-or-less',
    default: 'shorter-than-64',
    why: 'facts §8.9: error 14213 says "shorter than 64", the Enqueue page "64 characters or less".',
  },
  { name: 'allow24HourCalls', values: 'true | false', default: 'false', why: 'seed §timeLimit: 24 hours only with the account setting.' },
  { name: 'maxBytes', values: 'bytes', default: '65536', why: 'facts §1.3 11750: Twilio refuses bodies over 64 kB.' },
];

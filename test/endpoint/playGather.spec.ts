import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callerInput } from '../../src/arbitraries/callerInput.js';
import { gatherSettings } from '../../src/check/endpoint/gatherSettings.js';
import { confidenceText, gatherHeard, playGather } from '../../src/check/endpoint/playGather.js';
import type { PlayContext } from '../../src/check/endpoint/verbPlay.js';
import { VERB_PLAY_OPTIONS } from '../../src/check/endpoint/verbPlayOptions.js';
import type { CallerInput } from '../../src/model/callerInput.js';
import type { GenericElement } from '../../src/model/document.js';

const CONTEXT: PlayContext = {
  documentUrl: 'https://app.example/voice/menu?x=1#frag',
  callParams: { CallSid: 'CA1', AccountSid: 'AC1', CallStatus: 'ringing', From: '+15550001111' },
  seed: 7,
};

const gather = (attributes: Record<string, string> = {}): GenericElement => ({ kind: 'element', name: 'Gather', attributes, children: [] });
const input = (fields: Partial<CallerInput>): CallerInput => ({ kind: 'silence', keys: '', speech: '', confidence: 0, seconds: 0, ...fields });
const keys = (pressed: string): CallerInput => input({ kind: 'keys', keys: pressed });

interface Case {
  readonly name: string;
  readonly attributes?: Record<string, string>;
  readonly input: CallerInput;
  readonly kind: 'request' | 'next' | 'hangup' | 'unplayable';
  readonly params?: Record<string, string>;
  readonly absent?: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'digits then # are sent as Digits, # left out (page §gather-flow; option gatherDigitsWithFinishKey)', input: keys('12#9'), kind: 'request', params: { Digits: '12' } },
  { name: 'keys past numDigits are never heard (page §gather-attributes numDigits)', attributes: { numDigits: '2' }, input: keys('1234'), kind: 'request', params: { Digits: '12' } },
  { name: 'numDigits reached before the finish key (page §gather-attributes)', attributes: { numDigits: '1' }, input: keys('5#'), kind: 'request', params: { Digits: '5' } },
  { name: 'digits then silence submit what was entered (page §gather-digits timeout)', input: keys('42'), kind: 'request', params: { Digits: '42' } },
  { name: 'finishOnKey="" submits nothing early: # is a digit (page §gather-attributes empty string)', attributes: { finishOnKey: '' }, input: keys('1#2'), kind: 'request', params: { Digits: '1#2' } },
  { name: 'finishOnKey="*" (page §gather-attributes)', attributes: { finishOnKey: '*' }, input: keys('9#*1'), kind: 'request', params: { Digits: '9#' } },
  { name: 'the finish key before any digit: no request, next verb (page §gather-no-digits, §gather-finish-key)', input: keys('#12'), kind: 'next' },
  { name: 'no key before timeout: next verb (page §gather-timeout, §gather-flow)', input: input({ kind: 'silence', seconds: 9 }), kind: 'next' },
  { name: 'keys after the timeout are too late: next verb (page §gather-timeout)', attributes: { timeout: '3' }, input: input({ kind: 'keys', keys: '1', seconds: 3 }), kind: 'next' },
  { name: 'keys on a speech-only Gather are silence to it (page §gather-attributes input)', attributes: { input: 'speech' }, input: keys('12'), kind: 'next' },
  { name: 'speech on the default dtmf Gather is silence to it (page §gather-attributes input default dtmf)', input: input({ kind: 'speech', speech: 'sales', confidence: 0.5 }), kind: 'next' },
  {
    name: 'speech on "dtmf speech" sends the result and its confidence (options speechParams, confidenceDecimals)',
    attributes: { input: 'dtmf speech' },
    input: input({ kind: 'speech', speech: 'billing please', confidence: 0.87 }),
    kind: 'request',
    params: { SpeechResult: 'billing please', Confidence: '0.87' },
    absent: ['Digits'],
  },
  { name: 'keys on "speech dtmf" send Digits only (page §gather-attributes input)', attributes: { input: 'speech dtmf' }, input: keys('3#'), kind: 'request', params: { Digits: '3' }, absent: ['SpeechResult'] },
  { name: 'actionOnEmptyResult="true" requests the action with no input (page §err-13338; option actionOnEmptyResult)', attributes: { actionOnEmptyResult: 'true' }, input: input({}), kind: 'request', absent: ['Digits'] },
  { name: 'hangup before any submit: the call ends, nothing requested (option gatherHangup)', input: input({ kind: 'hangup', keys: '12' }), kind: 'hangup' },
  { name: 'hangup after numDigits was reached: the request went out first (page §gather-attributes)', attributes: { numDigits: '2' }, input: input({ kind: 'hangup', keys: '12' }), kind: 'request', params: { Digits: '12', CallStatus: 'in-progress' } },
  { name: 'numDigits="0" cannot be played (page §err-13314)', attributes: { numDigits: '0' }, input: keys('1'), kind: 'unplayable' },
  { name: 'finishOnKey="##" cannot be played (page §err-13310)', attributes: { finishOnKey: '##' }, input: keys('1'), kind: 'unplayable' },
  { name: 'actionOnEmptyResult="yes" cannot be played (page §err-13338)', attributes: { actionOnEmptyResult: 'yes' }, input: keys('1'), kind: 'unplayable' },
  { name: 'input="voice" cannot be played (page §gather-attributes)', attributes: { input: 'voice' }, input: keys('1'), kind: 'unplayable' },
  { name: 'timeout="0" cannot be played (page §gather-timeout positive integer)', attributes: { timeout: '0' }, input: keys('1'), kind: 'unplayable' },
  { name: 'an action that is not http(s) cannot be played (facts §5)', attributes: { action: 'ftp://x/y' }, input: keys('1#'), kind: 'unplayable' },
];

describe('playGather', () => {
  for (const rule of CASES) {
    it(rule.name, () => {
      const play = playGather(gather(rule.attributes), CONTEXT, rule.input);
      expect(play.kind, play.summary).toBe(rule.kind);
      if (play.kind !== 'request') return;
      expect(play.params).toMatchObject(rule.params ?? {});
      for (const name of rule.absent ?? []) expect(play.params).not.toHaveProperty(name);
    });
  }

  it('posts to the document URL without its fragment by default, with the call parameters and CallStatus in-progress (page §gather-attributes, §gather-flow)', () => {
    const play = playGather(gather(), CONTEXT, keys('7#'));
    expect(play).toMatchObject({ kind: 'request', role: 'gather-action', method: 'POST', url: 'https://app.example/voice/menu?x=1', callerOnLine: true });
    expect(play.kind === 'request' && play.params).toEqual({ CallSid: 'CA1', AccountSid: 'AC1', CallStatus: 'in-progress', From: '+15550001111', Digits: '7' });
  });

  it('resolves a relative action and keeps GET parameters out of the URL (page §gather-attributes method)', () => {
    const play = playGather(gather({ action: '../next?step=2#x', method: 'GET' }), CONTEXT, keys('7#'));
    expect(play).toMatchObject({ kind: 'request', method: 'GET', url: 'https://app.example/next?step=2' });
  });

  it('options decide where the pages are silent: the finish key in Digits, the hangup, the empty result', () => {
    const withKey = playGather(gather(), CONTEXT, keys('12#'), { ...VERB_PLAY_OPTIONS, gatherDigitsWithFinishKey: true });
    expect(withKey.kind === 'request' && withKey.params.Digits).toBe('12#');
    const hung = playGather(gather(), CONTEXT, input({ kind: 'hangup', keys: '12' }), { ...VERB_PLAY_OPTIONS, gatherHangup: 'request-with-input' });
    expect(hung).toMatchObject({ kind: 'request', callerOnLine: false, params: { Digits: '12', CallStatus: 'completed' } });
    const ignored = playGather(gather({ actionOnEmptyResult: 'true' }), CONTEXT, input({}), { ...VERB_PLAY_OPTIONS, actionOnEmptyResult: 'ignore' });
    expect(ignored.kind).toBe('next');
  });

  it('writes Confidence with at most 8 decimals, trailing zeros dropped (option confidenceDecimals)', () => {
    expect(confidenceText(0.123456789, 8)).toBe('0.12345679');
    expect(confidenceText(1, 8)).toBe('1');
    expect(confidenceText(0, 8)).toBe('0');
    expect(confidenceText(1e-7, 8)).toBe('0.0000001');
    expect(confidenceText(0.5, 0)).toBe('1');
  });

  it('every heard input respects numDigits, finishOnKey and input (property)', () => {
    const attributes = fc.record(
      {
        input: fc.constantFrom('dtmf', 'speech', 'dtmf speech'),
        numDigits: fc.integer({ min: 1, max: 5 }).map(String),
        finishOnKey: fc.constantFrom('', '#', '*', '0', '5'),
        timeout: fc.integer({ min: 1, max: 10 }).map(String),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(attributes, callerInput(), (written, caller) => {
        const settings = gatherSettings(written);
        if (typeof settings === 'string') throw new Error(settings);
        const heard = gatherHeard(settings, caller);
        if (heard.kind === 'digits') {
          expect(settings.dtmf).toBe(true);
          expect(heard.digits.length).toBeGreaterThan(0);
          if (settings.numDigits !== undefined) expect(heard.digits.length).toBeLessThanOrEqual(settings.numDigits);
          if (settings.finishOnKey !== '') expect(heard.digits).not.toContain(settings.finishOnKey);
          expect(caller.keys.startsWith(heard.digits)).toBe(true);
        }
        if (heard.kind === 'speech') expect(settings.speech && caller.kind === 'speech').toBe(true);
        if (heard.kind !== 'nothing') expect(caller.seconds).toBeLessThan(settings.timeout);
        const play = playGather(gather(written), CONTEXT, caller);
        expect(play.kind).not.toBe('unplayable');
        if (play.kind === 'request' && heard.kind === 'digits') expect(play.params.Digits).toBe(heard.digits);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});

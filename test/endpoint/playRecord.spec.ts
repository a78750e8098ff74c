import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callerInput } from '../../src/arbitraries/callerInput.js';
import { playRecord, recordTaken } from '../../src/check/endpoint/playRecord.js';
import { recordSettings } from '../../src/check/endpoint/recordSettings.js';
import type { PlayContext } from '../../src/check/endpoint/verbPlay.js';
import { VERB_PLAY_OPTIONS } from '../../src/check/endpoint/verbPlayOptions.js';
import type { CallerInput } from '../../src/model/callerInput.js';
import type { GenericElement } from '../../src/model/document.js';

const CONTEXT: PlayContext = { documentUrl: 'https://app.example/voicemail', callParams: { CallSid: 'CA1', AccountSid: 'AC1', CallStatus: 'in-progress' }, seed: 11 };

const record = (attributes: Record<string, string> = {}): GenericElement => ({ kind: 'element', name: 'Record', attributes, children: [] });
const input = (fields: Partial<CallerInput>): CallerInput => ({ kind: 'speech', keys: '', speech: 'hello', confidence: 1, seconds: 8, ...fields });

interface Case {
  readonly name: string;
  readonly attributes?: Record<string, string>;
  readonly input: CallerInput;
  readonly kind: 'request' | 'next' | 'hangup' | 'unplayable';
  readonly params?: Record<string, string>;
  readonly absent?: readonly string[];
  readonly callerOnLine?: boolean;
}

const CASES: readonly Case[] = [
  { name: 'talk then silence: RecordingUrl and RecordingDuration in seconds, no Digits (page §record-params, §record-finish; option recordDigitsWithoutKey)', input: input({}), kind: 'request', params: { RecordingDuration: '8' }, absent: ['Digits'] },
  { name: 'any key ends it by default and is sent as Digits (page §record-attributes 1234567890*#, §record-finish)', input: input({ kind: 'keys', keys: '5' }), kind: 'request', params: { Digits: '5', RecordingDuration: '8' } },
  { name: 'a key outside finishOnKey ends nothing; the first one inside does (page §record-finish)', attributes: { finishOnKey: '#' }, input: input({ kind: 'keys', keys: '12#' }), kind: 'request', params: { Digits: '#' } },
  { name: 'no key of finishOnKey pressed: ended by silence, no Digits (page §record-finish)', attributes: { finishOnKey: '*' }, input: input({ kind: 'keys', keys: '12' }), kind: 'request', absent: ['Digits'] },
  { name: 'talk past maxLength is cut there; the key comes too late (page §record-attributes maxLength)', attributes: { maxLength: '5' }, input: input({ kind: 'keys', keys: '#', seconds: 9 }), kind: 'request', params: { RecordingDuration: '5' }, absent: ['Digits'] },
  { name: 'an empty recording requests nothing and goes on with the next verb (page §record-action)', input: input({ kind: 'silence', seconds: 12 }), kind: 'next' },
  { name: 'a key pressed at once makes an empty recording: next verb (page §record-action)', input: input({ kind: 'keys', keys: '#', seconds: 0 }), kind: 'next' },
  { name: 'a hangup after talking requests the action, answer not executed, Digits=hangup (options recordHangupDigits, statusAfterHangup)', input: input({ kind: 'hangup', seconds: 4 }), kind: 'request', params: { Digits: 'hangup', CallStatus: 'completed', RecordingDuration: '4' }, callerOnLine: false },
  { name: 'a hangup with nothing recorded ends the call (page §record-action empty recording)', input: input({ kind: 'hangup', seconds: 0 }), kind: 'hangup' },
  { name: 'finishOnKey="" cannot be played (page §record-attributes)', attributes: { finishOnKey: '' }, input: input({}), kind: 'unplayable' },
  { name: 'finishOnKey="1a" cannot be played (page §err-13613)', attributes: { finishOnKey: '1a' }, input: input({}), kind: 'unplayable' },
  { name: 'maxLength="1" cannot be played (page §record-attributes greater than 1)', attributes: { maxLength: '1' }, input: input({}), kind: 'unplayable' },
  { name: 'timeout="x" cannot be played (page §record-attributes positive integer)', attributes: { timeout: 'x' }, input: input({}), kind: 'unplayable' },
];

describe('playRecord', () => {
  for (const rule of CASES) {
    it(rule.name, () => {
      const play = playRecord(record(rule.attributes), CONTEXT, rule.input);
      expect(play.kind, play.summary).toBe(rule.kind);
      if (play.kind !== 'request') return;
      expect(play.params).toMatchObject(rule.params ?? {});
      for (const name of rule.absent ?? []) expect(play.params).not.toHaveProperty(name);
      expect(play.callerOnLine).toBe(rule.callerOnLine ?? true);
    });
  }

  it('requests the document URL with POST by default, the call parameters first, a seeded RecordingSid (page §record-attributes; option recordingSid)', () => {
    const play = playRecord(record(), CONTEXT, input({}));
    expect(play).toMatchObject({ kind: 'request', role: 'record-action', method: 'POST', url: 'https://app.example/voicemail', callerOnLine: true });
    if (play.kind !== 'request') return;
    expect(Object.keys(play.params)).toEqual(['CallSid', 'AccountSid', 'CallStatus', 'RecordingUrl', 'RecordingDuration', 'RecordingSid']);
    expect(play.params.RecordingSid).toMatch(/^RE[0-9a-f]{32}$/);
    expect(play.params.RecordingUrl).toBe(`https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/${play.params.RecordingSid}`);
    expect(playRecord(record(), CONTEXT, input({}))).toEqual(play);
    const other = playRecord(record(), { ...CONTEXT, seed: 12 }, input({}));
    expect(other.kind === 'request' && other.params.RecordingSid).not.toBe(play.params.RecordingSid);
  });

  it('options: Digits empty when no key ended it, no RecordingSid, another hangup value', () => {
    const options = { ...VERB_PLAY_OPTIONS, recordDigitsWithoutKey: 'empty' as const, recordingSid: false, recordHangupDigits: 'hung-up' };
    expect(playRecord(record(), CONTEXT, input({}), options)).toMatchObject({ params: { Digits: '' } });
    expect(playRecord(record(), CONTEXT, input({}), options)).not.toHaveProperty('params.RecordingSid');
    expect(playRecord(record(), CONTEXT, input({ kind: 'hangup' }), options)).toMatchObject({ params: { Digits: 'hung-up' } });
  });

  it('every recording respects maxLength and finishOnKey (property)', () => {
    const attributes = fc.record({ finishOnKey: fc.constantFrom('#', '*', '1234567890*#', '0'), maxLength: fc.integer({ min: 2, max: 30 }).map(String) }, { requiredKeys: [] });
    fc.assert(
      fc.property(attributes, callerInput(), (written, caller) => {
        const settings = recordSettings(written);
        if (typeof settings === 'string') throw new Error(settings);
        const taken = recordTaken(settings, caller);
        expect(taken.seconds).toBeLessThanOrEqual(settings.maxLength);
        if (taken.key !== '') expect(settings.finishOnKey).toContain(taken.key);
        const play = playRecord(record(written), CONTEXT, caller);
        expect(play.kind).not.toBe('unplayable');
        if (play.kind === 'request') expect(Number(play.params.RecordingDuration)).toBe(taken.seconds);
        if (taken.seconds === 0) expect(['next', 'hangup']).toContain(play.kind);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});

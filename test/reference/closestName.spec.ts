import { describe, expect, it } from 'vitest';
import { closestName } from '../../reference/closestName.js';
import { validateXml } from '../../reference/validate.js';

describe('closestName', () => {
  const dial = ['action', 'method', 'timeout', 'timeLimit', 'callerId', 'record', 'recordingStatusCallbackEvent'];

  it('finds another case, a plural, a dropped letter or two swapped letters', () => {
    expect(closestName('timeOut', dial)).toBe('timeout');
    expect(closestName('recordingStatusCallbackEvents', dial)).toBe('recordingStatusCallbackEvent');
    expect(closestName('calerId', dial)).toBe('callerId');
    expect(closestName('mehtod', dial)).toBe('method');
  });

  it('guesses nothing when no name is within two edits', () => {
    expect(closestName('zzz', dial)).toBeUndefined();
    expect(closestName('timeLimitSeconds', dial)).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
    expect(closestName('Say', ['Sim', 'Sip'])).toBeUndefined();
    expect(closestName('Sap', ['Sim', 'Sip'])).toBe('Sip');
  });
});

describe('messages that suggest the name meant', () => {
  const message = (xml: string): string | undefined => validateXml(`<Response>${xml}</Response>`).diagnostics[0]?.message;

  it('for the misspelt attribute of the twilio package\'s own test (dial-facts §6.1)', () => {
    expect(message('<Dial><Number statusCallbackEvents="initiated ringing">+11234567890</Number></Dial>')).toBe(
      '<Number> has no attribute named statusCallbackEvents (value "initiated ringing"); did you mean statusCallbackEvent?',
    );
  });

  it('for a verb or noun written in the wrong case (12200, facts §1.2)', () => {
    expect(message('<dial>+14155550100</dial>')).toBe('<dial> is not a TwiML voice verb; did you mean <Dial>?');
    expect(message('<Dial><number>+14155550100</number></Dial>')).toMatch(/did you mean <Number>\?$/);
  });

  it('lists the attributes when nothing is close, and says when there are none', () => {
    expect(message('<Dial><Queue zzz="1">support</Queue></Dial>')).toBe('<Queue> has no attribute named zzz (value "1"); its attributes are url, method, reservationSid, postWorkActivitySid');
    expect(message(`<Dial><Sim foo="1">DE${'a'.repeat(32)}</Sim></Dial>`)).toBe('<Sim> has no attribute named foo (value "1"); it takes no attributes');
  });
});

import type { CallerInput } from '../../model/callerInput.js';
import type { GenericElement } from '../../model/document.js';
import { gatherSettings, type GatherSettings } from './gatherSettings.js';
import { verbAction } from './verbAction.js';
import type { PlayContext, VerbPlay } from './verbPlay.js';
import { VERB_PLAY_OPTIONS, type VerbPlayOptions } from './verbPlayOptions.js';

/** What a `<Gather>` hears of the caller's input. */
export type GatherHeard =
  | { readonly kind: 'digits'; readonly digits: string; readonly endedBy: 'key' | 'numDigits' | 'timeout' | 'hangup' }
  | { readonly kind: 'speech'; readonly speech: string; readonly confidence: number }
  | { readonly kind: 'nothing'; readonly endedBy: 'timeout' | 'hangup'; readonly why: string };

/**
 * Keys up to the finish key (not included) or up to numDigits, whichever comes first; the rest were
 * never heard. A finish key before any digit submits nothing.
 * @see page §gather-flow (digits then #), page §gather-finish-key, page §gather-no-digits
 */
function cutKeys(keys: string, settings: GatherSettings, hangsUp: boolean): GatherHeard {
  let digits = '';
  for (const key of keys) {
    if (settings.finishOnKey !== '' && key === settings.finishOnKey) {
      return digits === '' ? { kind: 'nothing', endedBy: 'timeout', why: `the caller pressed the finish key ${settings.finishOnKey} before any digit` } : { kind: 'digits', digits, endedBy: 'key' };
    }
    digits += key;
    if (digits.length === settings.numDigits) return { kind: 'digits', digits, endedBy: 'numDigits' };
  }
  const endedBy = hangsUp ? 'hangup' : 'timeout';
  return digits === '' ? { kind: 'nothing', endedBy, why: 'the caller pressed no key' } : { kind: 'digits', digits, endedBy };
}

/**
 * The caller's input as a `<Gather>` hears it: nothing once the caller waits as long as the timeout;
 * keys only when input has dtmf, speech only when it has speech; a hangup counts the keys pressed
 * before it. The input kinds the Gather does not take are silence to it.
 * @see page §gather-attributes (input), page §gather-timeout (no input before timeout: next verb)
 */
export function gatherHeard(settings: GatherSettings, input: CallerInput): GatherHeard {
  const hangsUp = input.kind === 'hangup';
  if (input.seconds >= settings.timeout) return { kind: 'nothing', endedBy: 'timeout', why: `the caller waited ${input.seconds} s, not less than timeout=${settings.timeout}` };
  if (input.kind === 'keys' || hangsUp) {
    if (settings.dtmf) return cutKeys(input.keys, settings, hangsUp);
    const why = hangsUp ? 'the caller pressed nothing the Gather takes' : 'the caller pressed keys but input has no dtmf';
    return { kind: 'nothing', endedBy: hangsUp ? 'hangup' : 'timeout', why };
  }
  if (input.kind === 'speech' && settings.speech && input.speech !== '') return { kind: 'speech', speech: input.speech, confidence: input.confidence };
  const why = input.kind === 'silence' ? 'the caller said nothing' : settings.speech ? 'the caller said nothing recognisable' : 'the caller spoke but input has no speech';
  return { kind: 'nothing', endedBy: 'timeout', why };
}

/** A confidence from 0 to 1 with at most `decimals` decimals, trailing zeros dropped. */
export function confidenceText(confidence: number, decimals: number): string {
  const fixed = Math.min(1, Math.max(0, confidence)).toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * Plays a `<Gather>` against what the caller does: heard digits or speech request the action (the
 * call's parameters, then Digits, or the speech result and its confidence); no input goes on with
 * the next verb, unless actionOnEmptyResult asks for the action anyway; a hangup ends the call.
 * @see page §gather-flow, page §gather-no-digits, page §gather-digits (Digits); the choices the pages leave open are {@link VerbPlayOptions}
 */
export function playGather(gather: GenericElement, context: PlayContext, input: CallerInput, options: VerbPlayOptions = VERB_PLAY_OPTIONS): VerbPlay {
  const settings = gatherSettings(gather.attributes);
  if (typeof settings === 'string') return { kind: 'unplayable', summary: settings };
  const heard = gatherHeard(settings, input);
  const ask = (params: Record<string, string>, callerOnLine: boolean, summary: string): VerbPlay =>
    verbAction(gather, context, { role: 'gather-action', params, callerOnLine, summary }, options);
  if (heard.kind === 'speech') {
    const { result, confidence } = options.speechParams;
    const params = { [result]: heard.speech, [confidence]: confidenceText(heard.confidence, options.confidenceDecimals) };
    return ask(params, true, `the caller said ${JSON.stringify(heard.speech)}; <Gather> requests its action.`);
  }
  if (heard.kind === 'digits') {
    const withKey = heard.endedBy === 'key' && options.gatherDigitsWithFinishKey;
    const digits = withKey ? `${heard.digits}${settings.finishOnKey}` : heard.digits;
    const said = `the caller pressed ${JSON.stringify(input.keys)} (heard ${JSON.stringify(heard.digits)}, ended by ${heard.endedBy})`;
    if (heard.endedBy !== 'hangup') return ask({ Digits: digits }, true, `${said}; <Gather> requests its action.`);
    if (options.gatherHangup === 'nothing') return { kind: 'hangup', summary: `${said}; the call ends and nothing is requested (option gatherHangup).` };
    return ask({ Digits: digits }, false, `${said}; <Gather> requests its action, whose answer is not executed (option gatherHangup).`);
  }
  if (heard.endedBy === 'hangup') return { kind: 'hangup', summary: `${heard.why}, then hung up during <Gather>; the call ends.` };
  if (settings.actionOnEmptyResult && options.actionOnEmptyResult === 'honour') {
    return ask({}, true, `${heard.why}; <Gather actionOnEmptyResult="true"> requests its action anyway.`);
  }
  return { kind: 'next', summary: `${heard.why}; <Gather> goes on with the next verb.` };
}

import type { AnsweredBy } from '../../src/model/outcome.js';
import { derivedRequest } from './derivedRequest.js';
import type { Timed } from './legCallbacks.js';
import { legAttributes, methodOf, urlAttribute } from './legInfo.js';
import type { ResolvedOptions } from './options.js';
import type { LegRun } from './ringLegs.js';

/** The AMD verdict on the answered leg. */
export interface AmdVerdict {
  readonly answeredBy: AnsweredBy;
  /** MachineDetectionDuration: milliseconds from the answer to the verdict. */
  readonly durationMs: number;
  /** Virtual second of the verdict. */
  readonly at: number;
}

/** Nouns that take the machineDetection attributes. @see https://www.twilio.com/docs/voice/answering-machine-detection ("<Dial><Number>, or through <Dial><Sip>") */
const AMD_NOUNS: ReadonlySet<string> = new Set(['Number', 'Sip']);

/** machineDetectionTimeout in seconds: 3–60, default 30 (Number page table); a value that is not a whole number in range reads as its bound or the default. */
function timeoutSeconds(written: string | undefined): number {
  const text = written?.trim() ?? '';
  if (!/^[0-9]+$/.test(text)) return 30;
  return Math.min(60, Math.max(3, Number(text)));
}

/**
 * Answering machine detection on the answered `<Number>`/`<Sip>` leg with `machineDetection` set to
 * `Enable` or `DetectMessageEnd`: the outcome's verdict, or `unknown` once machineDetectionTimeout passes.
 * @see https://www.twilio.com/docs/voice/twiml/number (machineDetection, machineDetectionTimeout 3–60,
 * default 30); https://www.twilio.com/docs/voice/answering-machine-detection (AnsweredBy, unknown when
 * detection times out, MachineDetectionDuration) — rule interp.amd
 */
export function amdVerdict(run: LegRun, notes: string[]): AmdVerdict | undefined {
  if (run.answeredAt === undefined || !AMD_NOUNS.has(run.leg.kind)) return undefined;
  const attributes = legAttributes(run.leg);
  const mode = attributes.machineDetection?.trim();
  if (mode !== 'Enable' && mode !== 'DetectMessageEnd') return undefined;
  const limitMs = 1000 * timeoutSeconds(attributes.machineDetectionTimeout);
  const given = run.outcome.amd;
  if (given === undefined) notes.push('interp.amd.outcome-missing: the outcome gives no AMD verdict for the answered leg; detection runs to machineDetectionTimeout and answers unknown.');
  const timedOut = given === undefined || given.afterMs >= limitMs;
  const durationMs = timedOut ? limitMs : given.afterMs;
  return { answeredBy: timedOut ? 'unknown' : given.answeredBy, durationMs, at: run.answeredAt + durationMs / 1000 };
}

/**
 * The asynchronous AMD result: a request to amdStatusCallback with CallSid (the child leg), AccountSid,
 * AnsweredBy and MachineDetectionDuration. Without amdStatusCallback Twilio has nowhere to send it
 * (warning 21262); a verdict after the child leg ended is never sent (the sources do not cover it).
 * @see https://www.twilio.com/docs/voice/twiml/number (amdStatusCallback, amdStatusCallbackMethod default POST);
 * https://www.twilio.com/docs/voice/answering-machine-detection (callback parameters);
 * https://www.twilio.com/docs/api/errors/21262 — rule interp.amd.callback
 */
export function amdRequest(
  run: LegRun,
  verdict: AmdVerdict,
  legEndsAt: number,
  context: { documentUrl: string; accountSid: string; childSid: (index: number) => string },
  options: ResolvedOptions,
  notes: string[],
): Timed[] {
  if (options.amdMode === 'sync') return [];
  const attributes = legAttributes(run.leg);
  const target = urlAttribute(attributes, 'amdStatusCallback');
  if (target === undefined) {
    notes.push('interp.amd.no-callback: machineDetection is set but amdStatusCallback is not: Twilio has nowhere to send the verdict (warning 21262); no request.');
    return [];
  }
  if (verdict.at > legEndsAt) {
    notes.push('interp.amd.ended-first: the child leg ended before AMD reached a verdict; no amdStatusCallback request (no source covers it).');
    return [];
  }
  const params = {
    AccountSid: context.accountSid,
    CallSid: context.childSid(run.leg.index),
    AnsweredBy: verdict.answeredBy,
    MachineDetectionDuration: String(verdict.durationMs),
  };
  const request = derivedRequest({
    kind: 'amdStatusCallback', at: verdict.at, method: methodOf(attributes.amdStatusCallbackMethod), target, documentUrl: context.documentUrl, params, nounPath: run.leg.path,
  });
  return request === undefined ? [] : [{ request, rank: 3 }];
}

import type { DialOutcome } from '../../model/outcome.js';
import type { DialTrace } from '../../model/trace.js';
import type { Finding } from '../findings.js';
import { fingerprint } from '../fingerprint.js';
import type { CallProblem } from './callProblem.js';
import { eventLines, expectedLines, recordedLines } from './callTranscript.js';
import type { InterpreterProperty } from './interpreterOptions.js';
import type { CallPlay } from './playCall.js';
import type { ServedDocument } from './servedDocument.js';

export interface PlayedCase {
  readonly play: CallPlay;
  readonly trace: DialTrace;
  readonly served: ServedDocument;
  /** The served document as XML. */
  readonly xml: string;
  readonly outcome: DialOutcome;
  readonly origin: string;
  /** The document as generated (before its URLs were moved onto the app), as XML. */
  readonly generated?: string;
  readonly method?: 'GET' | 'POST';
}

/**
 * Makes a report stable across runs: the app's port and the call's number change from run to run
 * (and between a run and its replay), so they are written as PORT and cN.
 */
export function stableText(text: string, origin: string, call: string): string {
  const replaced = text.split(origin).join('http://127.0.0.1:PORT');
  return call === '' ? replaced : replaced.replace(new RegExp(`\\b${call}\\b`, 'g'), 'cN');
}

/**
 * A finding of one shrunk call: the minimal document (XML, as served), the outcome and the events sent
 * (the outcome script), Twilio's requests and what runs next beside the recorded ones, and a replay line.
 */
export function interpreterFinding(property: InterpreterProperty, problem: CallProblem, played: PlayedCase, replay: string): Finding {
  const { play, trace, served } = played;
  const stable = (text: string): string => stableText(text, played.origin, play.call);
  const voicePath = new URL(served.documentUrl).pathname;
  const script = eventLines(play.events);
  const steps = problem.property === 'INTERP-DRIVER' ? ['protocol transcript (last lines):', ...play.transcript.slice(-40)] : ['outcome script (events sent, t from the start of the call):', ...(script.length === 0 ? ['(none)'] : script)];
  if (play.dialStart !== undefined && problem.property !== 'INTERP-DRIVER') steps.push(`the <Dial> started at t=${play.dialStart}s`);
  const expected = [problem.expected ?? '', '', 'Twilio (the reference), t from the start of the <Dial>:', ...expectedLines(trace, served.probePaths[0])].join('\n');
  const actual = [problem.actual ?? '', '', 'Recorded, t from the start of the <Dial>:', ...recordedLines(play, voicePath, served.probePaths)].join('\n');
  const shown = JSON.parse(stable(JSON.stringify({ document: played.xml, outcome: played.outcome, firstRequest: play.startParams }))) as object;
  // The generated document and method are what a stored case replays (src/check/store/storedCaseOf.ts); they name no port or call.
  const asGenerated = { ...(played.method === undefined ? {} : { method: played.method }), ...(played.generated === undefined ? {} : { generated: played.generated }) };
  return {
    propertyId: property.id,
    title: property.title,
    source: property.source,
    severity: property.severity,
    summary: stable(problem.summary),
    counterexample: { ...shown, ...asGenerated },
    steps: steps.map(stable),
    expected: stable(expected),
    actual: stable(actual),
    replay,
    fingerprint: fingerprint(property.id, problem.kind),
  };
}

import type { TwimlDocument } from '../../model/document.js';
import type { DialOutcome, VoiceRequestParams } from '../../model/outcome.js';
import { parseTwiml } from '../../xml/parse.js';
import { serializeTwiml } from '../../xml/serialize.js';
import type { DialEpisode, PlayedInput } from '../endpoint/callStory.js';
import type { AnswerSummary } from '../endpoint/endpointFinding.js';
import type { Finding } from '../findings.js';
import { kitVersion } from '../kitVersion.js';
import { STORED_CASE_FORMAT, STORED_CASE_VERSION, type StoredCase, type StoredMode } from './storedCase.js';

interface EndpointCounterexample {
  readonly story: { readonly initialParams: unknown; readonly dials: readonly DialEpisode[]; readonly inputs?: readonly PlayedInput[] };
  readonly step: number;
  readonly role: string;
  readonly request: unknown;
  readonly answer: AnswerSummary;
}

/** Timings are not part of a case: they would make two stores of the same case differ. */
function withoutTimings(line: string): string {
  return line.replace(/, \d+ ms$/, '').replace(/ after \d+ ms$/, '');
}

/** The endpoint finding shows parameters as an object when no name repeats; the store keeps the pairs. */
function pairs(params: unknown): [string, string][] {
  if (Array.isArray(params)) return params.map(([name, value]) => [String(name), String(value)]);
  return Object.entries((params ?? {}) as Record<string, unknown>).map(([name, value]) => [name, String(value)]);
}

/** What src/check/interpreter/interpreterFinding.ts puts in an interpreter finding's counterexample. */
interface InterpreterCounterexample {
  readonly document: string;
  readonly outcome: DialOutcome;
  readonly firstRequest: VoiceRequestParams;
  readonly method?: 'GET' | 'POST';
  readonly generated?: string;
}

function xmlOf(document: TwimlDocument): string | undefined {
  try {
    return serializeTwiml(document);
  } catch {
    return undefined;
  }
}

/** The case a finding's shrunk counterexample makes, ready to be written as JSON. */
export function storedCaseOf(mode: StoredMode, finding: Finding, seed: number): StoredCase {
  const base = {
    format: STORED_CASE_FORMAT,
    version: STORED_CASE_VERSION,
    mode,
    propertyId: finding.propertyId,
    title: finding.title,
    summary: finding.summary,
    fingerprint: finding.fingerprint,
    found: { kitVersion: kitVersion(), seed, replay: finding.replay },
  } as const;
  if (mode === 'generator') {
    const document = finding.counterexample as TwimlDocument;
    const xml = xmlOf(document);
    return {
      ...base,
      mode,
      case: {
        document,
        ...(xml === undefined ? {} : { xml }),
        ...(finding.expected === undefined ? {} : { expected: finding.expected }),
        ...(finding.actual === undefined ? {} : { actual: finding.actual }),
        steps: finding.steps,
        // builderFinding marks a build made with typed calls in its first step.
        calls: finding.steps[0]?.startsWith('// typed calls') === true ? 'typed' : 'strings',
      },
    };
  }
  if (mode === 'interpreter') return { ...base, mode, case: interpreterCase(finding) };
  const example = finding.counterexample as EndpointCounterexample;
  const { elapsedMs: _timing, ...answer } = example.answer;
  return {
    ...base,
    mode,
    case: {
      initialParams: pairs(example.story.initialParams),
      dials: example.story.dials,
      ...(example.story.inputs === undefined ? {} : { inputs: example.story.inputs }),
      step: example.step,
      role: example.role,
      request: example.request,
      answer,
      exchanges: finding.steps.map(withoutTimings),
    },
  };
}

/**
 * The generated call of an interpreter finding. The document is kept as the model a replay plays and
 * as XML for the reader; the model is read back from that XML, which the kit's parser and serializer
 * round-trip exactly for generated documents.
 */
function interpreterCase(finding: Finding): Extract<StoredCase, { mode: 'interpreter' }>['case'] {
  const example = finding.counterexample as InterpreterCounterexample;
  const parsed = example.generated === undefined ? undefined : parseTwiml(example.generated);
  if (parsed === undefined || !parsed.ok || example.method === undefined) {
    // A kit bug, not a target's: every interpreter finding carries them.
    throw new Error(`the ${finding.propertyId} finding does not carry the generated call a stored case needs`);
  }
  return {
    document: parsed.document,
    xml: example.generated as string,
    outcome: example.outcome,
    request: example.firstRequest,
    method: example.method,
    served: example.document,
    script: finding.steps,
    ...(finding.expected === undefined ? {} : { expected: finding.expected }),
    ...(finding.actual === undefined ? {} : { actual: finding.actual }),
  };
}

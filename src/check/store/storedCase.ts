import type { TwimlDocument } from '../../model/document.js';
import type { DialOutcome, VoiceRequestParams } from '../../model/outcome.js';
import type { CallStyle } from '../../targets/builder/callStyle.js';
import type { DialEpisode, PlayedInput } from '../endpoint/callStory.js';
import type { AnswerSummary } from '../endpoint/endpointFinding.js';

/** What every stored case file says it is, so a stray JSON file in the directory is never taken for one. */
export const STORED_CASE_FORMAT = 'twiml-dial-kit/failure-case';
export const STORED_CASE_VERSION = 1;

/** Where and how a stored case was first found (for the reader; a replay never needs it). */
export interface FoundWith {
  readonly kitVersion: string;
  readonly seed: number;
  /** The replay line of the run that found it; it replays only while the generators stay the same. */
  readonly replay: string;
}

interface StoredBase {
  readonly format: typeof STORED_CASE_FORMAT;
  readonly version: typeof STORED_CASE_VERSION;
  readonly propertyId: string;
  readonly title: string;
  /** The finding's sentence when the case was stored. */
  readonly summary: string;
  readonly fingerprint: string;
  readonly found: FoundWith;
}

/**
 * A builder case: the document itself, as the model the kit hands to builders and as its canonical XML
 * (for the reader), so it replays whatever the generators become.
 */
export interface StoredBuilderCase extends StoredBase {
  readonly mode: 'generator';
  readonly case: {
    readonly document: TwimlDocument;
    /** The canonical XML of `document`; absent when the document cannot be written as XML (a refused value). */
    readonly xml?: string;
    readonly expected?: string;
    readonly actual?: string;
    /** The builder calls or JSON lines of the failing build. */
    readonly steps: readonly string[];
    /** How the builder's API was called (absent: `strings`). */
    readonly calls?: CallStyle;
  };
}

/**
 * An endpoint case: the call itself (first request's parameters, each `<Dial>` outcome and the
 * interpreter seed), which is all a replay sends; the request and answer that broke the property and the
 * exchanges before it are kept for the reader.
 */
export interface StoredEndpointCase extends StoredBase {
  readonly mode: 'endpoint';
  readonly case: {
    readonly initialParams: readonly (readonly [string, string])[];
    readonly dials: readonly DialEpisode[];
    /** What the caller did at each `<Gather>` and `<Record>` (absent in cases stored before inputs were played: silence). */
    readonly inputs?: readonly PlayedInput[];
    readonly step: number;
    readonly role: string;
    readonly request: unknown;
    readonly answer: AnswerSummary;
    /** One line per request sent up to the failing one, timings removed. */
    readonly exchanges: readonly string[];
  };
}

/**
 * An interpreter case: the call as generated (the document, the `<Dial>` outcome, the first request and
 * its method), which is all a replay plays; the document as served, the outcome script sent to the driver
 * and the requests Twilio sends beside the recorded ones are kept for the reader.
 */
export interface StoredInterpreterCase extends StoredBase {
  readonly mode: 'interpreter';
  readonly case: {
    /** The document as generated, before its URLs were moved onto the kit's app. */
    readonly document: TwimlDocument;
    /** `document` as XML. */
    readonly xml: string;
    readonly outcome: DialOutcome;
    readonly request: VoiceRequestParams;
    readonly method: 'GET' | 'POST';
    /** The document as served to the interpreter (port and call number written as PORT and cN). */
    readonly served: string;
    /** The outcome script (events sent to the driver), or the protocol transcript of a driver failure. */
    readonly script: readonly string[];
    /** The requests Twilio sends (the reference), and what was recorded. */
    readonly expected?: string;
    readonly actual?: string;
  };
}

export type StoredCase = StoredBuilderCase | StoredEndpointCase | StoredInterpreterCase;
export type StoredMode = StoredCase['mode'];

/** A stored case and the file it is in (a name inside the store's directory). */
export interface StoredFile {
  readonly file: string;
  readonly stored: StoredCase;
}

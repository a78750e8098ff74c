import type { Finding } from '../findings.js';
import type { Expectation } from './expectation.js';
import type { Shard } from '../shard.js';
import type { ValidateOptions } from '../../../reference/validate.js';
import type { InterpretOptions } from '../../model/trace.js';
import type { RedirectMethodPolicy } from '../../targets/http/followRedirects.js';
import type { ParamList } from '../../targets/http/signature.js';
import type { HttpExchange } from '../../targets/http/httpClient.js';
import type { HttpMethod, WebhookRequest } from '../../targets/http/webhookRequest.js';

export interface EndpointCheckOptions {
  /** The voice URL, absolute http(s). */
  readonly url: string;
  /** The auth token requests are signed with; also turns on the signature-enforcement probes. */
  readonly authToken?: string;
  /** Method of the first request (default POST, Twilio's default for a voice URL). */
  readonly method?: HttpMethod;
  /** Calls placed (default 100). */
  readonly runs?: number;
  /** fast-check seed; the same seed places the same calls. Default: random, printed in the report. */
  readonly seed?: number;
  /** Whole-exchange limit per request (default 15000, Twilio's). @see facts §5 (Timeouts) */
  readonly timeoutMs?: number;
  /** Most TwiML documents followed per call (default 10). */
  readonly maxSteps?: number;
  /** Parameters of the first request fixed to these values (replacing generated ones of the same name). */
  readonly params?: ParamList;
  /** Warnings are reported but do not fail the run. */
  readonly lenient?: boolean;
  /** More origins the kit may send requests to, besides the voice URL's. */
  readonly allowOrigins?: readonly string[];
  /** What the call does next after each DialCallStatus (`--expect`); adds EP-EXPECT and aims outcomes at the statuses named. */
  readonly expectations?: readonly Expectation[];
  /** Only the properties with these ids (checkEndpoint selects them; replay lines repeat them). Default: all. */
  readonly properties?: readonly string[];
  /** Replay one call: fast-check's path, as printed in a finding's replay line (with its seed). */
  readonly replayPath?: string;
  /** Method after a followed redirect (default `browser`); see RedirectMethodPolicy. */
  readonly redirectMethod?: RedirectMethodPolicy;
  /**
   * Calls in flight at once (default 8). Each call keeps its own request order; results are accounted
   * for in input order and shrinking is sequential, so the same seed gives the same report at any value
   * (for an app whose answers do not depend on other calls in flight). 1 places one call at a time.
   */
  readonly concurrency?: number;
  /**
   * Most shrink candidates played after a failure (default 200). Shrinking is bounded by this count, never
   * by a clock, so the shrunk call and its replay line are the same on a busy machine. A candidate that
   * meets the time limit ends shrinking (a hung app would make each further one cost a whole timeout).
   */
  readonly maxShrinks?: number;
  /** Place only this shard's calls (`--shard i/n`); the shards of one seed together place the run's calls. */
  readonly shard?: Shard;
  readonly validate?: ValidateOptions;
  readonly interpret?: InterpretOptions;
  /** Sees every request the kit sends and what came back (for transcripts and benchmarks). */
  readonly onExchange?: (request: WebhookRequest, exchange: HttpExchange) => void;
  /** Called after each call placed (not during shrinking). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called with each distinct finding as soon as it is made (for event streams). */
  readonly onFinding?: (finding: Finding) => void;
}

export const DEFAULT_RUNS = 100;
/** @see facts §5 (Timeouts: 15 s for the whole response) */
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_STEPS = 10;
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_MAX_SHRINKS = 200;

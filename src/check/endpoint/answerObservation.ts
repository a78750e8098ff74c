import type { ValidateOptions, XmlValidation } from '../../../reference/validate.js';
import { validateXml } from '../../../reference/validate.js';
import type { DerivedRequestKind } from '../../model/trace.js';
import type { Hop, RedirectProblem } from '../../targets/http/followRedirects.js';
import type { HttpExchange } from '../../targets/http/httpClient.js';
import type { WebhookRequest } from '../../targets/http/webhookRequest.js';
import type { ValidationCache } from './validationCache.js';
import { boundedMemo } from '../../boundedMemo.js';

/**
 * Why a request was sent: the first voice request, a `<Redirect>` verb, one of the requests the
 * interpreter derives from a `<Dial>`, the action of a `<Gather>` or `<Record>` the caller answered, or a signature probe (the first request with a wrong or
 * missing signature).
 */
export type AnswerRole = 'voice' | 'redirect' | DerivedRequestKind | 'gather-action' | 'record-action' | 'signature-tampered' | 'signature-missing';

/** Media types Twilio executes as TwiML. @see facts §5 (Accepted response types) */
export const TWIML_MEDIA_TYPES: ReadonlySet<string> = new Set(['text/xml', 'application/xml', 'text/html']);

/** Twilio executes `text/plain` only when it is valid TwiML, and reads it aloud otherwise. @see facts §5 (Accepted response types) */
export const PLAIN_MEDIA_TYPE = 'text/plain';

/**
 * One answer, read the way Twilio reads it, one stage after the other: each field is set only when
 * every earlier stage passed (no Content-Type verdict on a 500, no XML verdict on a truncated body),
 * so a property judges exactly the stage it is about.
 */
export interface AnswerObservation {
  /** Which document of the call (1 = the first answer) this request belongs to. */
  readonly step: number;
  readonly role: AnswerRole;
  /** The answer is executed as TwiML (voice, redirect, action, referUrl, noun url). */
  readonly expectsTwiml: boolean;
  readonly hops: readonly Hop[];
  readonly redirectProblem?: RedirectProblem;
  /** The last request sent and what came back. */
  readonly request: WebhookRequest;
  readonly exchange: HttpExchange;
  /** Lower-case media type without parameters; '' when the header is missing. Set for complete answers. */
  readonly mediaType?: string;
  /** The body decoded as UTF-8; set when status, media type and size allow Twilio to read it. */
  readonly text?: string;
  /** Set instead of `text` when the body is not UTF-8. */
  readonly decodeError?: string;
  /** Parse and validator result of `text`, for TwiML answers. */
  readonly validation?: XmlValidation;
}

export interface ObserveOptions {
  /** Body cap for TwiML answers (Twilio: 64 kB). */
  readonly maxTwimlBytes: number;
  readonly validate?: ValidateOptions;
  /** Remembers validations by body text; must have been made with the same options (validate + maxTwimlBytes). */
  readonly cache?: ValidationCache;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Media types by Content-Type header: an app sends the same one or two headers again and again. */
const mediaTypeOfHeader = boundedMemo(64, (header) => header.split(';')[0]?.trim().toLowerCase() ?? '');

export function mediaTypeOf(contentType: string | undefined): string {
  return mediaTypeOfHeader(contentType ?? '');
}

/** Reads one fetched answer through Twilio's stages. */
export function observeAnswer(step: number, role: AnswerRole, expectsTwiml: boolean, fetched: { hops: readonly Hop[]; redirectProblem?: RedirectProblem }, options: ObserveOptions): AnswerObservation {
  const last = fetched.hops[fetched.hops.length - 1] as Hop;
  const exchange = last.exchange;
  const redirectProblem = fetched.redirectProblem;
  if (exchange.kind !== 'answer' || redirectProblem !== undefined) {
    const base = { step, role, expectsTwiml, hops: fetched.hops, request: last.request, exchange };
    return redirectProblem === undefined ? base : { ...base, redirectProblem };
  }
  const mediaType = mediaTypeOf(exchange.headers['content-type']);
  const read = expectsTwiml && exchange.status === 200 && !exchange.truncated && (TWIML_MEDIA_TYPES.has(mediaType) || mediaType === PLAIN_MEDIA_TYPE);
  if (!read) return { step, role, expectsTwiml, hops: fetched.hops, request: last.request, exchange, mediaType };
  let text: string;
  try {
    text = decoder.decode(exchange.body);
  } catch {
    return { step, role, expectsTwiml, hops: fetched.hops, request: last.request, exchange, mediaType, decodeError: 'the body is not valid UTF-8' };
  }
  const validation = options.cache?.validate(text) ?? validateXml(text, { ...options.validate, maxBytes: options.maxTwimlBytes });
  return { step, role, expectsTwiml, hops: fetched.hops, request: last.request, exchange, mediaType, text, validation };
}

import type { Finding } from '../findings.js';
import { fingerprint } from '../fingerprint.js';
import type { HttpExchange } from '../../targets/http/httpClient.js';
import { curlLine, type WebhookRequest } from '../../targets/http/webhookRequest.js';
import type { AnswerObservation } from './answerObservation.js';
import { storyAnswers } from './answerXml.js';
import type { EndpointProperty, Problem } from './endpointProperty.js';
import type { CallTranscript } from './walkCall.js';

/** How much of an answer's body a finding shows. */
export const BODY_SHOWN_BYTES = 500;

export interface AnswerSummary {
  readonly status?: number;
  readonly contentType?: string;
  /** The first 500 bytes, decoded leniently. */
  readonly bodyStart?: string;
  readonly failure?: string;
  readonly elapsedMs?: number;
}

export function summarizeExchange(exchange: HttpExchange): AnswerSummary {
  switch (exchange.kind) {
    case 'answer':
      return {
        status: exchange.status,
        ...(exchange.headers['content-type'] === undefined ? {} : { contentType: exchange.headers['content-type'] }),
        bodyStart: exchange.body.subarray(0, BODY_SHOWN_BYTES).toString('utf8'),
        elapsedMs: Math.round(exchange.elapsedMs),
      };
    case 'failure':
      return { ...(exchange.status === undefined ? {} : { status: exchange.status }), failure: `${exchange.failure}: ${exchange.message}`, elapsedMs: Math.round(exchange.elapsedMs) };
    case 'refused-origin':
      return { failure: exchange.reason === 'not-http' ? 'not sent: not an http(s) URL' : `not sent: ${exchange.origin} is outside the checked origin` };
  }
}

/**
 * One line: what was sent and what came back. Measured times stay out of the text (they are in the
 * answer's `elapsedMs`), so two runs of the same seed print the same lines on any machine.
 */
export function exchangeLine(observation: AnswerObservation, request: WebhookRequest, exchange: HttpExchange): string {
  const sent = `step ${observation.step} ${observation.role}: ${request.method} ${request.url}`;
  switch (exchange.kind) {
    case 'answer': {
      const type = exchange.headers['content-type'] ?? 'no Content-Type';
      const size = exchange.truncated ? `over ${exchange.body.length - 1} bytes` : `${exchange.body.length} bytes`;
      return `${sent} -> ${exchange.status} (${type}), ${size}`;
    }
    case 'failure':
      return `${sent} -> ${exchange.failure}: ${exchange.message}`;
    case 'refused-origin':
      return exchange.reason === 'not-http' ? `${sent} -> not sent (not an http(s) URL)` : `${sent} -> not sent (other origin ${exchange.origin})`;
  }
}

/** Parameters as an object, easier to read, unless a name repeats (then the pairs, in order). */
function readableParams(params: readonly (readonly [string, string])[]): unknown {
  const names = new Set(params.map(([name]) => name));
  return names.size === params.length ? Object.fromEntries(params) : params;
}

function requestData(request: WebhookRequest): Record<string, unknown> {
  return { method: request.method, url: request.url, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) };
}

/**
 * A finding from the shrunk call: which check, at which step, the request (with a curl line that
 * sends the same bytes, signature included), the answer, and the call story with its replay line.
 */
export function endpointFinding(property: EndpointProperty, problem: Problem, observation: AnswerObservation, transcript: CallTranscript, replay: string): Finding {
  const steps: string[] = [];
  for (const seen of transcript.observations) {
    for (const hop of seen.hops) steps.push(exchangeLine(seen, hop.request, hop.exchange));
    if (seen === observation) break;
  }
  steps.push(`reproduce the request: ${curlLine(observation.request)}`);
  const answer = summarizeExchange(observation.exchange);
  const actual =
    answer.failure !== undefined
      ? answer.failure
      : `HTTP ${answer.status ?? '?'} (${answer.contentType ?? 'no Content-Type'}): ${JSON.stringify(answer.bodyStart ?? '')}`;
  return {
    propertyId: property.id,
    title: property.title,
    source: property.source,
    severity: problem.severity ?? property.severity,
    summary: `step ${observation.step} (${observation.role}): ${problem.message}${problem.code === undefined ? '' : ` [Twilio ${problem.code}]`}`,
    counterexample: {
      story: { ...transcript.story, initialParams: readableParams(transcript.story.initialParams) },
      answers: storyAnswers(transcript.observations, observation),
      step: observation.step,
      role: observation.role,
      request: requestData(observation.request),
      answer,
    },
    steps,
    expected: property.title,
    actual,
    replay,
    fingerprint: fingerprint(property.id, `${observation.role}:${problem.key}`),
  };
}

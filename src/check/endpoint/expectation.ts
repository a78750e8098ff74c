import { DialKitError } from '../../errors.js';
import type { AimedStatus } from '../../arbitraries/aimedOutcome.js';
import { NEXT_STEPS, type NextStep } from './callFlow.js';

/**
 * What the user expects the call to do next after a `<Dial>` ends with one of `statuses`: one of
 * `next` (`--expect busy,no-answer=record|dial`).
 */
export interface Expectation {
  readonly statuses: readonly AimedStatus[];
  readonly next: readonly NextStep[];
}

/** DialCallStatus values. @see seed §DialCallStatus */
export const DIAL_CALL_STATUSES: readonly AimedStatus[] = ['completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled'];

function usage(message: string): DialKitError {
  return new DialKitError('DIALKIT_ERR_USAGE', message);
}

function statusOf(word: string, where: string): AimedStatus {
  const status = DIAL_CALL_STATUSES.find((known) => known === word);
  if (status === undefined) throw usage(`${where}: ${JSON.stringify(word)} is not a DialCallStatus (${DIAL_CALL_STATUSES.join(', ')})`);
  return status;
}

function nextOf(word: string, where: string): NextStep {
  const next = NEXT_STEPS.find((known) => known === word);
  if (next === undefined) throw usage(`${where}: ${JSON.stringify(word)} is not a next step (${NEXT_STEPS.join(', ')})`);
  return next;
}

/** `STATUSES=NEXT`, e.g. `busy,no-answer=record|dial`. */
export function parseExpectation(text: string): Expectation {
  const where = `--expect ${JSON.stringify(text)}`;
  const equals = text.indexOf('=');
  if (equals < 0) throw usage(`${where} must be STATUSES=NEXT, e.g. completed=hangup or busy,no-answer=record|dial`);
  const statuses = text.slice(0, equals).split(',').map((word) => word.trim());
  const next = text.slice(equals + 1).split('|').map((word) => word.trim());
  return { statuses: statuses.map((word) => statusOf(word, where)), next: next.map((word) => nextOf(word, where)) };
}

/**
 * An expectations file: `{"expect": [{"statuses": ["completed"], "next": ["hangup"]}, …]}`
 * (schemas/expectations.schema.json). Throws a one-sentence usage error naming what is wrong.
 */
export function parseExpectationFile(text: string, file: string): Expectation[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw usage(`the expectations file ${file} is not JSON (${(error as Error).message})`);
  }
  const list = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as { expect?: unknown }).expect : undefined;
  if (!Array.isArray(list)) throw usage(`the expectations file ${file} must be an object with an "expect" list`);
  return list.map((entry: unknown, index) => {
    const where = `${file}, expect[${index}]`;
    const record = typeof entry === 'object' && entry !== null ? (entry as { statuses?: unknown; next?: unknown }) : {};
    const words = (value: unknown, name: string): string[] => {
      if (!Array.isArray(value) || value.length === 0 || !value.every((word) => typeof word === 'string')) throw usage(`${where}: "${name}" must be a non-empty list of strings`);
      return value as string[];
    };
    return { statuses: words(record.statuses, 'statuses').map((word) => statusOf(word, where)), next: words(record.next, 'next').map((word) => nextOf(word, where)) };
  });
}

/** The expectations as one list; a status named twice is a usage error (which one would hold?). */
export function checkedExpectations(expectations: readonly Expectation[]): readonly Expectation[] {
  const seen = new Set<string>();
  for (const expectation of expectations) {
    for (const status of expectation.statuses) {
      if (seen.has(status)) throw usage(`DialCallStatus ${status} is named by two expectations; name each status once`);
      seen.add(status);
    }
  }
  return expectations;
}

/** The expectation a status falls under. */
export function expectationFor(expectations: readonly Expectation[], status: string): Expectation | undefined {
  return expectations.find((expectation) => expectation.statuses.some((named) => named === status));
}

/** `busy,no-answer=record|dial`: as the user wrote it on the command line. */
export function expectationText(expectation: Expectation): string {
  return `${expectation.statuses.join(',')}=${expectation.next.join('|')}`;
}

import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { TwimlDocument } from '../../model/document.js';

/** Version 1 of the stdio builder protocol; schemas/builder-protocol.schema.json is its definition. */
export const PROTOCOL_VERSION = 1;

export interface BuildRequest {
  readonly version: typeof PROTOCOL_VERSION;
  readonly id: number;
  readonly document: TwimlDocument;
}

export type BuildAnswer = { readonly id: number; readonly xml: string } | { readonly id: number; readonly error: string };

interface Validators {
  readonly request: ValidateFunction<BuildRequest>;
  readonly answer: ValidateFunction<BuildAnswer>;
}

let validators: Validators | undefined;

/** The protocol's JSON Schema, read from the kit's schemas/ folder (from src/ or from dist/src/). */
export function protocolSchema(): Record<string, unknown> {
  for (const relative of ['../../../schemas/builder-protocol.schema.json', '../../../../schemas/builder-protocol.schema.json']) {
    try {
      return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as Record<string, unknown>;
    } catch {
      // try the next level up
    }
  }
  throw new Error('schemas/builder-protocol.schema.json is missing from the kit');
}

function compiled(): Validators {
  if (validators !== undefined) return validators;
  const schema = protocolSchema();
  const id = schema['$id'] as string;
  const ajv = new Ajv({ allErrors: false, strict: false });
  ajv.addSchema(schema);
  validators = {
    request: ajv.getSchema<BuildRequest>(`${id}#/definitions/request`) as ValidateFunction<BuildRequest>,
    answer: ajv.getSchema<BuildAnswer>(`${id}#/definitions/answer`) as ValidateFunction<BuildAnswer>,
  };
  return validators;
}

/** Reads one line a builder wrote: a valid answer, or one sentence saying what is wrong with it. */
export function parseAnswer(line: string): { ok: true; answer: BuildAnswer } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, message: `the builder wrote a line that is not JSON: ${preview(line)}` };
  }
  const validate = compiled().answer;
  if (!validate(value)) return { ok: false, message: `the builder wrote a line that is not a protocol answer (${describe(validate.errors)}): ${preview(line)}` };
  return { ok: true, answer: value };
}

/** Checks a request against the schema (used by tests and by adapters written in JavaScript). */
export function isBuildRequest(value: unknown): value is BuildRequest {
  return compiled().request(value);
}

function describe(errors: readonly ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  return first === undefined ? 'schema mismatch' : `${first.instancePath === '' ? 'answer' : first.instancePath} ${first.message ?? 'is wrong'}`;
}

function preview(line: string): string {
  return JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}…` : line);
}

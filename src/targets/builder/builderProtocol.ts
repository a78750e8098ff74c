import { readFileSync } from 'node:fs';
import type * as AjvPackage from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { TwimlDocument } from '../../model/document.js';
import type { CallStyle } from './callStyle.js';
import { lazyPackage } from '../../lazyPackage.js';

const ajvPackage = lazyPackage<typeof AjvPackage>('ajv');

/**
 * The stdio builder protocol; schemas/builder-protocol.schema.json is its definition. Version 1 carries
 * attribute values as strings; version 2 adds typed values (`calls: 'typed'`) and the `unsupported`
 * answer. The kit opens with a version 1 request, which every builder reads, and moves to version 2 when
 * the answer announces it.
 */
export const PROTOCOL_VERSION = 2;

export type ProtocolVersion = 1 | 2;

export type BuildRequest =
  | { readonly version: 1; readonly id: number; readonly document: TwimlDocument }
  | { readonly version: 2; readonly id: number; readonly calls: CallStyle; readonly document: unknown };

type AnswerBody = { readonly xml: string } | { readonly error: string } | { readonly unsupported: string };

export type BuildAnswer = AnswerBody & { readonly id: number; readonly version?: ProtocolVersion };

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
  const { Ajv } = ajvPackage();
  const ajv = new Ajv({ allErrors: false, strict: false });
  ajv.addSchema(schema);
  validators = {
    request: ajv.compile<BuildRequest>({ oneOf: [{ $ref: `${id}#/definitions/request` }, { $ref: `${id}#/definitions/requestV2` }] }),
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

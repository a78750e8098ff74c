import { readFileSync } from 'node:fs';
import type * as AjvPackage from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { lazyPackage } from '../../lazyPackage.js';

const ajvPackage = lazyPackage<typeof AjvPackage>('ajv');

/** Version 1 of the carrier protocol; schemas/carrier-protocol.schema.json is its definition. */
export const CARRIER_PROTOCOL = 'dial-kit-carrier';
export const CARRIER_VERSION = 1;
/** No line either way is longer than this (bytes, newline excluded). */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface LegRef {
  readonly leg: string;
  readonly nth: number;
}

/** What happens on the phone network, sent as one `event`. */
export type CarrierEvent =
  | { readonly kind: 'advance'; readonly to: number }
  | ({ readonly kind: 'answer' | 'busy' | 'fail' } & LegRef)
  | { readonly kind: 'hangup'; readonly party: 'caller' }
  | ({ readonly kind: 'hangup'; readonly party: 'callee' } & LegRef)
  | { readonly kind: 'digits'; readonly party: 'caller'; readonly digits: string }
  | { readonly kind: 'cancel' }
  | ({ readonly kind: 'refer'; readonly target: string } & LegRef)
  | { readonly kind: 'recording'; readonly status: 'completed' | 'absent' }
  | ({ readonly kind: 'sip-final'; readonly code: number; readonly callId?: string; readonly headers?: Readonly<Record<string, string>> } & LegRef);

export type KitMessage =
  | { readonly type: 'hello'; readonly protocol: typeof CARRIER_PROTOCOL; readonly version: typeof CARRIER_VERSION }
  | {
      readonly type: 'start';
      readonly call: string;
      readonly url: string;
      readonly method: 'GET' | 'POST';
      readonly params: Readonly<Record<string, string>>;
      readonly authToken?: string;
    }
  | { readonly type: 'event'; readonly call: string; readonly seq: number; readonly event: CarrierEvent }
  | { readonly type: 'bye' };

export interface DialingLeg extends LegRef {
  readonly callSid?: string;
}

export type DriverMessage =
  | { readonly type: 'ready'; readonly version: number; readonly name?: string; readonly signs?: boolean }
  | { readonly type: 'dialing'; readonly call: string; readonly legs: readonly DialingLeg[] }
  | { readonly type: 'ack'; readonly call: string; readonly seq?: number; readonly now: number }
  | { readonly type: 'ended'; readonly call: string; readonly now: number }
  | { readonly type: 'error'; readonly call?: string; readonly seq?: number; readonly message: string };

let validators: { driver: ValidateFunction<DriverMessage>; kit: ValidateFunction<KitMessage> } | undefined;

/** schemas/carrier-protocol.schema.json, read from the kit (src/targets/carrier/ or dist/src/targets/carrier/). */
export function carrierSchema(): Record<string, unknown> {
  for (const relative of ['../../../schemas/carrier-protocol.schema.json', '../../../../schemas/carrier-protocol.schema.json']) {
    try {
      return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as Record<string, unknown>;
    } catch {
      // try the next level up
    }
  }
  throw new Error('schemas/carrier-protocol.schema.json is missing from the kit');
}

function compiled(): NonNullable<typeof validators> {
  if (validators !== undefined) return validators;
  const schema = carrierSchema();
  const id = schema['$id'] as string;
  const { Ajv } = ajvPackage();
  const ajv = new Ajv({ allErrors: false, strict: false });
  ajv.addSchema(schema);
  validators = {
    driver: ajv.getSchema<DriverMessage>(`${id}#/definitions/driverMessage`) as ValidateFunction<DriverMessage>,
    kit: ajv.getSchema<KitMessage>(`${id}#/definitions/kitMessage`) as ValidateFunction<KitMessage>,
  };
  return validators;
}

/**
 * Compiles the protocol schema now rather than at the driver's first line: called just after a driver is
 * spawned, so loading ajv and compiling (a tenth of a second or more) overlaps the driver's own start-up.
 */
export function prepareCarrierSchema(): void {
  compiled();
}

/** A line shown in a message: at most 200 characters. */
export function preview(line: string): string {
  return JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}…` : line);
}

function describe(errors: readonly ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  return first === undefined ? 'schema mismatch' : `${first.instancePath === '' ? 'the message' : first.instancePath} ${first.message ?? 'is wrong'}`;
}

/** Reads one line the driver wrote: a protocol message, or one sentence saying what is wrong with it. */
export function parseDriverLine(line: string): { ok: true; message: DriverMessage } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, problem: `the driver wrote a line that is not JSON: ${preview(line)}` };
  }
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (!['ready', 'dialing', 'ack', 'ended', 'error'].includes(String(type))) {
    return { ok: false, problem: `the driver wrote a message of unknown type ${JSON.stringify(type ?? null)}: ${preview(line)}` };
  }
  const validate = compiled().driver;
  if (!validate(value)) return { ok: false, problem: `the driver wrote a ${String(type)} message that breaks the protocol schema (${describe(validate.errors)}): ${preview(line)}` };
  return { ok: true, message: value };
}

/** Checks a kit message against the schema (the kit's own messages in tests, and drivers written in JavaScript). */
export function isKitMessage(value: unknown): value is KitMessage {
  return compiled().kit(value);
}

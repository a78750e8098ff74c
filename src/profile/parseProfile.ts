import { readFileSync } from 'node:fs';
import type * as AjvPackage from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closestName } from '../../reference/closestName.js';
import { attributesOf, type ElementName } from '../../reference/spec/attributes.js';
import { VOICE_VERBS } from '../../reference/spec/elements.js';
import { DialKitError } from '../errors.js';
import type { NounName } from '../model/dial.js';
import type { Divergence, Profile, ProfileInterpretOptions } from './profile.js';
import { twilioProfile } from './twilioProfile.js';
import { lazyPackage } from '../lazyPackage.js';

const ajvPackage = lazyPackage<typeof AjvPackage>('ajv');

let validator: ValidateFunction | undefined;

/** schemas/profile.schema.json, read from the kit (from src/profile/ or dist/src/profile/). */
export function profileSchema(): Record<string, unknown> {
  for (const relative of ['../../schemas/profile.schema.json', '../../../schemas/profile.schema.json']) {
    try {
      return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as Record<string, unknown>;
    } catch {
      // try the next level up
    }
  }
  throw new Error('schemas/profile.schema.json is missing from the kit');
}

function validate(): ValidateFunction {
  const { Ajv } = ajvPackage();
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(profileSchema());
  return validator;
}

function describe(errors: readonly ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (first === undefined) return 'it does not match schemas/profile.schema.json';
  const where = first.instancePath === '' ? 'the profile' : first.instancePath;
  const allowed = first.keyword === 'additionalProperties' ? ` (${String(first.params.additionalProperty)})` : first.keyword === 'enum' ? ` (one of ${(first.params.allowedValues as string[]).join(', ')})` : '';
  return `${where} ${first.message ?? 'is wrong'}${allowed}`;
}

function refuse(name: string, message: string): never {
  throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the profile ${name} is not usable: ${message}`);
}

interface RawProfile {
  readonly profile: 1;
  readonly name: string;
  readonly description?: string;
  readonly supports: { readonly verbs?: string[]; readonly nouns?: NounName[]; readonly attributes?: Partial<Record<ElementName, string[]>> };
  readonly interpret?: ProfileInterpretOptions;
  readonly divergences?: Divergence[];
}

/** An attribute the spec table does not know is a typo or an extension the kit cannot generate: refused, naming the nearest. */
function checkNames(name: string, raw: RawProfile): void {
  for (const verb of raw.supports.verbs ?? []) {
    if (!(VOICE_VERBS as readonly string[]).includes(verb)) {
      const near = closestName(verb, VOICE_VERBS);
      refuse(name, `${JSON.stringify(verb)} is not a TwiML voice verb${near === undefined ? '' : ` (did you mean ${near}?)`}`);
    }
  }
  for (const [element, names] of Object.entries(raw.supports.attributes ?? {}) as [ElementName, string[]][]) {
    const known = attributesOf(element);
    for (const attribute of names) {
      if (known.has(attribute)) continue;
      const near = closestName(attribute, known.keys());
      refuse(name, `<${element}> has no attribute named ${attribute} in the spec table${near === undefined ? '' : ` (did you mean ${near}?)`}`);
    }
  }
}

/**
 * Reads a profile from its JSON text: checked against schemas/profile.schema.json and the spec table;
 * what `supports` leaves out is everything Twilio supports. Bad input is a DialKitError with one sentence.
 */
export function parseProfile(text: string, name = 'profile'): Profile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    refuse(name, `it is not JSON (${(error as Error).message})`);
  }
  const check = validate();
  if (!check(value)) refuse(name, describe(check.errors));
  const raw = value as RawProfile;
  checkNames(name, raw);
  const twilio = twilioProfile().supports;
  return {
    profile: 1,
    name: raw.name,
    ...(raw.description === undefined ? {} : { description: raw.description }),
    supports: {
      verbs: raw.supports.verbs ?? twilio.verbs,
      nouns: raw.supports.nouns ?? twilio.nouns,
      attributes: { ...twilio.attributes, ...raw.supports.attributes },
    },
    ...(raw.interpret === undefined ? {} : { interpret: raw.interpret }),
    divergences: raw.divergences ?? [],
  };
}

/** The largest profile file read (a profile is a short list; anything bigger is not one). */
const MAX_PROFILE_BYTES = 1024 * 1024;

/** Reads and parses a profile file (`--profile FILE`). */
export function loadProfile(path: string): Profile {
  let text: string;
  try {
    const buffer = readFileSync(path);
    if (buffer.length > MAX_PROFILE_BYTES) refuse(path, `it is larger than ${MAX_PROFILE_BYTES} bytes`);
    text = buffer.toString('utf8');
  } catch (error) {
    if (error instanceof DialKitError) throw error;
    throw new DialKitError('DIALKIT_ERR_INPUT_UNREADABLE', `cannot read the profile ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseProfile(text, path);
}

import { DialKitError } from '../../errors.js';
import { STORED_CASE_FORMAT, STORED_CASE_VERSION, type StoredCase } from './storedCase.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPair(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';
}

/** What is wrong with the part a replay reads, or undefined; the rest of the file is for the reader. */
function problemOf(data: Json): string | undefined {
  if (data['format'] !== STORED_CASE_FORMAT) return `its "format" is not ${JSON.stringify(STORED_CASE_FORMAT)}`;
  if (data['version'] !== STORED_CASE_VERSION) return `its "version" is ${JSON.stringify(data['version'])}; this kit reads version ${STORED_CASE_VERSION}`;
  if (typeof data['propertyId'] !== 'string' || typeof data['fingerprint'] !== 'string') return 'it has no "propertyId" or "fingerprint"';
  const stored = data['case'];
  if (!isObject(stored)) return 'it has no "case"';
  if (data['mode'] === 'generator') {
    if (!isDocument(stored['document'])) return '"case.document" is not a document (root and verbs)';
    if (stored['calls'] !== undefined && stored['calls'] !== 'strings' && stored['calls'] !== 'typed') return '"case.calls" is neither "strings" nor "typed"';
    return undefined;
  }
  if (data['mode'] === 'endpoint') {
    if (!Array.isArray(stored['initialParams']) || !stored['initialParams'].every(isPair)) return '"case.initialParams" is not a list of [name, value] pairs';
    const dials = stored['dials'];
    if (!Array.isArray(dials) || !dials.every((dial) => isObject(dial) && isObject(dial['outcome']) && typeof dial['seed'] === 'number')) {
      return '"case.dials" is not a list of { outcome, seed }';
    }
    const inputs = stored['inputs'];
    if (inputs !== undefined && (!Array.isArray(inputs) || !inputs.every((played) => isObject(played) && isCallerInput(played['input'])))) {
      return '"case.inputs" is not a list of { input: { kind, keys, speech, confidence, seconds } }';
    }
    return undefined;
  }
  if (data['mode'] === 'interpreter') return interpreterProblem(stored);
  return `its "mode" is ${JSON.stringify(data['mode'])}, not generator, endpoint or interpreter`;
}

/** An interpreter case replays its generated document, outcome, first request and method. */
function interpreterProblem(stored: Json): string | undefined {
  if (!isDocument(stored['document'])) return '"case.document" is not a document (root and verbs)';
  const outcome = stored['outcome'];
  if (!isObject(outcome) || !Array.isArray(outcome['legs']) || !isObject(outcome['bridge'])) return '"case.outcome" is not a <Dial> outcome (legs and bridge)';
  const request = stored['request'];
  if (!isObject(request) || !Object.values(request).every((value) => typeof value === 'string')) return '"case.request" is not an object of string parameters';
  if (stored['method'] !== 'GET' && stored['method'] !== 'POST') return '"case.method" is neither "GET" nor "POST"';
  return undefined;
}

function isDocument(value: unknown): boolean {
  return isObject(value) && typeof value['root'] === 'string' && Array.isArray(value['verbs']);
}

const INPUT_KINDS: ReadonlySet<unknown> = new Set(['keys', 'speech', 'silence', 'hangup']);

function isCallerInput(value: unknown): boolean {
  if (!isObject(value) || !INPUT_KINDS.has(value['kind'])) return false;
  return typeof value['keys'] === 'string' && typeof value['speech'] === 'string' && Number.isFinite(value['confidence']) && Number.isFinite(value['seconds']);
}

/** Reads one stored case file's text; a file that is not one is an input error naming the file and why. */
export function parseStoredCase(text: string, file: string): StoredCase {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the failure store file ${file} is not JSON`);
  }
  const problem = isObject(data) ? problemOf(data) : 'it is not a JSON object';
  if (problem !== undefined) throw new DialKitError('DIALKIT_ERR_INPUT_INVALID', `the failure store file ${file} is not a dial-kit failure case: ${problem}`);
  return data as unknown as StoredCase;
}

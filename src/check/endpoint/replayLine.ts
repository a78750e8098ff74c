import { compressPath } from '../replayToken.js';
import { expectationText } from './expectation.js';
import { DEFAULT_MAX_STEPS, DEFAULT_TIMEOUT_MS, type EndpointCheckOptions } from './endpointOptions.js';

function shellWord(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that places exactly this call again. The auth token is never printed: the line reads it
 * from $TWILIO_AUTH_TOKEN.
 */
export function replayLine(options: EndpointCheckOptions, seed: number, path: string): string {
  const parts = ['dial-kit', 'endpoint', shellWord(options.url)];
  if (options.authToken !== undefined) parts.push('--auth-token', '"$TWILIO_AUTH_TOKEN"');
  if (options.method === 'GET') parts.push('--method', 'GET');
  if (options.maxSteps !== undefined && options.maxSteps !== DEFAULT_MAX_STEPS) parts.push('--max-steps', String(options.maxSteps));
  if (options.timeoutMs !== undefined && options.timeoutMs !== DEFAULT_TIMEOUT_MS) parts.push('--timeout-ms', String(options.timeoutMs));
  for (const [name, value] of options.params ?? []) parts.push('--param', shellWord(`${name}=${value}`));
  for (const origin of options.allowOrigins ?? []) parts.push('--allow-origin', shellWord(origin));
  if (options.lenient === true) parts.push('--lenient');
  // The properties checked decide when a round ends, so they are part of what the path means.
  for (const id of options.properties ?? []) parts.push('--property', shellWord(id));
  // Expectations add a property and aim the outcomes: the same path means another call without them.
  for (const expectation of options.expectations ?? []) parts.push('--expect', shellWord(expectationText(expectation)));
  parts.push('--seed', String(seed), '--replay', shellWord(compressPath(path)));
  return parts.join(' ');
}

import { DialKitError } from '../../errors.js';
import { createHttpClient } from '../../targets/http/httpClient.js';
import { probeReachable } from '../../targets/http/probeReachable.js';
import type { Finding } from '../findings.js';
import type { StoredEndpointCase, StoredFile } from '../store/storedCase.js';
import type { StoredReplay } from '../store/storedReplay.js';
import { allowedOrigins } from './allowedOrigins.js';
import { endpointFinding } from './endpointFinding.js';
import { DEFAULT_TIMEOUT_MS, type EndpointCheckOptions } from './endpointOptions.js';
import type { EndpointCheckContext, EndpointProperty } from './endpointProperty.js';
import { judgeCall } from './judgeCall.js';
import { storedDraws } from './storedDraws.js';
import { voiceUrlOf, walkSettingsOf } from './walkSettings.js';
import { walkCall, type CallTranscript } from './walkCall.js';

/**
 * Places each stored call again, one at a time, against the voice URL of this run (the store is not
 * keyed by target: the call is the first request's parameters and the `<Dial>` outcomes), and judges
 * every answer with the properties this run checks. A call that breaks none of them is fixed; one that
 * still breaks any property (the stored one or another) stays, and its findings join the report.
 */
export async function replayStoredCalls(
  options: EndpointCheckOptions,
  properties: readonly EndpointProperty[],
  files: readonly StoredFile[],
  replayText: (file: string) => string,
): Promise<StoredReplay[]> {
  const calls = files.filter((file): file is StoredFile & { stored: StoredEndpointCase } => file.stored.mode === 'endpoint');
  if (calls.length === 0) return [];
  const target = voiceUrlOf(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const origins = allowedOrigins(target, options.allowOrigins);
  // An app that is down must not make every stored case look fixed.
  const unreachable = await probeReachable(target, Math.min(timeoutMs, 10_000));
  if (unreachable !== undefined) throw new DialKitError('DIALKIT_ERR_TARGET_START', `the target is unreachable: ${unreachable.message}`);
  const settings = walkSettingsOf(target, options);
  const client = createHttpClient({ timeoutMs, origins, connections: 4 });
  const replays: StoredReplay[] = [];
  try {
    for (const { file, stored } of calls) {
      const transcript = await walkCall(client, settings, stored.case.initialParams, storedDraws(stored.case.dials, stored.case.inputs));
      const findings = failingFindings(transcript, properties, { timeoutMs, signed: options.authToken !== undefined, maxSteps: settings.maxSteps }, options.lenient === true, replayText(file));
      replays.push({ file, propertyId: stored.propertyId, status: findings.length === 0 ? 'fixed' : 'failing', findings });
    }
  } finally {
    await client.close();
  }
  return replays;
}

/** The findings of the problems that fail a run (under lenient, warnings do not), one per fingerprint. */
function failingFindings(transcript: CallTranscript, properties: readonly EndpointProperty[], context: EndpointCheckContext, lenient: boolean, replay: string): Finding[] {
  const findings = new Map<string, Finding>();
  for (const item of judgeCall(transcript, properties, context, lenient)) {
    if (!item.fails) continue;
    const finding = endpointFinding(item.property, item.problem, item.observation, transcript, replay);
    if (!findings.has(finding.fingerprint)) findings.set(finding.fingerprint, finding);
  }
  return [...findings.values()];
}

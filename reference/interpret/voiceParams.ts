import type { VoiceRequestParams } from '../../src/model/outcome.js';

/**
 * The standard voice request parameters carried on a request about the parent call: the initial
 * request's parameters in their order, with CallStatus brought up to date (and CallSid/AccountSid
 * filled in when the initial request lacked them).
 * @see facts §3.5 (standard parameters always sent); seed §action ("plus the standard parameters") — rule interp.params.standard
 */
export function parentParams(request: VoiceRequestParams, ids: { callSid: string; accountSid: string }, callStatus: string): Record<string, string> {
  const params: Record<string, string> = {};
  if (request.CallSid === undefined) params.CallSid = ids.callSid;
  if (request.AccountSid === undefined) params.AccountSid = ids.accountSid;
  for (const [name, value] of Object.entries(request)) params[name] = name === 'CallStatus' ? callStatus : value;
  if (params.CallStatus === undefined) params.CallStatus = callStatus;
  return params;
}

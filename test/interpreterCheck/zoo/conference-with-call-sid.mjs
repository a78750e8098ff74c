// DialCallSid and DialCallDuration sent after a <Conference> too (seed §action: not after a conference).
import { playAs, twilioRules } from './playAs.mjs';

playAs('conference-with-call-sid', {
  dialParams(result) {
    const params = twilioRules.dialParams(result);
    if (result.leg?.kind === 'Conference') Object.assign(params, { DialCallSid: result.leg.callSid ?? 'CA' + '0'.repeat(32), DialCallDuration: String(result.talkSeconds) });
    return params;
  },
});

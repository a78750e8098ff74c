// DialCallDuration only after a <Number> or a bare number (seed §action: for every noun but <Conference>).
import { playAs, twilioRules } from './playAs.mjs';

playAs('duration-numbers-only', {
  dialParams(result) {
    const params = twilioRules.dialParams(result);
    if (result.leg !== undefined && result.leg.kind !== 'Number' && result.leg.kind !== 'text') delete params.DialCallDuration;
    return params;
  },
});

// DialCallSid is a fresh SID, not the CallSid of the child leg that was dialed (seed §action).
import { playAs, twilioRules } from './playAs.mjs';
import { randomSid } from '../../../examples/mini-emulator/rules.mjs';

playAs('dial-call-sid-not-child', {
  dialParams(result) {
    const params = twilioRules.dialParams(result);
    if (params.DialCallSid !== undefined) params.DialCallSid = randomSid('CA');
    return params;
  },
});

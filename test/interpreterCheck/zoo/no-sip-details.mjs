// No DialSipCallId, DialSipResponseCode, DialSipHeader_* after a <Sip> (facts §3.1).
import { playAs, twilioRules } from './playAs.mjs';

playAs('no-sip-details', {
  dialParams(result) {
    const params = twilioRules.dialParams(result);
    for (const name of Object.keys(params)) if (name.startsWith('DialSip')) delete params[name];
    return params;
  },
});

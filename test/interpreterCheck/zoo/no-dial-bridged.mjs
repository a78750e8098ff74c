// No DialBridged on the action request (seed §action: always sent).
import { playAs, twilioRules } from './playAs.mjs';

playAs('no-dial-bridged', {
  dialParams(result) {
    const { DialBridged, ...params } = twilioRules.dialParams(result);
    return params;
  },
});

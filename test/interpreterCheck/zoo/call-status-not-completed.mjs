// CallStatus stays in-progress on the action after the caller hung up (facts §3.5, §3.6: completed).
import { playAs } from './playAs.mjs';

playAs('call-status-not-completed', {
  parentCallStatus: () => 'in-progress',
});

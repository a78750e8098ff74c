// No action request when the caller hangs up while it rings (seed §action: the status is always passed along; facts §3.6).
import { playAs } from './playAs.mjs';

playAs('no-action-after-ringing-hangup', {
  actionWanted: (result) => result.callerOnLine || result.bridged,
});

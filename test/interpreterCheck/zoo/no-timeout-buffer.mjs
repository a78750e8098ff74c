// Gives up exactly at timeout (seed §timeout: Twilio always adds a five-second buffer).
import { playAs } from './playAs.mjs';

playAs('no-timeout-buffer', {
  ringSeconds: (timeout) => timeout,
});

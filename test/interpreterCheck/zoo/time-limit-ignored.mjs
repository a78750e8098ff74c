// timeLimit ignored: the bridge lasts until someone hangs up (seed §timeLimit).
import { playAs } from './playAs.mjs';

playAs('time-limit-ignored', {
  timeLimit: () => 14400,
});

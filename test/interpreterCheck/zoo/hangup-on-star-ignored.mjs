// hangupOnStar ignored: the caller's * does nothing (seed §hangupOnStar).
import { playAs } from './playAs.mjs';

playAs('hangup-on-star-ignored', {
  hangupOnStar: () => false,
});

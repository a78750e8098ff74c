// Harmless: durations one second longer, as a platform that counts a started second (within the kit's tolerance).
import { playAs } from '../playAs.mjs';

playAs('durations-rounded-up', {
  durationSeconds: (seconds) => (seconds > 0 ? seconds + 1 : 0),
});

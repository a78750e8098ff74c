// sequential="true" ignored: every leg rings at once (facts §1.1).
import { playAs } from './playAs.mjs';

playAs('sequential-ignored', {
  sequential: () => false,
});

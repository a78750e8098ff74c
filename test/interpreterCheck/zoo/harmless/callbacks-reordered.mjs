// Harmless: the status callbacks of one instant sent leg by leg in reverse, each leg's own in order
// (facts §4.2: they are separate requests that may arrive out of order).
import { playAs } from '../playAs.mjs';

playAs('callbacks-reordered', {
  callbackOrder: (callbacks) => {
    const sources = [...new Set(callbacks.map((callback) => callback.source))].reverse();
    return sources.flatMap((source) => callbacks.filter((callback) => callback.source === source));
  },
});

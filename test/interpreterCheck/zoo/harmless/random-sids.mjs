// Harmless: SIDs that differ on every run, as a real platform's do (identifiers are checked for shape and consistency).
import { playAs } from '../playAs.mjs';
import { randomSid } from '../../../../examples/mini-emulator/rules.mjs';

playAs('random-sids', {
  newSid: (prefix) => randomSid(prefix),
});

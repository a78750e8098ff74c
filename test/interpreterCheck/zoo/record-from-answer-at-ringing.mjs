// record-from-answer records from the ringing (seed §record).
import { playAs, twilioRules } from './playAs.mjs';

playAs('record-from-answer-at-ringing', {
  record: (written) => twilioRules.record(written).replace('answer', 'ringing'),
});

// A REST cancel reported as no-answer (seed §DialCallStatus: canceled).
import { playAs, twilioRules } from './playAs.mjs';

playAs('canceled-as-no-answer', {
  dialCallStatus: (ending) => (ending.end === 'canceled' ? 'no-answer' : twilioRules.dialCallStatus(ending)),
});

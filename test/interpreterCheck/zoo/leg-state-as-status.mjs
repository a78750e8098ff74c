// The answered leg's call state (in-progress) reported as DialCallStatus (seed §DialCallStatus: completed).
import { playAs, twilioRules } from './playAs.mjs';

playAs('leg-state-as-status', {
  dialCallStatus: (ending) => (ending.end === 'answered' ? 'in-progress' : twilioRules.dialCallStatus(ending)),
});

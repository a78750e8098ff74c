// DialCallStatus=answered for an answered <Number> (the 2008 API's word; seed §DialCallStatus: completed).
import { playAs, twilioRules } from './playAs.mjs';

playAs('answered-for-number', {
  dialCallStatus: (ending) => (ending.end === 'answered' ? 'answered' : twilioRules.dialCallStatus(ending)),
});

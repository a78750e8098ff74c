// Runs examples/mini-emulator as a driver process with some of Twilio's rules replaced: one zoo
// member is one file calling `playAs` with the one rule it breaks (or changes harmlessly).
import { runDriver } from '../../../examples/mini-emulator/driver.mjs';
import { twilioRules } from '../../../examples/mini-emulator/rules.mjs';

export { twilioRules };

export function playAs(name, changes) {
  runDriver({ rules: { ...twilioRules, ...changes, name } }).then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${name}: ${error.message}\n`);
      process.exit(1);
    },
  );
}

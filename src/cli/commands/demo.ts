import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startForwardingApp } from '../../../examples/forwarding-app/startForwardingApp.js';
import { checkInterpreter } from '../../../properties/interpreterCheck.js';
import { checkEndpoint } from '../../../properties/endpoint.js';
import { checkGenerator, DEFAULT_SEED } from '../../../properties/checkGenerator.js';
import { consoleReport } from '../../report/consoleReport.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { seedOption } from '../seedOption.js';
import { write, type CommandRunner } from '../io.js';
import { emulatorProfile } from './emulatorProfile.js';

/** The example emulator's driver, from src/cli/commands/ or dist/src/cli/commands/ (it ships with the kit once it is on main). */
function emulatorDriver(): string | undefined {
  for (const relative of ['../../../examples/mini-emulator/driver.mjs', '../../../../examples/mini-emulator/driver.mjs']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return realpathSync(path);
  }
  return undefined;
}

/** Not a secret: the demo app and the kit share it to show signature checking on loopback. */
const DEMO_AUTH_TOKEN = 'dial-kit-demo-token';

/**
 * The README's main job: both uses of the kit, end to end, on this machine only. First the bundled
 * `twilio` package is checked as a TwiML builder; then the example forwarding app is started on
 * 127.0.0.1 on a free port and checked as a live webhook endpoint.
 */
export const demoCommand: CommandRunner = {
  async run(args, io) {
    const { values } = parseCommandArgs(args, { runs: { type: 'string' }, 'endpoint-runs': { type: 'string' }, seed: { type: 'string' } }, 0);
    const runs = integerOption('runs', values.runs, 1000, 1);
    const endpointRuns = integerOption('endpoint-runs', values['endpoint-runs'], 200, 1);
    const seed = seedOption(values.seed, DEFAULT_SEED);

    const driver = emulatorDriver();
    const steps = driver === undefined ? 2 : 3;
    write(io.stdout, `== 1/${steps} The twilio package as a TwiML builder (${runs} documents per property)\n`);
    const builderReport = await checkGenerator({ runs, seed });
    write(io.stdout, consoleReport(builderReport));

    write(io.stdout, `\n== 2/${steps} The example forwarding app as a live webhook (${endpointRuns} calls)\n`);
    const app = await startForwardingApp({ port: 0, authToken: DEMO_AUTH_TOKEN });
    try {
      write(io.stdout, `started examples/forwarding-app at ${app.url}`);
      const endpointReport = await checkEndpoint({ url: app.url, authToken: DEMO_AUTH_TOKEN, runs: endpointRuns, seed });
      write(io.stdout, consoleReport(endpointReport));
      let findings = builderReport.findingCount + endpointReport.findingCount;
      if (driver !== undefined) {
        write(io.stdout, `\n== 3/3 The example emulator as a TwiML interpreter (${endpointRuns} calls)\n`);
        const interpreterReport = await checkInterpreter({ command: process.execPath, args: [driver], runs: endpointRuns, seed, profile: emulatorProfile() });
        write(io.stdout, consoleReport(interpreterReport));
        findings += interpreterReport.findingCount;
      }
      const all = driver === undefined ? 'Both targets conform' : 'All three targets conform';
      write(io.stdout, `\n${findings === 0 ? `${all}: 0 findings.` : `${findings} finding(s); see above.`}`);
      return findings === 0 ? 0 : 1;
    } finally {
      await app.close();
    }
  },
};

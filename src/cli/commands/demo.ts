import { startForwardingApp } from '../../../examples/forwarding-app/startForwardingApp.js';
import { checkEndpoint } from '../../../properties/endpoint.js';
import { checkGenerator, DEFAULT_SEED } from '../../../properties/checkGenerator.js';
import { consoleReport } from '../../report/consoleReport.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { write, type Command } from '../io.js';

/** Not a secret: the demo app and the kit share it to show signature checking on loopback. */
const DEMO_AUTH_TOKEN = 'dial-kit-demo-token';

/**
 * The README's main job: both uses of the kit, end to end, on this machine only. First the bundled
 * `twilio` package is checked as a TwiML builder; then the example forwarding app is started on
 * 127.0.0.1 on a free port and checked as a live webhook endpoint.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'check the bundled twilio builder, then the example forwarding app on 127.0.0.1 (npm start)',
  usage: 'dial-kit demo [--runs N] [--endpoint-runs N] [--seed S]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { runs: { type: 'string' }, 'endpoint-runs': { type: 'string' }, seed: { type: 'string' } }, 0);
    const runs = integerOption('runs', values.runs, 1000, 1);
    const endpointRuns = integerOption('endpoint-runs', values['endpoint-runs'], 200, 1);
    const seed = integerOption('seed', values.seed, DEFAULT_SEED, 0, 2 ** 31 - 1);

    write(io.stdout, `== 1/2 The twilio package as a TwiML builder (${runs} documents per property)\n`);
    const builderReport = await checkGenerator({ runs, seed });
    write(io.stdout, consoleReport(builderReport));

    write(io.stdout, `\n== 2/2 The example forwarding app as a live webhook (${endpointRuns} calls)\n`);
    const app = await startForwardingApp({ port: 0, authToken: DEMO_AUTH_TOKEN });
    try {
      write(io.stdout, `started examples/forwarding-app at ${app.url}`);
      const endpointReport = await checkEndpoint({ url: app.url, authToken: DEMO_AUTH_TOKEN, runs: endpointRuns, seed });
      write(io.stdout, consoleReport(endpointReport));
      const findings = builderReport.findingCount + endpointReport.findingCount;
      write(io.stdout, `\n${findings === 0 ? 'Both targets conform: 0 findings.' : `${findings} finding(s); see above.`}`);
      return findings === 0 ? 0 : 1;
    } finally {
      await app.close();
    }
  },
};

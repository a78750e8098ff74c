/** Runs the example app until interrupted: `TWILIO_AUTH_TOKEN=… node --import tsx examples/forwarding-app/main.ts [port]`. */
import { startForwardingApp } from './startForwardingApp.js';

const authToken = process.env['TWILIO_AUTH_TOKEN'];
if (authToken === undefined || authToken === '') {
  process.stderr.write('forwarding-app: set TWILIO_AUTH_TOKEN to the auth token requests are signed with\n');
  process.exit(2);
}
const app = await startForwardingApp({ port: Number(process.argv[2] ?? 0), authToken });
process.stdout.write(`forwarding-app: voice URL ${app.url}\n`);
process.on('SIGINT', () => void app.close().then(() => process.exit(0)));

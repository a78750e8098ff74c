import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Starts examples/forwarding-app/main.ts in a child process, as a real target runs beside the kit, and
 * resolves to its voice URL; bounded by 20 s. `authToken` is the app's TWILIO_AUTH_TOKEN.
 */
export function startForwardingApp(authToken: string): Promise<{ url: string; child: ChildProcess }> {
  const main = fileURLToPath(new URL('../../examples/forwarding-app/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main, '0'], { env: { ...process.env, TWILIO_AUTH_TOKEN: authToken }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the forwarding app did not start within 20 s')), 20_000);
    let output = '';
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /voice URL (\S+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ url: match[1] as string, child });
      }
    });
    child.once('exit', (code) => reject(new Error(`the forwarding app exited with ${code}`)));
  });
}

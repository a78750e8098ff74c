/**
 * The kit against autocannon, on the same local endpoint, in one run: how many requests per second
 * the kit sends with every check on (signing, parsing, validating, interpreting, shrinking ready),
 * against autocannon sending the very same requests (recorded from the kit, signatures included) as
 * fast as it can over the same number of connections.
 *
 *   node --import tsx bench/endpoint.bench.ts [calls]
 *
 * The app (examples/forwarding-app) runs in a child process, as a real target would, so the kit and
 * autocannon each share the machine with the same separate server. Writes bench/endpoint.json and
 * prints a table. Traffic goes to 127.0.0.1 only, bounded in count and time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { checkEndpoint } from '../properties/endpoint.js';
import type { WebhookRequest } from '../src/targets/http/webhookRequest.js';

interface AutocannonRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

interface AutocannonResult {
  readonly requests: { readonly total: number; readonly average: number };
  readonly duration: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodeStats: Record<string, { count: number }>;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  pipelining: number;
  duration: number;
  requests: readonly AutocannonRequest[];
}) => Promise<AutocannonResult>;

// autocannon ships no types; only the part used here is described above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const TOKEN = 'bench-token';

export interface EndpointBenchFigures {
  readonly node: string;
  readonly cpus: number;
  readonly calls: number;
  readonly kit: { readonly requests: number; readonly seconds: number; readonly requestsPerSecond: number; readonly findings: number };
  readonly autocannon: { readonly connections: number; readonly requests: number; readonly seconds: number; readonly requestsPerSecond: number; readonly unexpectedStatus: number };
  readonly autocannonParallel: { readonly connections: number; readonly requestsPerSecond: number };
  /** Kit rate over autocannon's with one connection (the kit places one call at a time; only the two signature probes travel beside the first request); the goal is 0.8 or more. */
  readonly ratio: number;
}

function toAutocannon(request: WebhookRequest): AutocannonRequest {
  const url = new URL(request.url);
  return { method: request.method, path: `${url.pathname}${url.search}`, headers: { ...request.headers }, ...(request.body === undefined ? {} : { body: request.body }) };
}

/** Starts examples/forwarding-app/main.ts in a child process and resolves to its voice URL. */
function startAppProcess(): Promise<{ url: string; child: ChildProcess }> {
  const main = new URL('../examples/forwarding-app/main.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', main, '0'], { env: { ...process.env, TWILIO_AUTH_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'inherit'] });
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

export async function runEndpointBench(calls = 3000): Promise<EndpointBenchFigures> {
  const { url, child } = await startAppProcess();
  const app = { url };
  try {
    // Warm-up: JIT, sockets, the app's first responses.
    await checkEndpoint({ url: app.url, authToken: TOKEN, runs: 200, seed: 1 });

    const recorded: AutocannonRequest[] = [];
    const statuses: number[] = [];
    let sent = 0;
    const started = performance.now();
    const report = await checkEndpoint({
      url: app.url,
      authToken: TOKEN,
      runs: calls,
      seed: 2,
      onExchange: (request, exchange) => {
        sent += 1;
        if (recorded.length < 2000) {
          recorded.push(toAutocannon(request));
          statuses.push(exchange.kind === 'answer' ? exchange.status : 0);
        }
      },
    });
    const kitSeconds = (performance.now() - started) / 1000;

    const expected = new Map<number, number>();
    for (const status of statuses) expected.set(status, (expected.get(status) ?? 0) + 1);
    const single = await autocannon({ url: new URL(app.url).origin, connections: 1, pipelining: 1, duration: Math.max(3, Math.ceil(kitSeconds)), requests: recorded });
    const parallel = await autocannon({ url: new URL(app.url).origin, connections: 10, pipelining: 1, duration: 3, requests: recorded });
    // The recorded mix has 403s (the signature probes) and 204s: only a status outside what the kit saw is unexpected.
    const unexpectedStatus = Object.entries(single.statusCodeStats)
      .filter(([code]) => !expected.has(Number(code)))
      .reduce((sum, [, stat]) => sum + stat.count, 0) + single.errors + single.timeouts;

    const kitRate = sent / kitSeconds;
    const singleRate = single.requests.total / single.duration;
    return {
      node: process.version,
      cpus: availableParallelism(),
      calls,
      kit: { requests: sent, seconds: round(kitSeconds), requestsPerSecond: Math.round(kitRate), findings: report.findingCount },
      autocannon: { connections: 1, requests: single.requests.total, seconds: round(single.duration), requestsPerSecond: Math.round(singleRate), unexpectedStatus },
      autocannonParallel: { connections: 10, requestsPerSecond: Math.round(parallel.requests.total / parallel.duration) },
      ratio: round(kitRate / singleRate),
    };
  } finally {
    child.kill('SIGINT');
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await runEndpointBench(Number(process.argv[2] ?? 3000));
  writeFileSync(new URL('./endpoint.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(
    [
      `endpoint benchmark (${figures.node}, ${figures.cpus} CPUs, forwarding app on 127.0.0.1, ${figures.calls} calls)`,
      `  kit, every check on, 1 call at a time: ${figures.kit.requestsPerSecond} req/s (${figures.kit.requests} requests in ${figures.kit.seconds} s, ${figures.kit.findings} findings)`,
      `  autocannon, same requests, 1 conn  : ${figures.autocannon.requestsPerSecond} req/s (${figures.autocannon.requests} requests in ${figures.autocannon.seconds} s, ${figures.autocannon.unexpectedStatus} unexpected)`,
      `  autocannon, 10 connections         : ${figures.autocannonParallel.requestsPerSecond} req/s (the app's capacity, for context)`,
      `  ratio kit / autocannon (1 conn)    : ${figures.ratio} (goal >= 0.8)`,
      '',
    ].join('\n'),
  );
}

/**
 * The kit against autocannon, on the same local endpoint, in one run: how many requests per second
 * the kit sends with every check on (signing, parsing, validating, interpreting, shrinking ready),
 * one call at a time and at its default concurrency, against autocannon sending the very same
 * requests (recorded from the kit, signatures included) as fast as it can over 1 connection and over
 * as many connections as the kit's default concurrency. The fair ratio is the kit at its default
 * concurrency against autocannon with the same number of connections.
 *
 *   node --import tsx bench/endpoint.bench.ts [calls=3000] [rounds=5]
 *
 * This host's speed drifts within seconds, so the fair ratio is taken over `rounds` rounds, each the
 * kit then autocannon one after the other (the order alternating from round to round): `ratio` is the
 * median of the rounds' ratios, `ratios` each round's. The sequential figures are one round.
 *
 * The app (examples/forwarding-app) runs in a child process, as a real target would, so the kit and
 * autocannon each share the machine with the same separate server. Writes bench/endpoint.json and
 * prints a table. Traffic goes to 127.0.0.1 only, bounded in count and time.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { checkEndpoint } from '../properties/endpoint.js';
import { DEFAULT_CONCURRENCY } from '../src/check/endpoint/endpointOptions.js';
import type { WebhookRequest } from '../src/targets/http/webhookRequest.js';
import { startForwardingApp } from './support/forwardingAppProcess.js';
import { median } from './support/median.js';

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

export interface KitFigures {
  readonly concurrency: number;
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly findings: number;
  /** The kit's own CPU time (user + system, this process) per request sent: what bounds the rate when the app has the other core. */
  readonly cpuMicrosPerRequest: number;
}

export interface AutocannonFigures {
  readonly connections: number;
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly unexpectedStatus: number;
  /** autocannon's own CPU time per request (it runs in this process), to set beside the kit's. */
  readonly cpuMicrosPerRequest: number;
}

export interface EndpointBenchFigures {
  readonly node: string;
  readonly cpus: number;
  readonly loadAverage: number;
  readonly calls: number;
  /** The kit one call at a time, and at its default concurrency. */
  readonly kit: readonly KitFigures[];
  /** autocannon replaying the kit's own requests with 1 connection, with as many connections as the kit's default concurrency, and with 10 (the app's capacity). */
  readonly autocannon: readonly AutocannonFigures[];
  /** Kit at concurrency 1 over autocannon at 1 connection. */
  readonly ratioSequential: number;
  /** The ratio to quote: the kit at its default concurrency over autocannon with the same number of connections, median of the rounds. The goal is 0.8 or more. */
  readonly ratio: number;
  /** Each round's ratio, kit at its default concurrency over autocannon with as many connections, in round order. */
  readonly ratios: readonly number[];
  /** Each round's figures, in round order (the kit's, then autocannon's). */
  readonly rounds: readonly { readonly kit: KitFigures; readonly autocannon: AutocannonFigures }[];
}

function toAutocannon(request: WebhookRequest): AutocannonRequest {
  const url = new URL(request.url);
  return { method: request.method, path: `${url.pathname}${url.search}`, headers: { ...request.headers }, ...(request.body === undefined ? {} : { body: request.body }) };
}

const startAppProcess = (): ReturnType<typeof startForwardingApp> => startForwardingApp(TOKEN);

async function timeKit(url: string, calls: number, concurrency: number, recorded?: { requests: AutocannonRequest[]; statuses: number[] }): Promise<KitFigures> {
  let sent = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await checkEndpoint({
    url,
    authToken: TOKEN,
    runs: calls,
    seed: 2,
    concurrency,
    onExchange: (request, exchange) => {
      sent += 1;
      if (recorded !== undefined && recorded.requests.length < 2000) {
        recorded.requests.push(toAutocannon(request));
        recorded.statuses.push(exchange.kind === 'answer' ? exchange.status : 0);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { concurrency, requests: sent, seconds: round(seconds), requestsPerSecond: Math.round(sent / seconds), findings: report.findingCount, cpuMicrosPerRequest: Math.round((used.user + used.system) / sent) };
}

async function timeAutocannon(origin: string, connections: number, seconds: number, requests: readonly AutocannonRequest[], expected: ReadonlySet<number>): Promise<AutocannonFigures> {
  const cpu = process.cpuUsage();
  const result = await autocannon({ url: origin, connections, pipelining: 1, duration: seconds, requests });
  const used = process.cpuUsage(cpu);
  // The recorded mix has 403s (the signature probes) and 204s: only a status outside what the kit saw is unexpected.
  const unexpectedStatus =
    Object.entries(result.statusCodeStats)
      .filter(([code]) => !expected.has(Number(code)))
      .reduce((sum, [, stat]) => sum + stat.count, 0) +
    result.errors +
    result.timeouts;
  return {
    connections,
    requests: result.requests.total,
    seconds: round(result.duration),
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    unexpectedStatus,
    cpuMicrosPerRequest: Math.round((used.user + used.system) / result.requests.total),
  };
}

export async function runEndpointBench(calls = 3000, rounds = 5): Promise<EndpointBenchFigures> {
  const { url, child } = await startAppProcess();
  try {
    // Warm-up: JIT, sockets, the app's first responses.
    await checkEndpoint({ url, authToken: TOKEN, runs: 300, seed: 1 });
    const loadAverage = round(loadavg()[0] ?? 0);
    const recorded = { requests: [] as AutocannonRequest[], statuses: [] as number[] };
    const sequential = await timeKit(url, calls, 1, recorded);
    const expected = new Set(recorded.statuses);
    const origin = new URL(url).origin;
    const seconds = Math.max(3, Math.ceil(sequential.seconds / 2));
    const single = await timeAutocannon(origin, 1, seconds, recorded.requests, expected);
    const played: { kit: KitFigures; autocannon: AutocannonFigures }[] = [];
    for (let index = 0; index < rounds; index += 1) {
      const kitFirst = index % 2 === 0;
      const first = kitFirst ? await timeKit(url, calls, DEFAULT_CONCURRENCY) : await timeAutocannon(origin, DEFAULT_CONCURRENCY, 3, recorded.requests, expected);
      const second = kitFirst ? await timeAutocannon(origin, DEFAULT_CONCURRENCY, 3, recorded.requests, expected) : await timeKit(url, calls, DEFAULT_CONCURRENCY);
      played.push(kitFirst ? { kit: first as KitFigures, autocannon: second as AutocannonFigures } : { kit: second as KitFigures, autocannon: first as AutocannonFigures });
    }
    const ratios = played.map((one) => round(one.kit.requestsPerSecond / one.autocannon.requestsPerSecond));
    const middle = round(median(ratios));
    // The round whose ratio is nearest the median stands for the run in `kit` and `autocannon`.
    const nearest = ratios.reduce((best, ratio, index) => (Math.abs(ratio - middle) < Math.abs((ratios[best] as number) - middle) ? index : best), 0);
    const typical = played[nearest] as (typeof played)[number];
    const capacity = await timeAutocannon(origin, 10, 3, recorded.requests, expected);
    return {
      node: process.version,
      cpus: availableParallelism(),
      loadAverage,
      calls,
      kit: [sequential, typical.kit],
      autocannon: [single, typical.autocannon, capacity],
      ratioSequential: round(sequential.requestsPerSecond / single.requestsPerSecond),
      ratio: middle,
      ratios,
      rounds: played,
    };
  } finally {
    child.kill('SIGINT');
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await runEndpointBench(Number(process.argv[2] ?? 3000), Number(process.argv[3] ?? 5));
  writeFileSync(new URL('./endpoint.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
  const lines = [`endpoint benchmark (${figures.node}, ${figures.cpus} CPUs, load ${figures.loadAverage} before, forwarding app on 127.0.0.1, ${figures.calls} calls)`];
  for (const kit of figures.kit) {
    lines.push(`  kit, every check on, concurrency ${String(kit.concurrency).padEnd(2)}: ${kit.requestsPerSecond} req/s (${kit.requests} requests in ${kit.seconds} s, ${kit.findings} findings, ${kit.cpuMicrosPerRequest} µs CPU/request)`);
  }
  for (const run of figures.autocannon) {
    lines.push(`  autocannon, same requests, ${String(run.connections).padEnd(2)} conn: ${run.requestsPerSecond} req/s (${run.requests} requests in ${run.seconds} s, ${run.unexpectedStatus} unexpected, ${run.cpuMicrosPerRequest} µs CPU/request)`);
  }
  lines.push(`  ratio, kit 1 call at a time / autocannon 1 conn: ${figures.ratioSequential}`);
  for (const [index, one] of figures.rounds.entries()) {
    lines.push(`  round ${index + 1} (${index % 2 === 0 ? 'kit first' : 'autocannon first'}): kit ${one.kit.requestsPerSecond} req/s (${one.kit.cpuMicrosPerRequest} µs CPU/request), autocannon ${one.autocannon.requestsPerSecond} req/s: ${figures.ratios[index]}`);
  }
  lines.push(`  ratio, kit default concurrency / autocannon same connections: ${figures.ratio}, median of ${figures.ratios.length} rounds (${Math.min(...figures.ratios)}-${Math.max(...figures.ratios)}) (goal >= 0.8)`, '');
  process.stdout.write(lines.join('\n'));
}

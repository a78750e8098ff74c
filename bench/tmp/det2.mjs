import { builderProperties } from '../../dist/properties/builder.js';
import { runBuilderProperties } from '../../dist/src/check/runBuilderProperties.js';
import { moduleTarget } from '../../dist/src/targets/builder/moduleTarget.js';
import { withTimeout } from '../../dist/src/targets/builder/withTimeout.js';
const only = process.argv[2] ?? 'valid';
const runs = Number(process.argv[3] ?? 2000);
const list = (process.argv[4] ?? '0,1,2').split(',').map(Number);
const strip = (r) => JSON.stringify({ ...r, startedAt: 0, durationMs: 0, properties: r.properties.map((p) => ({ ...p, durationMs: 0 })) });
const out = [];
for (const workers of list) {
  const target = withTimeout(await moduleTarget({}), 5000);
  const t = Date.now();
  const report = await runBuilderProperties(builderProperties(only), target, { seed: 7, runs, workers });
  console.log(`workers ${workers}: ${Date.now() - t} ms, findings ${report.findingCount}, ${report.properties.map((p) => p.id + ' ' + p.runs + ' ' + p.status + ' ' + (p.expected?.length ?? 0)).join(',')}`);
  out.push(strip(report));
}
console.log('same:', out.every((o) => o === out[0]));

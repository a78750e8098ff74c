import { builderProperties } from '/work/main/properties/builder.js';
import { runBuilderProperties } from '/work/main/src/check/runBuilderProperties.js';
import { moduleTarget } from '/work/main/src/targets/builder/moduleTarget.js';
import { withTimeout } from '/work/main/src/targets/builder/withTimeout.js';
const only = (process.argv[2] ?? 'valid') as 'valid';
const runs = Number(process.argv[3] ?? 2000);
const strip = (r: any) => JSON.stringify({ ...r, startedAt: 0, durationMs: 0, properties: r.properties.map((p: any) => ({ ...p, durationMs: 0 })) });
const out: string[] = [];
for (const workers of [0, 1, 2]) {
  const target = withTimeout(await moduleTarget({}), 5000);
  const t = Date.now();
  const report = await runBuilderProperties(builderProperties(only), target, { seed: 7, runs, workers });
  console.log(`workers ${workers}: ${Date.now() - t} ms, findings ${report.findingCount}, runs ${report.properties.map((p) => p.runs + ' ' + p.status).join(',')}`);
  out.push(strip(report));
}
console.log('same:', out.every((o) => o === out[0]));
if (out[0] !== out[1]) { const a = out[0]!, b = out[1]!; let i = 0; while (a[i] === b[i]) i++; console.log(a.slice(i - 200, i + 200)); console.log(b.slice(i - 200, i + 200)); }

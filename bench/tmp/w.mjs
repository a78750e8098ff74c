import { Worker } from 'node:worker_threads';
const api = import.meta.resolve('tsx/esm/api');
const url = new URL('../work/main/src/check/parallel/runRandom.ts', 'file:///tmp/').href;
const w = new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); }).then((x) => console.log('ok', Object.keys(x)));`, { eval: true });
w.on('error', (e) => console.log('err', e.message));

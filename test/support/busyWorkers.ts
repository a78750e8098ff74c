import { Worker } from 'node:worker_threads';

/**
 * Keeps `count` threads spinning beside a test, the way a busy CI machine competes for the cores. The
 * workers do nothing but burn CPU; they end when the returned function is called.
 */
export async function startBusyWorkers(count: number): Promise<() => Promise<void>> {
  const workers = Array.from({ length: count }, () => new Worker('for (;;) { for (let i = 0; i < 1e6; i += 1); }', { eval: true }));
  await Promise.all(workers.map((worker) => new Promise<void>((resolve) => worker.once('online', () => resolve()))));
  return async () => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
}

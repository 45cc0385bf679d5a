/** The pool as the CLI and tests use it: workers run the TypeScript entry through tsx. */
import { Worker } from 'node:worker_threads';
import { WorkerPool } from './workerPool';

const bootstrap = new URL('./tsxBootstrap.mjs', import.meta.url);
const entry = new URL('./jobWorker.ts', import.meta.url).href;

export function createNodePool(size?: number): WorkerPool {
  return new WorkerPool({ size, createWorker: () => new Worker(bootstrap, { workerData: { entry } }) });
}

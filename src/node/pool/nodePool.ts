/**
 * The pool as the CLI, the tests and the bench use it: workers run the built worker entry
 * (out/cli/jobWorker.mjs, made by scripts/cliBuild.mjs), so a worker starts without compiling anything.
 */
import { Worker } from 'node:worker_threads';
import { WorkerPool } from './workerPool';

/**
 * Where the built worker is: beside the CLI bundle when this code runs inside it, or in out/cli when
 * this module runs from source (tests and the bench build it first, see test/setup/buildCli.ts).
 */
export function workerEntryUrl(moduleUrl: string = import.meta.url): URL {
  const fromSource = moduleUrl.endsWith('.ts');
  return new URL(fromSource ? '../../../out/cli/jobWorker.mjs' : './jobWorker.mjs', moduleUrl);
}

export function createNodePool(size?: number): WorkerPool {
  const entry = workerEntryUrl();
  return new WorkerPool({ size, createWorker: () => new Worker(entry) });
}

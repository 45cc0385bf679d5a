/**
 * The pool inside the Electron app: electron-vite bundles the job worker entry as its own file and
 * `?nodeWorker` gives a factory for it, so no TypeScript loader is needed at run time.
 */
import { availableParallelism } from 'node:os';
import createJobWorker from '../../node/pool/jobWorker?nodeWorker';
import { WorkerPool } from '../../node/pool/workerPool';

export function createElectronPool(): WorkerPool {
  // One core stays free for the main process and the renderer.
  return new WorkerPool({
    size: Math.max(1, availableParallelism() - 1),
    createWorker: () => createJobWorker({}),
    cancelGraceMs: 500,
  });
}

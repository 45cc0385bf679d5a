/** The Engine in web mode: core jobs on a small pool of Web Workers in this page. */
import type { JobHandle, ResultOf } from '../../../core/jobs/contract';
import type { Engine } from './types';
import { WebWorkerPool, type WorkerLike } from './webWorkerPool';

/** Leave a core for the page itself; four workers are plenty for a handful of runs. */
function defaultSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(4, cores - 1));
}

export function createWebEngine(size = defaultSize()): Engine {
  const pool = new WebWorkerPool({
    size,
    // Vite recognises this exact form and bundles the worker as its own module chunk.
    createWorker: () =>
      new Worker(new URL('./jobWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
  });
  return {
    host: 'web',
    parallelism: size,
    run(kind, payload, onProgress) {
      return pool.run(kind, payload, onProgress as (f: number, p?: unknown) => void) as JobHandle<
        ResultOf<typeof kind>
      >;
    },
  };
}

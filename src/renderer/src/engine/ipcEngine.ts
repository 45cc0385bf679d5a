/** The Engine in Electron: jobs run in the main process's worker pool, reached through the preload API. */
import type { JobHandle, ResultOf } from '../../../core/jobs/contract';
import type { ProgressEvent, ReliefApi } from '../../../preload/api';
import { EngineJobError } from './jobError';
import type { Engine } from './types';

/** The main process sizes its pool to the cores less one; the page sees the same count. */
function mainPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, cores - 1);
}

export function createIpcEngine(api: ReliefApi): Engine {
  const listeners = new Map<string, (fraction: number, partial?: unknown) => void>();
  api.jobs.onProgress((jobId: string, events: ProgressEvent[]) => {
    const listener = listeners.get(jobId);
    if (listener) for (const e of events) listener(e.fraction, e.partial);
  });
  let next = 1;
  return {
    host: 'electron',
    parallelism: mainPoolSize(),
    run(kind, payload, onProgress) {
      const jobId = `job-${next++}`;
      if (onProgress) listeners.set(jobId, onProgress as (f: number, p?: unknown) => void);
      const result = api.jobs
        .run(jobId, kind, payload)
        .then((o) => {
          if (!o.ok) throw new EngineJobError(o.message, o.invalidInput);
          return o.result as ResultOf<typeof kind>;
        })
        .finally(() => listeners.delete(jobId));
      const handle: JobHandle<ResultOf<typeof kind>> = { result, cancel: () => api.jobs.cancel(jobId) };
      return handle;
    },
  };
}

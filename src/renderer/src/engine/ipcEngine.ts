/** The Engine in Electron: jobs run in the main process's worker pool, reached through the preload API. */
import type { ProgressEvent, ReliefApi } from '../../../preload/api';
import { EngineJobError } from './jobError';
import type { Engine, JobHandle } from './types';

export function createIpcEngine(api: ReliefApi): Engine {
  const listeners = new Map<string, (fraction: number, partial?: unknown) => void>();
  api.jobs.onProgress((jobId: string, events: ProgressEvent[]) => {
    const listener = listeners.get(jobId);
    if (listener) for (const e of events) listener(e.fraction, e.partial);
  });
  let next = 1;
  return {
    host: 'electron',
    run<R>(kind: string, payload: unknown, onProgress?: (f: number, partial?: unknown) => void) {
      const jobId = `job-${next++}`;
      if (onProgress) listeners.set(jobId, onProgress);
      const result = api.jobs
        .run(jobId, kind, payload)
        .then((o) => {
          if (!o.ok) throw new EngineJobError(o.message, o.invalidInput);
          return o.result;
        })
        .finally(() => listeners.delete(jobId));
      return { result, cancel: () => api.jobs.cancel(jobId) } as JobHandle<R>;
    },
  };
}

/**
 * A small pool of Web Workers running core jobs (web mode): the core JobPool on browser workers,
 * the same scheduling, cancel and crash handling as the Node pool.
 */
import { JobPool, type PoolJobHandle } from '../../../core/jobs/jobPool';
import type { FromWorker, ToWorker } from '../../../core/jobs/protocol';
import { EngineJobError } from './jobError';

/** The part of a Web Worker the pool uses (structural, so tests can adapt a Node worker thread). */
export interface WorkerLike {
  onmessage: ((ev: { data: FromWorker }) => void) | null;
  onerror: ((ev: { message: string; preventDefault(): void }) => void) | null;
  onmessageerror: ((ev: unknown) => void) | null;
  postMessage(msg: ToWorker): void;
  terminate(): void;
}

export interface WebPoolOptions {
  size: number;
  createWorker: () => WorkerLike;
  cancelGraceMs?: number;
}

export class WebWorkerPool {
  private readonly pool: JobPool;

  constructor(options: WebPoolOptions) {
    this.pool = new JobPool({
      size: options.size,
      cancelGraceMs: options.cancelGraceMs,
      timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) },
      makeError: (message, invalidInput) => new EngineJobError(message, invalidInput),
      spawn: (events) => {
        const worker = options.createWorker();
        worker.onmessage = (ev) => events.message(ev.data);
        worker.onerror = (ev) => {
          ev.preventDefault();
          events.crash(`worker crashed: ${ev.message}`);
        };
        worker.onmessageerror = () => events.crash('worker sent a message that could not be read');
        return { post: (msg) => worker.postMessage(msg), terminate: () => worker.terminate() };
      },
    });
  }

  run(
    kind: string,
    payload: unknown,
    onProgress?: (fraction: number, partial?: unknown) => void,
  ): PoolJobHandle {
    return this.pool.run(kind, payload, onProgress);
  }

  /** Number of live workers (tests and diagnostics). */
  get workerCount(): number {
    return this.pool.workers.length;
  }
}

/**
 * A pool of worker_threads running core jobs: the core JobPool on Node workers. Plain Node — the CLI,
 * the tests and the Electron main process share it, and it never imports electron.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { JobPool } from '../../core/jobs/jobPool';
import type { FromWorker } from '../../core/jobs/protocol';

export class JobError extends Error {
  constructor(
    message: string,
    /** The job was rejected for bad input (exit code 2 in the CLI), not a failure of Relief. */
    readonly invalidInput = false,
  ) {
    super(message);
    this.name = 'JobError';
  }
}

export interface RunOptions {
  onProgress?: (fraction: number, partial?: unknown) => void;
  signal?: AbortSignal;
}

export interface PoolOptions {
  size?: number;
  createWorker: () => Worker;
  /** After a cancel, how long a job may take to return its partial result before its worker is terminated. */
  cancelGraceMs?: number;
}

export class WorkerPool {
  private readonly pool: JobPool;
  private readonly threads = new Map<object, Worker>();
  readonly size: number;

  constructor(options: PoolOptions) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.pool = new JobPool({
      size: this.size,
      cancelGraceMs: options.cancelGraceMs,
      timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) },
      makeError: (message, invalidInput) => new JobError(message, invalidInput),
      spawn: (events) => {
        const worker = options.createWorker();
        worker.on('message', (msg: FromWorker) => events.message(msg));
        worker.on('error', (err) => events.crash(`worker crashed: ${err.message}`));
        worker.on('messageerror', () => events.crash('worker sent a message that could not be read'));
        worker.on('exit', (code) => events.crash(`worker exited with code ${code}`));
        const handle = {
          post: (msg: Parameters<Worker['postMessage']>[0]) => worker.postMessage(msg),
          terminate: () => {
            this.threads.delete(handle);
            void worker.terminate();
          },
        };
        this.threads.set(handle, worker);
        return handle;
      },
    });
  }

  /** Runs a job; resolves with its result, rejects with a JobError. */
  run<R = unknown>(kind: string, payload: unknown, opts: RunOptions = {}): Promise<R> {
    if (opts.signal?.aborted) return Promise.reject(new JobError('cancelled before it started'));
    const job = this.pool.run(kind, payload, opts.onProgress);
    opts.signal?.addEventListener('abort', () => job.cancel(), { once: true });
    return job.result as Promise<R>;
  }

  /** Thread ids of the workers currently alive (for tests and diagnostics). */
  get threadIds(): number[] {
    return [...this.threads.values()].map((w) => w.threadId);
  }

  async close(): Promise<void> {
    const workers = [...this.threads.values()];
    this.pool.close();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

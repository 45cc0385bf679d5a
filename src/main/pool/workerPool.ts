/**
 * A pool of worker_threads running core jobs. Plain Node: the CLI, the tests and the Electron main
 * process share it, and it never imports electron. One job per worker at a time, FIFO queue,
 * progress forwarded, results' typed arrays transferred; a crashed worker fails only its own job
 * and is replaced.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../../core/jobs/protocol';

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

interface Pending {
  id: number;
  kind: string;
  payload: unknown;
  opts: RunOptions;
  resolve(v: unknown): void;
  reject(e: Error): void;
  slot?: Slot;
  killTimer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
}

export interface PoolOptions {
  size?: number;
  createWorker: () => Worker;
  /** After a cancel, how long a job may take to return its partial result before its worker is terminated. */
  cancelGraceMs?: number;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? availableParallelism());
  }

  /** Runs a job; resolves with its result, rejects with a JobError. */
  run<R = unknown>(kind: string, payload: unknown, opts: RunOptions = {}): Promise<R> {
    if (this.closed) return Promise.reject(new JobError('the worker pool is closed'));
    return new Promise<R>((resolve, reject) => {
      const job: Pending = {
        id: this.nextId++,
        kind,
        payload,
        opts,
        resolve: resolve as (v: unknown) => void,
        reject,
      };
      if (opts.signal) {
        if (opts.signal.aborted) return reject(new JobError('cancelled before it started'));
        opts.signal.addEventListener('abort', () => this.cancel(job), { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Workers currently alive (for tests and diagnostics). */
  get threadIds(): number[] {
    return this.slots.map((s) => s.worker.threadId);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new JobError('the worker pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private cancel(job: Pending): void {
    const qi = this.queue.indexOf(job);
    if (qi >= 0) {
      this.queue.splice(qi, 1);
      job.reject(new JobError('cancelled before it started'));
      return;
    }
    const slot = job.slot;
    if (!slot || slot.job !== job) return;
    slot.worker.postMessage({ type: 'cancel', id: job.id } satisfies ToWorker);
    job.killTimer = setTimeout(() => {
      if (slot.job !== job) return;
      this.replace(slot);
      job.reject(new JobError('cancelled'));
    }, this.options.cancelGraceMs ?? 1000);
  }

  private spawn(): Slot {
    const worker = this.options.createWorker();
    const slot: Slot = { worker, job: null };
    worker.on('message', (msg: FromWorker) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onCrash(slot, `worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (slot.job) this.onCrash(slot, `worker exited with code ${code}`);
    });
    this.slots.push(slot);
    return slot;
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.job = null;
    void slot.worker.terminate();
    this.dispatch();
  }

  private onCrash(slot: Slot, message: string): void {
    const job = slot.job;
    this.replace(slot);
    if (job) {
      clearTimeout(job.killTimer);
      job.reject(new JobError(message));
    }
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    if (msg.type === 'progress') {
      job.opts.onProgress?.(msg.fraction, msg.partial);
      return;
    }
    clearTimeout(job.killTimer);
    slot.job = null;
    if (msg.type === 'done') job.resolve(msg.result);
    else job.reject(new JobError(msg.message, msg.invalidInput));
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      job.slot = slot;
      slot.worker.postMessage({
        type: 'run',
        id: job.id,
        kind: job.kind,
        payload: job.payload,
      } satisfies ToWorker);
    }
  }
}

/**
 * A small pool of Web Workers running core jobs (web mode). Mirrors the Node pool: one job per
 * worker, FIFO queue, progress forwarded, cancel asks the job to stop (it resolves with its partial
 * result) and terminates the worker if it has not answered after a grace period; a crashed worker
 * fails only its own job and is replaced.
 */
import type { FromWorker, ToWorker } from '../../../core/jobs/protocol';
import { EngineJobError } from './jobError';

interface Pending {
  id: number;
  kind: string;
  payload: unknown;
  onProgress?: (fraction: number, partial?: unknown) => void;
  resolve(v: unknown): void;
  reject(e: Error): void;
  slot?: Slot;
  killTimer?: ReturnType<typeof setTimeout>;
}

/** The part of a Web Worker the pool uses (structural, so tests can adapt a Node worker thread). */
export interface WorkerLike {
  onmessage: ((ev: { data: FromWorker }) => void) | null;
  onerror: ((ev: { message: string; preventDefault(): void }) => void) | null;
  onmessageerror: ((ev: unknown) => void) | null;
  postMessage(msg: ToWorker): void;
  terminate(): void;
}

interface Slot {
  worker: WorkerLike;
  job: Pending | null;
}

export interface WebPoolOptions {
  size: number;
  createWorker: () => WorkerLike;
  cancelGraceMs?: number;
}

export class WebWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(private readonly options: WebPoolOptions) {}

  run(
    kind: string,
    payload: unknown,
    onProgress?: (fraction: number, partial?: unknown) => void,
  ): { result: Promise<unknown>; cancel(): void } {
    let job!: Pending;
    const result = new Promise<unknown>((resolve, reject) => {
      job = { id: this.nextId++, kind, payload, onProgress, resolve, reject };
    });
    this.queue.push(job);
    this.dispatch();
    return { result, cancel: () => this.cancel(job) };
  }

  /** Number of live workers (tests and diagnostics). */
  get workerCount(): number {
    return this.slots.length;
  }

  private cancel(job: Pending): void {
    const qi = this.queue.indexOf(job);
    if (qi >= 0) {
      this.queue.splice(qi, 1);
      job.reject(new EngineJobError('cancelled before it started'));
      return;
    }
    const slot = job.slot;
    if (!slot || slot.job !== job || job.killTimer !== undefined) return;
    slot.worker.postMessage({ type: 'cancel', id: job.id } satisfies ToWorker);
    job.killTimer = setTimeout(() => {
      if (slot.job !== job) return;
      this.replace(slot);
      job.reject(new EngineJobError('cancelled'));
    }, this.options.cancelGraceMs ?? 1000);
  }

  private spawn(): Slot {
    const worker = this.options.createWorker();
    const slot: Slot = { worker, job: null };
    worker.onmessage = (ev) => this.onMessage(slot, ev.data);
    worker.onerror = (ev) => {
      ev.preventDefault();
      this.onCrash(slot, `worker crashed: ${ev.message}`);
    };
    worker.onmessageerror = () => this.onCrash(slot, 'worker sent a message that could not be read');
    this.slots.push(slot);
    return slot;
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.job = null;
    slot.worker.terminate();
    this.dispatch();
  }

  private onCrash(slot: Slot, message: string): void {
    const job = slot.job;
    this.replace(slot);
    if (job) {
      clearTimeout(job.killTimer);
      job.reject(new EngineJobError(message));
    }
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    if (msg.type === 'progress') {
      job.onProgress?.(msg.fraction, msg.partial);
      return;
    }
    clearTimeout(job.killTimer);
    slot.job = null;
    if (msg.type === 'done') job.resolve(msg.result);
    else job.reject(new EngineJobError(msg.message, msg.invalidInput));
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
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

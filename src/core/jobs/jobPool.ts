/**
 * Scheduling core jobs over a set of workers, whatever the host: Node's worker_threads pool (CLI,
 * Electron main) and the browser's Web Worker pool (web mode) are thin adapters over this one class.
 * One job per worker at a time, FIFO queue, progress forwarded; a cancel asks the job to stop (it
 * returns its partial result) and terminates the worker if it has not answered after a grace period;
 * a crashed worker fails only its own job and is replaced on demand.
 */
import type { FromWorker, ToWorker } from './protocol';

/** A started worker as the pool sees it. */
export interface PoolWorker {
  post(msg: ToWorker): void;
  terminate(): void;
}

/** What a host adapter reports about a worker it started. */
export interface PoolWorkerEvents {
  message(msg: FromWorker): void;
  /** The worker died or sent something unreadable. */
  crash(message: string): void;
}

export interface JobPoolOptions {
  readonly size: number;
  /** Start a worker and route its messages and failures to `events`. */
  spawn(events: PoolWorkerEvents): PoolWorker;
  readonly cancelGraceMs?: number;
  /** The host's timers (core code has no setTimeout of its own). */
  readonly timers: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
  /** The host's error type for failed jobs. */
  makeError(message: string, invalidInput: boolean): Error;
}

export interface PoolJobHandle {
  readonly result: Promise<unknown>;
  cancel(): void;
}

interface Pending {
  id: number;
  kind: string;
  payload: unknown;
  onProgress?: (fraction: number, partial?: unknown) => void;
  resolve(v: unknown): void;
  reject(e: Error): void;
  slot?: Slot;
  killTimer?: unknown;
}

interface Slot {
  worker: PoolWorker;
  job: Pending | null;
}

export class JobPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: JobPoolOptions) {}

  run(
    kind: string,
    payload: unknown,
    onProgress?: (fraction: number, partial?: unknown) => void,
  ): PoolJobHandle {
    let job!: Pending;
    const result = new Promise<unknown>((resolve, reject) => {
      job = { id: this.nextId++, kind, payload, onProgress, resolve, reject };
    });
    if (this.closed) job.reject(this.options.makeError('the worker pool is closed', false));
    else {
      this.queue.push(job);
      this.dispatch();
    }
    return { result, cancel: () => this.cancel(job) };
  }

  /** Live workers (tests and diagnostics). */
  get workers(): readonly PoolWorker[] {
    return this.slots.map((s) => s.worker);
  }

  /** Rejects queued jobs and terminates every worker. */
  close(): void {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(this.options.makeError('the worker pool closed', false));
    for (const s of this.slots.splice(0)) s.worker.terminate();
  }

  private cancel(job: Pending): void {
    const qi = this.queue.indexOf(job);
    if (qi >= 0) {
      this.queue.splice(qi, 1);
      job.reject(this.options.makeError('cancelled before it started', false));
      return;
    }
    const slot = job.slot;
    if (!slot || slot.job !== job || job.killTimer !== undefined) return;
    slot.worker.post({ type: 'cancel', id: job.id });
    job.killTimer = this.options.timers.set(() => {
      if (slot.job !== job) return;
      this.replace(slot);
      job.reject(this.options.makeError('cancelled', false));
    }, this.options.cancelGraceMs ?? 1000);
  }

  private spawn(): Slot {
    const slot = { job: null } as unknown as Slot;
    slot.worker = this.options.spawn({
      message: (msg) => this.onMessage(slot, msg),
      crash: (message) => this.onCrash(slot, message),
    });
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
    if (!this.slots.includes(slot)) return; // already replaced (e.g. the exit that follows terminate)
    const job = slot.job;
    this.replace(slot);
    if (job) {
      this.options.timers.clear(job.killTimer);
      job.reject(this.options.makeError(message, false));
    }
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    if (msg.type === 'progress') {
      job.onProgress?.(msg.fraction, msg.partial);
      return;
    }
    this.options.timers.clear(job.killTimer);
    slot.job = null;
    if (msg.type === 'done') job.resolve(msg.result);
    else job.reject(this.options.makeError(msg.message, msg.invalidInput));
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      job.slot = slot;
      slot.worker.post({ type: 'run', id: job.id, kind: job.kind, payload: job.payload });
    }
  }
}

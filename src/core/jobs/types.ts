/** What a job sees of its host (a worker thread, a Web Worker, or the caller's own thread in tests). */
import type { JobKind, Payload, ProgressOf, ResultOf } from './contract';

export interface JobContext<P = unknown> {
  /** Report progress in [0, 1]; `partial` carries data the UI can draw before the job ends. */
  progress(fraction: number, partial?: P): void;
  /** Give the host a chance to deliver a cancel message; cheap to call often. */
  checkpoint(): Promise<void>;
  /** True once the job was asked to stop; the job returns what it has with status "cancelled". */
  readonly cancelled: boolean;
}

/** A job's code: it receives its payload already checked against the contract's schema. */
export interface JobDef<K extends JobKind = JobKind> {
  readonly kind: K;
  run(payload: Payload<K>, ctx: JobContext<ProgressOf<K>>): Promise<ResultOf<K>>;
}

export function defineJob<K extends JobKind>(def: JobDef<K>): JobDef<K> {
  return def;
}

/** A context for running a job inline (tests, the CLI's --inline mode). */
export function inlineContext<P = unknown>(
  onProgress?: (fraction: number, partial?: P) => void,
  cancelled: () => boolean = () => false,
): JobContext<P> {
  return {
    progress: (f, p) => onProgress?.(f, p),
    checkpoint: async () => {},
    get cancelled() {
      return cancelled();
    },
  };
}

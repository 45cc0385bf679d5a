/** What a job sees of its host (a worker thread, a Web Worker, or the caller's own thread in tests). */
export interface JobContext {
  /** Report progress in [0, 1]; `partial` carries data the UI can draw before the job ends. */
  progress(fraction: number, partial?: unknown): void;
  /** Give the host a chance to deliver a cancel message; cheap to call often. */
  checkpoint(): Promise<void>;
  /** True once the job was asked to stop; the job returns what it has with status "cancelled". */
  readonly cancelled: boolean;
}

export interface JobDef<P = unknown, R = unknown> {
  readonly kind: string;
  run(payload: P, ctx: JobContext): Promise<R>;
}

export function defineJob<P, R>(def: JobDef<P, R>): JobDef {
  return def as unknown as JobDef;
}

/** A context for running a job inline (tests, the CLI's --inline mode). */
export function inlineContext(onProgress?: (fraction: number, partial?: unknown) => void): JobContext {
  return { progress: (f, p) => onProgress?.(f, p), checkpoint: async () => {}, cancelled: false };
}

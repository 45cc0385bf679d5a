/**
 * The one interface the renderer uses to run core jobs (train, landscape, analyze, ...). In Electron it
 * goes over IPC to the main process's worker pool; in web mode it posts to Web Workers running the same
 * core job host. Views never know which.
 */
export interface JobHandle<R> {
  readonly result: Promise<R>;
  /** Ask the job to stop; a train job then resolves with status "cancelled" and its history. */
  cancel(): void;
}

export interface Engine {
  readonly host: 'electron' | 'web';
  run<R = unknown>(
    kind: string,
    payload: unknown,
    onProgress?: (fraction: number, partial?: unknown) => void,
  ): JobHandle<R>;
}

/** The CLI's worker pool: jobs run on worker threads (or inline with --inline, for debugging). */
import { jobs } from '../core/jobs/registry';
import { inlineContext } from '../core/jobs/types';
import { createNodePool } from '../node/pool/nodePool';
import { JobError, type WorkerPool } from '../node/pool/workerPool';
import { CliError, EXIT } from './cliError';

export interface JobRunner {
  run<R>(
    kind: string,
    payload: unknown,
    onProgress?: (fraction: number, partial?: unknown) => void,
  ): Promise<R>;
  close(): Promise<void>;
}

export function createJobRunner(opts: { inline?: boolean; workers?: number }): JobRunner {
  if (opts.inline) {
    return {
      run: async <R>(kind: string, payload: unknown, onProgress?: (f: number, p?: unknown) => void) =>
        asCliError(() => jobs.get(kind)!.run(payload, inlineContext(onProgress)) as Promise<R>),
      close: async () => {},
    };
  }
  const pool: WorkerPool = createNodePool(opts.workers);
  return {
    run: <R>(kind: string, payload: unknown, onProgress?: (f: number, p?: unknown) => void) =>
      asCliError(() => pool.run<R>(kind, payload, { onProgress })),
    close: () => pool.close(),
  };
}

async function asCliError<R>(f: () => Promise<R>): Promise<R> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof JobError) throw new CliError(e.message, e.invalidInput ? EXIT.badInput : EXIT.failure);
    if (e instanceof RangeError) throw new CliError(e.message, EXIT.badInput);
    throw e;
  }
}

export function workersOption(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new CliError(`--workers: must be an integer from 1 to 64, got '${String(v)}'`);
  return n;
}

/** The CLI's job runner: jobs run on worker threads (or inline with --inline, for debugging). */
import { availableParallelism } from 'node:os';
import type { JobKind, JobRunner, OnProgress, PayloadIn, ResultOf } from '../core/jobs/contract';
import { inlineRunner } from '../core/jobs/runJob';
import { createNodePool } from '../node/pool/nodePool';
import { JobError, type WorkerPool } from '../node/pool/workerPool';
import { CliError, EXIT } from './cliError';

export interface CliJobRunner {
  /** One job; a failure is a CliError (exit 2 for bad input). */
  run<K extends JobKind>(kind: K, payload: PayloadIn<K>, onProgress?: OnProgress<K>): Promise<ResultOf<K>>;
  /** The same runner as the core contract's JobRunner, for the pipeline coordinator. */
  readonly jobs: JobRunner;
  close(): Promise<void>;
}

export function createJobRunner(opts: { inline?: boolean; workers?: number }): CliJobRunner {
  let base: JobRunner;
  let close = async () => {};
  if (opts.inline) base = inlineRunner();
  else {
    const pool: WorkerPool = createNodePool(opts.workers);
    close = () => pool.close();
    base = {
      parallelism: opts.workers ?? availableParallelism(),
      run(kind, payload, onProgress) {
        const ac = new AbortController();
        const result = pool.run<ResultOf<typeof kind>>(kind, payload, {
          onProgress: onProgress as (f: number, p?: unknown) => void,
          signal: ac.signal,
        });
        return { result, cancel: () => ac.abort() };
      },
    };
  }
  const jobs: JobRunner = {
    parallelism: base.parallelism,
    run(kind, payload, onProgress) {
      const h = base.run(kind, payload, onProgress);
      return { result: asCliError(h.result), cancel: () => h.cancel() };
    },
  };
  return { run: (kind, payload, onProgress) => jobs.run(kind, payload, onProgress).result, jobs, close };
}

async function asCliError<R>(p: Promise<R>): Promise<R> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof JobError) throw new CliError(e.message, e.invalidInput ? EXIT.badInput : EXIT.failure);
    if (e instanceof RangeError) throw new CliError(e.message, EXIT.badInput);
    if (e instanceof Error && e.name === 'InvalidInputError') throw new CliError(e.message, EXIT.badInput);
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

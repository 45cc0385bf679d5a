/**
 * Running a job by kind: the payload is checked against the contract first, then the job's code runs.
 * The worker host calls this for every message; `inlineRunner` is the same on the caller's thread
 * (the CLI's --inline, tests).
 */
import {
  isJobKind,
  parsePayload,
  type JobHandle,
  type JobKind,
  type JobRunner,
  type ResultOf,
} from './contract';
import { InvalidInputError } from './invalidInput';
import { jobs } from './registry';
import { inlineContext, type JobContext } from './types';

export function runJob<K extends JobKind>(kind: K, payload: unknown, ctx: JobContext): Promise<ResultOf<K>> {
  // Through a promise so a synchronous throw (bad input found while setting up) fails only the job.
  return Promise.resolve().then(() => {
    if (!isJobKind(kind)) throw new InvalidInputError(`unknown job kind '${String(kind)}'`);
    const job = jobs[kind] as unknown as {
      run(p: unknown, c: JobContext): Promise<ResultOf<K>>;
    };
    return job.run(parsePayload(kind, payload), ctx);
  });
}

/** Jobs on the caller's own thread, one after another's awaits: the same code a worker runs. */
export function inlineRunner(): JobRunner {
  return {
    parallelism: 1,
    run(kind, payload, onProgress) {
      let cancelled = false;
      const ctx = inlineContext(onProgress as (f: number, p?: unknown) => void, () => cancelled);
      const result = runJob(kind, payload, ctx);
      const handle: JobHandle<ResultOf<typeof kind>> = {
        result,
        cancel: () => {
          cancelled = true;
        },
      };
      return handle;
    },
  };
}

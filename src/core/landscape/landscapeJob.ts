/**
 * The `landscape` job. Without `rows` it computes the whole slice (training the runs it needs unless
 * given). With `plane` and `rows: [start, end]` it evaluates only those grid rows, so a pool can split
 * one grid across workers; the caller assembles the rows and calls finishSlice.
 */
import { defineJob } from '../jobs/types';
import { experimentFromPayload } from '../jobs/trainJob';
import { setUp } from '../setup';
import { landscapeOf, type Plane } from './plane';
import type { RunSnapshot } from './points';
import { computeRows, computeSlice, type SliceResult, type SliceRows } from './slice';

export interface LandscapePayload {
  experiment: unknown;
  /** Trained runs the spec refers to, by name; missing ones are trained inside the job. */
  runs?: Record<string, RunSnapshot>;
  /** An already resolved plane (required with rows). */
  plane?: Plane;
  /** Only these grid rows [start, end): the result is then SliceRows. */
  rows?: [number, number];
}

export const landscapeJob = defineJob({
  kind: 'landscape',
  async run(payload: LandscapePayload, ctx): Promise<SliceResult | (SliceRows & { status: string })> {
    const setup = setUp(experimentFromPayload(payload.experiment));
    if (payload.rows) {
      if (!payload.plane) throw new RangeError('a landscape job with rows needs a resolved plane');
      const [s, e] = payload.rows;
      const r = await computeRows(setup, landscapeOf(setup), payload.plane, s, e, ctx);
      return {
        type: 'rows',
        rowStart: s,
        rowEnd: e,
        loss: r.loss,
        status: r.done === e - s ? 'ok' : 'cancelled',
      };
    }
    return computeSlice(setup, payload.runs, ctx);
  },
});

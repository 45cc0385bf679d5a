/**
 * The `landscape` job, in four modes so a host can compute one slice in a single job or spread it:
 * - default: the whole slice (trains the runs it needs unless given; coarse preview, rows, the rest);
 * - `planeOnly`: resolve the plane (training runs as needed) and return it with the grid axes;
 * - `rows: [start, end]` with `plane`: only those grid rows (SliceRows), for splitting rows over workers;
 * - `finish: {loss}` with `plane`: the line, projected paths, critical points and plateaus of a full grid.
 */
import { defineJob } from '../jobs/types';
import { experimentFromPayload } from '../jobs/trainJob';
import { setUp } from '../setup';
import { gridAxes, landscapeOf, resolvePlane, type Plane } from './plane';
import type { RunSnapshot } from './points';
import {
  computeRows,
  computeSlice,
  ensureRuns,
  finishSlice,
  type SliceResult,
  type SliceRows,
} from './slice';

export interface LandscapePayload {
  experiment: unknown;
  /** Trained runs the spec refers to, by name; missing ones are trained inside the job. */
  runs?: Record<string, RunSnapshot>;
  /** An already resolved plane (required with rows and finish). */
  plane?: Plane;
  /** How the plane was made (from a planeOnly job), copied into a finished slice. */
  directions?: Record<string, unknown>;
  planeOnly?: boolean;
  /** Only these grid rows [start, end): the result is then SliceRows. */
  rows?: [number, number];
  /** The assembled grid: the result is the finished SliceResult. */
  finish?: { loss: Float64Array<ArrayBuffer> };
}

export interface PlaneResult extends Plane {
  type: 'plane';
  alpha: Float64Array<ArrayBuffer>;
  beta: Float64Array<ArrayBuffer>;
  directions: Record<string, unknown>;
  /** The runs trained for this plane (pass them back with finish for the paths). */
  runs: Record<string, RunSnapshot>;
}

export const landscapeJob = defineJob({
  kind: 'landscape',
  async run(
    payload: LandscapePayload,
    ctx,
  ): Promise<SliceResult | PlaneResult | (SliceRows & { status: string })> {
    const setup = setUp(experimentFromPayload(payload.experiment));
    const spec = landscapeOf(setup);
    if (payload.planeOnly) {
      const runs = await ensureRuns(setup, spec, payload.runs, ctx, 0.9);
      const { plane, info } = resolvePlane(spec, { setup, runs });
      const { alphas, betas } = gridAxes(spec);
      ctx.progress(1);
      return {
        type: 'plane',
        ...plane,
        alpha: alphas,
        beta: betas,
        directions: info,
        runs: Object.fromEntries(runs),
      };
    }
    if (payload.rows || payload.finish) {
      if (!payload.plane) throw new RangeError('a landscape job with rows or finish needs a resolved plane');
    }
    if (payload.rows) {
      const [s, e] = payload.rows;
      const r = await computeRows(setup, spec, payload.plane!, s, e, ctx);
      return {
        type: 'rows',
        rowStart: s,
        rowEnd: e,
        loss: r.loss,
        status: r.done === e - s ? 'ok' : 'cancelled',
      };
    }
    if (payload.finish) {
      const n = spec.resolution[0] * spec.resolution[1];
      if (payload.finish.loss.length !== n)
        throw new RangeError(`finish.loss: has ${payload.finish.loss.length} values; the grid has ${n}`);
      const runs = await ensureRuns(setup, spec, payload.runs, ctx, 0.5);
      return finishSlice(
        setup,
        spec,
        payload.plane!,
        payload.directions ?? {},
        payload.finish.loss,
        runs,
        'ok',
      );
    }
    return computeSlice(setup, payload.runs, ctx);
  },
});

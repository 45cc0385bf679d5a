/**
 * The slice as three jobs, so a coordinator can spread one slice over a pool and stream it:
 * `slicePlane` resolves the plane (training runs it needs but was not given), `sliceRows` a block of grid
 * rows, `sliceFinish` the line, projected paths, critical points and plateaus of the assembled grid. Each reads the experiment's `landscape` section.
 */
import { defineJob } from '../jobs/types';
import { setUp } from '../setup';
import { gridAxes, landscapeOf, resolvePlane, type Plane } from './plane';
import type { RunSnapshot } from './points';
import { computeRows, ensureRuns, finishSlice } from './slice';

export interface PlaneResult extends Plane {
  alpha: Float64Array<ArrayBuffer>;
  beta: Float64Array<ArrayBuffer>;
  /** How the plane was made (kind, explained variance, eigenvalues, parameter names). */
  directions: Record<string, unknown>;
  /** The runs trained for this plane, by name (pass them on to sliceFinish for the paths). */
  trained: Record<string, RunSnapshot>;
}

export const slicePlaneJob = defineJob({
  kind: 'slicePlane',
  async run(payload, ctx): Promise<PlaneResult> {
    const setup = setUp(payload.experiment);
    const spec = landscapeOf(setup);
    const given = payload.runs ?? {};
    const runs = await ensureRuns(setup, spec, given, ctx, 0.9);
    const { plane, info } = resolvePlane(spec, { setup, runs });
    const { alphas, betas } = gridAxes(spec);
    ctx.progress(1);
    const trained: Record<string, RunSnapshot> = {};
    for (const [name, snap] of runs) if (!(name in given)) trained[name] = snap;
    return { ...plane, alpha: alphas, beta: betas, directions: info, trained };
  },
});

export const sliceRowsJob = defineJob({
  kind: 'sliceRows',
  async run(payload, ctx) {
    const setup = setUp(payload.experiment);
    const [s, e] = payload.rows;
    const r = await computeRows(setup, landscapeOf(setup), payload.plane, s, e, ctx);
    return {
      type: 'rows' as const,
      rowStart: s,
      rowEnd: e,
      loss: r.loss,
      status: r.done === e - s ? ('ok' as const) : ('cancelled' as const),
    };
  },
});

export const sliceFinishJob = defineJob({
  kind: 'sliceFinish',
  async run(payload) {
    const setup = setUp(payload.experiment);
    const spec = landscapeOf(setup);
    const n = spec.resolution[0] * spec.resolution[1];
    if (payload.loss.length !== n)
      throw new RangeError(`loss: has ${payload.loss.length} values; the grid has ${n}`);
    const runs = new Map<string, RunSnapshot>(Object.entries(payload.runs ?? {}));
    return finishSlice(setup, spec, payload.plane, payload.loss, runs);
  },
});

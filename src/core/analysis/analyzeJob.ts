/**
 * The `analyze` job: full-space analysis of the initial point and every run's final point (training the
 * runs it is not given), or of the listed points only. One point per job lets a pool spread the work.
 */
import { defineJob } from '../jobs/types';
import { setUp } from '../setup';
import { trainRun } from '../train/trainRun';
import { analyzePoint, type PointAnalysis } from './analyzePoint';

export interface AnalysisResult {
  points: PointAnalysis[];
}

export const analyzeJob = defineJob({
  kind: 'analyze',
  async run(payload, ctx): Promise<AnalysisResult> {
    // Points to analyze (default "init" and each run's final point, trained unless given in `runs`).
    const setup = setUp(payload.experiment);
    let points = payload.points;
    if (!points) {
      points = [{ label: 'init', params: setup.initial }];
      const runs = setup.experiment.runs;
      for (let k = 0; k < runs.length; k++) {
        const name = runs[k]!.name;
        let params = payload.runs?.[name]?.params;
        if (!params) {
          const sub = {
            progress: (f: number) => ctx.progress((0.5 * (k + f)) / runs.length),
            checkpoint: () => ctx.checkpoint(),
            get cancelled() {
              return ctx.cancelled;
            },
          };
          params = (await trainRun(setup, name, sub)).params;
        }
        points.push({ label: name, params });
      }
    }
    const out: PointAnalysis[] = [];
    for (let k = 0; k < points.length; k++) {
      const pt = points[k]!;
      if (pt.params.length !== setup.dim)
        throw new RangeError(
          `points[${k}].params: has ${pt.params.length} numbers; the model has ${setup.dim}`,
        );
      if (ctx.cancelled) break;
      out.push(analyzePoint(setup, Float64Array.from(pt.params), pt.label, { tolerance: payload.tolerance }));
      ctx.progress(0.5 + (0.5 * (k + 1)) / points.length);
      await ctx.checkpoint();
    }
    return { points: out };
  },
});

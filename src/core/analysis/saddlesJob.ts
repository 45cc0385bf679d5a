/**
 * The `saddles` job: from K seeded starts (the census initializations), find critical points by
 * minimising ‖∇L‖² and classify each (index, loss): the data of an index-versus-loss plot. Points that
 * are the same modulo permutation and rescaling are reported once, with how many starts reached them.
 */
import { defineJob } from '../jobs/types';
import { setUp } from '../setup';
import { analyzePoint, type PointAnalysis } from './analyzePoint';
import { canonicalParams, relativeDistance } from './canonical';
import { censusInit, networkSetupOf } from './census';
import { findCriticalPoint } from './saddleSearch';

export interface FoundCritical extends Omit<PointAnalysis, 'symmetries'> {
  starts: number[];
  converged: boolean;
  iterations: number;
  searchMethod: string;
}

export const saddlesJob = defineJob({
  kind: 'saddles',
  async run(payload, ctx): Promise<{ points: FoundCritical[]; starts: number }> {
    const setup = networkSetupOf(setUp(payload.experiment));
    const f = setup.objective();
    const found: (FoundCritical & { key: Float64Array })[] = [];
    for (let s = 0; s < payload.starts.length; s++) {
      if (ctx.cancelled) break;
      const k = payload.starts[s]!;
      const r = findCriticalPoint(f, censusInit(setup, k), { maxIter: payload.maxIter });
      const key = canonicalParams(setup.spec, r.params);
      const same = found.find(
        (c) =>
          c.converged === r.converged &&
          Math.abs(c.loss - r.loss) <= 1e-6 * Math.max(Math.abs(c.loss), 1e-12) &&
          relativeDistance(c.key, key) <= 1e-4,
      );
      if (same) same.starts.push(k);
      else {
        const { symmetries: _s, ...a } = analyzePoint(setup, r.params, `start ${k}`);
        found.push({
          ...a,
          starts: [k],
          converged: r.converged,
          iterations: r.iterations,
          searchMethod: r.method,
          key,
        });
      }
      ctx.progress((s + 1) / payload.starts.length);
      await ctx.checkpoint();
    }
    return { points: found.map(({ key: _k, ...rest }) => rest), starts: payload.starts.length };
  },
});

import { z } from 'zod';
import { directional, strongWolfe } from './lineSearch';
import { defineOptimizer } from './types';
import { axpy, dot, maxAbs, sumAbs } from './vec';

/**
 * torch.optim.LBFGS (after minFunc; Nocedal 1980, Liu & Nocedal 1989), the same algorithm statement by
 * statement: one `step()` runs up to maxIter inner iterations (maxEval evaluations); the direction is
 * the two-loop recursion over the last historySize pairs (s, y) with H0 = sᵀy/yᵀy (pairs with sᵀy ≤ 1e-10
 * are skipped); the first iteration ever takes t = min(1, 1/‖g‖₁)·lr, later ones t = lr, either fixed
 * (one evaluation per iteration, none after the last) or from torch's strong-Wolfe line search. The
 * history persists across steps, as in torch.
 */
export const lbfgs = defineOptimizer({
  type: 'lbfgs',
  label: 'L-BFGS',
  help: 'Limited-memory BFGS quasi-Newton method (torch.optim.LBFGS); one step runs several iterations.',
  schema: z.strictObject({
    lr: z
      .number()
      .positive('lr must be > 0')
      .max(1e6)
      .default(1)
      .describe('Learning rate: the initial step length t.'),
    maxIter: z.int().min(1).max(10000).default(20).describe('Maximal iterations per step.'),
    maxEval: z
      .int()
      .min(1)
      .max(100000)
      .nullable()
      .default(null)
      .describe('Maximal function evaluations per step (null: maxIter·5/4, rounded down).'),
    toleranceGrad: z.number().min(0).max(1e6).default(1e-7).describe('Stop when max |gradient| ≤ this.'),
    toleranceChange: z
      .number()
      .min(0)
      .max(1e6)
      .default(1e-9)
      .describe('Stop when the step or the loss change is below this.'),
    historySize: z.int().min(1).max(1000).default(100).describe('Number of (s, y) pairs kept.'),
    lineSearchFn: z
      .enum(['strong_wolfe'])
      .nullable()
      .default(null)
      .describe('null: fixed step lr; "strong_wolfe": torch\'s strong-Wolfe line search.'),
  }),
  create(hp, dim) {
    const maxIter = hp.maxIter;
    const maxEval = hp.maxEval ?? Math.floor((maxIter * 5) / 4);
    const H = hp.historySize;
    let g = new Float64Array(dim);
    const d = new Float64Array(dim);
    const prevG = new Float64Array(dim);
    const xInit = new Float64Array(dim);
    const scratch = new Float64Array(dim);
    const oldDirs: Float64Array[] = []; // y
    const oldStps: Float64Array[] = []; // s
    const ro: number[] = [];
    const al = new Float64Array(H);
    let hDiag = 1;
    let t = 0;
    let nIterTotal = 0;
    return {
      step(p, f, lr) {
        const origLoss = f.lossGrad(p, g);
        let loss = origLoss;
        let currentEvals = 1;
        let optCond = maxAbs(g) <= hp.toleranceGrad;
        if (optCond) return origLoss;
        let nIter = 0;
        while (nIter < maxIter) {
          nIter++;
          nIterTotal++;
          if (nIterTotal === 1) {
            for (let i = 0; i < dim; i++) d[i] = -g[i]!;
            oldDirs.length = 0;
            oldStps.length = 0;
            ro.length = 0;
            hDiag = 1;
          } else {
            // y = g - g_prev, s = d·t (the previous direction and step)
            const y = new Float64Array(dim);
            const s = new Float64Array(dim);
            for (let i = 0; i < dim; i++) {
              y[i] = g[i]! - prevG[i]!;
              s[i] = d[i]! * t;
            }
            const ys = dot(y, s);
            if (ys > 1e-10) {
              if (oldDirs.length === H) {
                oldDirs.shift();
                oldStps.shift();
                ro.shift();
              }
              oldDirs.push(y);
              oldStps.push(s);
              ro.push(1 / ys);
              hDiag = ys / dot(y, y);
            }
            // two-loop recursion: d = -H·g
            const num = oldDirs.length;
            for (let i = 0; i < dim; i++) d[i] = -g[i]!;
            for (let i = num - 1; i >= 0; i--) {
              al[i] = dot(oldStps[i]!, d) * ro[i]!;
              axpy(d, -al[i]!, oldDirs[i]!);
            }
            for (let i = 0; i < dim; i++) d[i] = d[i]! * hDiag;
            for (let i = 0; i < num; i++) {
              const be = dot(oldDirs[i]!, d) * ro[i]!;
              axpy(d, al[i]! - be, oldStps[i]!);
            }
          }
          prevG.set(g);
          const prevLoss = loss;

          t = nIterTotal === 1 ? Math.min(1, 1 / sumAbs(g)) * lr : lr;
          const gtd = dot(g, d);
          if (gtd > -hp.toleranceChange) break;

          let lsEvals = 0;
          if (hp.lineSearchFn === 'strong_wolfe') {
            xInit.set(p);
            const r = strongWolfe(directional(f, xInit, d, scratch), t, d, loss, g, gtd);
            loss = r.f;
            g = r.g.slice();
            t = r.t;
            lsEvals = r.evals;
            axpy(p, t, d);
            optCond = maxAbs(g) <= hp.toleranceGrad;
          } else {
            axpy(p, t, d);
            if (nIter !== maxIter) {
              loss = f.lossGrad(p, g);
              optCond = maxAbs(g) <= hp.toleranceGrad;
              lsEvals = 1;
            }
          }
          currentEvals += lsEvals;

          if (nIter === maxIter) break;
          if (currentEvals >= maxEval) break;
          if (optCond) break;
          let stepMax = 0;
          for (let i = 0; i < dim; i++) stepMax = Math.max(stepMax, Math.abs(d[i]! * t));
          if (stepMax <= hp.toleranceChange) break;
          if (Math.abs(loss - prevLoss) < hp.toleranceChange) break;
        }
        return origLoss;
      },
      snapshot: () => ({ direction: d.slice() }),
    };
  },
});

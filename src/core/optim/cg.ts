import { z } from 'zod';
import { directional, strongWolfe } from './lineSearch';
import { defineOptimizer } from './types';
import { axpy, dot, sumAbs } from './vec';

/**
 * Nonlinear conjugate gradient (Nocedal & Wright §5.2) with the strong-Wolfe line search of lineSearch.ts.
 * One step = one CG iteration: d_k = -g_k + β_k d_{k-1}, with y = g_k - g_{k-1}:
 *   FR (Fletcher-Reeves 1964):   β = g_kᵀg_k / g_{k-1}ᵀg_{k-1}
 *   PR+ (Polak-Ribière, Powell's non-negative variant; scipy's CG): β = max(0, g_kᵀy / g_{k-1}ᵀg_{k-1})
 *   HS (Hestenes-Stiefel 1952):  β = g_kᵀy / d_{k-1}ᵀy
 * β = 0 (steepest descent restart) every `restart` iterations (null: every dim iterations) and whenever d
 * is not a descent direction. First trial step: min(1, 1/‖g‖₁) on (re)starts, else t_{k-1}·g_{k-1}ᵀd_{k-1}/g_kᵀd_k
 * (N&W eq. 3.60). The line search never returns a point above the current loss, so the loss never rises.
 */
export const cg = defineOptimizer({
  type: 'cg',
  label: 'Nonlinear CG',
  help: 'Conjugate-gradient directions with a strong-Wolfe line search (Fletcher-Reeves, Polak-Ribière+, Hestenes-Stiefel).',
  schema: z.strictObject({
    variant: z.enum(['FR', 'PR+', 'HS']).default('PR+').describe('Formula for β.'),
    restart: z
      .int()
      .min(1)
      .max(1e9)
      .nullable()
      .default(null)
      .describe('Restart with steepest descent every this many iterations (null: the number of parameters).'),
    c1: z
      .number()
      .gt(0)
      .lt(0.5)
      .default(1e-4)
      .describe('Sufficient-decrease constant c1 of the Wolfe conditions.'),
    c2: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.1)
      .describe('Curvature constant c2 (< 1/2 keeps Fletcher-Reeves a descent method).'),
    maxLs: z.int().min(1).max(200).default(25).describe('Most loss evaluations per line search.'),
  }),
  create(hp, dim) {
    const restartEvery = hp.restart ?? dim;
    const g = new Float64Array(dim);
    const gPrev = new Float64Array(dim);
    const d = new Float64Array(dim);
    const x0 = new Float64Array(dim);
    const scratch = new Float64Array(dim);
    let k = 0; // iterations since the last restart
    let tPrev = 0;
    let gtdPrev = 0;
    let started = false;
    return {
      step(p, f) {
        const loss = f.lossGrad(p, g);
        let beta = 0;
        if (started && k < restartEvery) {
          const gg = dot(gPrev, gPrev);
          let num = 0;
          let den = 0;
          for (let i = 0; i < dim; i++) {
            const y = g[i]! - gPrev[i]!;
            if (hp.variant === 'FR') num += g[i]! * g[i]!;
            else num += g[i]! * y;
            if (hp.variant === 'HS') den += d[i]! * y;
          }
          if (hp.variant !== 'HS') den = gg;
          beta = den !== 0 ? num / den : 0;
          if (hp.variant === 'PR+') beta = Math.max(0, beta);
        }
        for (let i = 0; i < dim; i++) d[i] = -g[i]! + beta * d[i]!;
        let gtd = dot(g, d);
        if (beta !== 0 && gtd >= 0) {
          // not a descent direction: restart
          beta = 0;
          for (let i = 0; i < dim; i++) d[i] = -g[i]!;
          gtd = dot(g, d);
        }
        if (beta === 0) k = 0;
        k++;
        gPrev.set(g);
        started = true;
        if (gtd === 0) return loss;
        const t0 =
          beta === 0 || tPrev === 0 ? Math.min(1, 1 / sumAbs(g)) : Math.min(1e10, (tPrev * gtdPrev) / gtd);
        x0.set(p);
        const r = strongWolfe(directional(f, x0, d, scratch), t0, d, loss, g, gtd, {
          c1: hp.c1,
          c2: hp.c2,
          maxLs: hp.maxLs,
        });
        axpy(p, r.t, d);
        tPrev = r.t;
        gtdPrev = gtd;
        return loss;
      },
      snapshot: () => ({ direction: d.slice() }),
    };
  },
});

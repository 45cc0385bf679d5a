import { z } from 'zod';
import { hessian } from './hessian';
import { armijoBacktracking } from './lineSearch';
import { cholesky, choleskySolve } from './linalg';
import { defineOptimizer } from './types';
import { axpyInto, dot } from './vec';

/** Largest network Newton's method forms the Hessian of (dim² numbers, dim³ work per step). */
export const NEWTON_MAX_DIM = 1500;

/**
 * Damped Newton's method with the exact Hessian (from dim Hessian-vector products). Each step solves
 * (H + τI) d = -g by Cholesky, with τ = damping unless H + damping·I is not positive definite; then
 * τ is raised as in Nocedal & Wright Alg. 3.3 (τ ← max(2τ, β), β = 1e-3·max|H_ii|) until it is, so d is
 * a descent direction. The step t starts at lr and is shrunk by Armijo backtracking, so the loss never
 * rises. On a strictly convex quadratic with damping 0 the first step lands on the minimiser.
 */
export const newton = defineOptimizer({
  type: 'newton',
  label: 'Newton (damped)',
  help: `Newton steps with the exact Hessian, regularised to stay a descent direction, plus backtracking. Up to ${NEWTON_MAX_DIM} parameters.`,
  needsHvp: true,
  schema: z.strictObject({
    lr: z
      .number()
      .positive('lr must be > 0')
      .max(1e6)
      .default(1)
      .describe('First trial step length t (1: the full Newton step).'),
    damping: z
      .number()
      .min(0)
      .max(1e12)
      .default(0)
      .describe('Ridge τ added to the Hessian: (H + τI) d = -g.'),
    c1: z
      .number()
      .gt(0)
      .lt(1)
      .default(1e-4)
      .describe('Sufficient-decrease constant c1 of the Armijo condition.'),
    shrink: z.number().gt(0).lt(1).default(0.5).describe('Factor applied to t after each failed trial.'),
    maxBacktracks: z.int().min(1).max(200).default(40).describe('Most trial steps per update.'),
  }),
  create(hp, dim) {
    if (dim > NEWTON_MAX_DIM)
      throw new Error(
        `newton forms the full Hessian: at most ${NEWTON_MAX_DIM} parameters (this model has ${dim})`,
      );
    const g = new Float64Array(dim);
    const d = new Float64Array(dim);
    const trial = new Float64Array(dim);
    const h = new Float64Array(dim * dim);
    const m = new Float64Array(dim * dim);
    return {
      step(p, f, lr) {
        const loss = f.lossGrad(p, g);
        hessian(f, p, h);
        let maxDiag = 0;
        let minDiag = Infinity;
        for (let i = 0; i < dim; i++) {
          maxDiag = Math.max(maxDiag, Math.abs(h[i * dim + i]!));
          minDiag = Math.min(minDiag, h[i * dim + i]!);
        }
        const beta = 1e-3 * Math.max(maxDiag, 1e-8);
        let tau = minDiag + hp.damping > 0 ? hp.damping : -minDiag + beta;
        for (;;) {
          m.set(h);
          for (let i = 0; i < dim; i++) m[i * dim + i] = m[i * dim + i]! + tau;
          if (cholesky(m, dim)) break;
          tau = Math.max(2 * tau, beta);
        }
        for (let i = 0; i < dim; i++) d[i] = -g[i]!;
        choleskySolve(m, dim, d);
        const gtd = dot(g, d);
        if (!(gtd < 0)) return loss;
        const r = armijoBacktracking(
          (t) => {
            axpyInto(trial, p, t, d);
            return f.loss(trial);
          },
          loss,
          gtd,
          lr,
          hp.c1,
          hp.shrink,
          hp.maxBacktracks,
        );
        if (r.t > 0) axpyInto(p, p, r.t, d);
        return loss;
      },
      snapshot: () => ({ direction: d.slice() }),
    };
  },
});

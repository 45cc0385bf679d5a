import { z } from 'zod';
import { armijoBacktracking } from './lineSearch';
import { defineOptimizer } from './types';
import { axpyInto, dot } from './vec';

/**
 * Gradient descent with Armijo backtracking (Armijo 1966; Nocedal & Wright, Alg. 3.1): d = -∇L(θ),
 * t = initialStep, shrink t ← ρt until L(θ + t d) ≤ L(θ) + c1 t ∇L·d; θ ← θ + t d. Every step decreases
 * the loss (or, if maxBacktracks shrinks never suffice, leaves θ unchanged).
 */
export const gdLineSearch = defineOptimizer({
  type: 'gdLineSearch',
  label: 'GD + Armijo line search',
  help: 'Gradient descent whose step is shrunk until the loss decreases enough (monotone).',
  schema: z.strictObject({
    c1: z
      .number()
      .gt(0)
      .lt(1)
      .default(1e-4)
      .describe('Sufficient-decrease constant c1 of the Armijo condition.'),
    shrink: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.5)
      .describe('Factor ρ applied to the step after each failed trial.'),
    initialStep: z
      .number()
      .positive()
      .max(1e6)
      .default(1)
      .describe('First trial step length t of every update.'),
    maxBacktracks: z.int().min(1).max(200).default(50).describe('Most trial steps per update.'),
  }),
  create(hp, dim) {
    const g = new Float64Array(dim);
    const d = new Float64Array(dim);
    const trial = new Float64Array(dim);
    return {
      step(p, f) {
        const loss = f.lossGrad(p, g);
        for (let i = 0; i < dim; i++) d[i] = -g[i]!;
        const gtd = dot(g, d);
        if (gtd === 0) return loss;
        const r = armijoBacktracking(
          (t) => {
            axpyInto(trial, p, t, d);
            return f.loss(trial);
          },
          loss,
          gtd,
          hp.initialStep,
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

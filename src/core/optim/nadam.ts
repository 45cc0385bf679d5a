import { z } from 'zod';
import { betasField, epsField, lrField, weightDecayField } from './fields';
import { defineOptimizer } from './types';

/**
 * torch.optim.NAdam (Dozat 2016): Adam with Nesterov momentum and a momentum schedule.
 * With g = ∇L(θ) + λθ, step t, ψ = momentumDecay:
 *   μ_t = β1(1 - ½·0.96^{tψ}),  Π_t = Π_{t-1} μ_t,
 *   m ← β1 m + (1-β1) g,  v ← β2 v + (1-β2) g²,  s = √(v / (1-β2^t)) + ε,
 *   θ ← θ - α(1-μ_t)/(1-Π_t) · g/s - α μ_{t+1}/(1-Π_t μ_{t+1}) · m/s.
 */
export const nadam = defineOptimizer({
  type: 'nadam',
  label: 'NAdam',
  help: 'Adam with Nesterov momentum.',
  schema: z.strictObject({
    lr: lrField(0.002),
    betas: betasField(),
    eps: epsField(1e-8),
    weightDecay: weightDecayField(),
    momentumDecay: z
      .number()
      .min(0, 'momentumDecay must be ≥ 0')
      .max(1)
      .default(0.004)
      .describe('Momentum decay ψ of the schedule μ_t = β1(1 - ½·0.96^{tψ}).'),
  }),
  create(hp, dim) {
    const g = new Float64Array(dim);
    const m = new Float64Array(dim);
    const v = new Float64Array(dim);
    let t = 0;
    let muProduct = 1;
    return {
      step(p, f, lr) {
        const loss = f.lossGrad(p, g);
        t++;
        const [b1, b2] = hp.betas;
        const wd = hp.weightDecay;
        const psi = hp.momentumDecay;
        const bc2 = 1 - b2 ** t;
        const mu = b1 * (1 - 0.5 * 0.96 ** (t * psi));
        const muNext = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi));
        muProduct *= mu;
        const muProductNext = muProduct * mu * muNext;
        const c1 = (-lr * (1 - mu)) / (1 - muProduct);
        const c2 = (-lr * muNext) / (1 - muProductNext);
        for (let i = 0; i < dim; i++) {
          const gi = wd !== 0 ? g[i]! + wd * p[i]! : g[i]!;
          m[i] = m[i]! * b1 + (1 - b1) * gi;
          v[i] = v[i]! * b2 + (1 - b2) * (gi * gi);
          const denom = Math.sqrt(v[i]! / bc2) + hp.eps;
          p[i] = p[i]! + c1 * (gi / denom);
          p[i] = p[i]! + c2 * (m[i]! / denom);
        }
        return loss;
      },
      snapshot: () => ({ m: m.slice(), v: v.slice() }),
    };
  },
});

import { z } from 'zod';
import { betasField, epsField, lrField, weightDecayField } from './fields';
import { defineOptimizer } from './types';

/**
 * torch.optim.Adamax (Kingma & Ba 2015, §7.1): Adam with the infinity norm. With g = ∇L(θ) + λθ:
 *   m ← β1 m + (1-β1) g,  u ← max(β2 u, |g| + ε),  θ ← θ - α/(1-β1^t) · m / u.
 */
export const adamax = defineOptimizer({
  type: 'adamax',
  label: 'Adamax',
  help: 'Adam with the infinity norm in place of the squared-gradient average.',
  schema: z.strictObject({
    lr: lrField(0.002),
    betas: betasField(),
    eps: epsField(1e-8),
    weightDecay: weightDecayField(),
  }),
  create(hp, dim) {
    const g = new Float64Array(dim);
    const m = new Float64Array(dim);
    const u = new Float64Array(dim);
    let t = 0;
    return {
      step(p, f, lr) {
        const loss = f.lossGrad(p, g);
        t++;
        const [b1, b2] = hp.betas;
        const wd = hp.weightDecay;
        const clr = lr / (1 - b1 ** t);
        for (let i = 0; i < dim; i++) {
          const gi = wd !== 0 ? g[i]! + wd * p[i]! : g[i]!;
          m[i] = m[i]! * b1 + (1 - b1) * gi;
          u[i] = Math.max(u[i]! * b2, Math.abs(gi) + hp.eps);
          p[i] = p[i]! - clr * (m[i]! / u[i]!);
        }
        return loss;
      },
      snapshot: () => ({ m: m.slice(), u: u.slice() }),
    };
  },
});

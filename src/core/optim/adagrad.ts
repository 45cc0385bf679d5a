import { z } from 'zod';
import { epsField, lrField, weightDecayField } from './fields';
import { defineOptimizer } from './types';

/**
 * torch.optim.Adagrad (Duchi, Hazan & Singer 2011). With g = ∇L(θ) + λθ and step t = 1, 2, ...:
 *   α_t = α / (1 + (t-1)·lrDecay),  G ← G + g²,  θ ← θ - α_t g / (√G + ε).
 */
export const adagrad = defineOptimizer({
  type: 'adagrad',
  label: 'AdaGrad',
  help: 'Per-parameter steps scaled by the root of the summed squared gradients.',
  schema: z.strictObject({
    lr: lrField(0.01),
    lrDecay: z.number().min(0).max(1e6).default(0).describe('Learning-rate decay: α/(1 + (t-1)·lrDecay).'),
    weightDecay: weightDecayField(),
    initialAccumulatorValue: z
      .number()
      .min(0)
      .max(1e6)
      .default(0)
      .describe('Starting value of the sum of squared gradients G.'),
    eps: epsField(1e-10),
  }),
  create(hp, dim) {
    const g = new Float64Array(dim);
    const sum = new Float64Array(dim).fill(hp.initialAccumulatorValue);
    let t = 0;
    return {
      step(p, f, lr) {
        const loss = f.lossGrad(p, g);
        t++;
        const clr = lr / (1 + (t - 1) * hp.lrDecay);
        const wd = hp.weightDecay;
        for (let i = 0; i < dim; i++) {
          const gi = wd !== 0 ? g[i]! + wd * p[i]! : g[i]!;
          sum[i] = sum[i]! + gi * gi;
          p[i] = p[i]! - clr * (gi / (Math.sqrt(sum[i]!) + hp.eps));
        }
        return loss;
      },
      snapshot: () => ({ sum: sum.slice() }),
    };
  },
});

import { z } from 'zod';
import { epsField, lrField, weightDecayField } from './fields';
import { defineOptimizer } from './types';

/**
 * torch.optim.RMSprop (Hinton 2012; centered: Graves 2013). With g = ∇L(θ) + λθ:
 *   v ← αv + (1-α)g²;  centered: ḡ ← αḡ + (1-α)g, s = √(v - ḡ²) + ε, else s = √v + ε;
 *   momentum μ > 0: b ← μb + g/s, θ ← θ - lr·b;  otherwise θ ← θ - lr·g/s.
 */
export const rmsprop = defineOptimizer({
  type: 'rmsprop',
  label: 'RMSprop',
  help: 'Steps divided by a running root-mean-square of the gradient.',
  schema: z.strictObject({
    lr: lrField(0.01),
    alpha: z
      .number()
      .min(0)
      .max(1)
      .default(0.99)
      .describe('Smoothing constant of the squared-gradient average.'),
    eps: epsField(1e-8),
    weightDecay: weightDecayField(),
    momentum: z.number().min(0).max(1).default(0).describe('Momentum factor μ (0: none).'),
    centered: z
      .boolean()
      .default(false)
      .describe('Normalise by the estimated variance (subtract the squared mean gradient).'),
  }),
  create(hp, dim) {
    const g = new Float64Array(dim);
    const squareAvg = new Float64Array(dim);
    const gradAvg = new Float64Array(dim);
    const buf = new Float64Array(dim);
    return {
      step(p, f, lr) {
        const loss = f.lossGrad(p, g);
        const { alpha, eps, weightDecay: wd, momentum, centered } = hp;
        for (let i = 0; i < dim; i++) {
          const gi = wd !== 0 ? g[i]! + wd * p[i]! : g[i]!;
          squareAvg[i] = squareAvg[i]! * alpha + (1 - alpha) * (gi * gi);
          let avg: number;
          if (centered) {
            gradAvg[i] = gradAvg[i]! * alpha + (1 - alpha) * gi;
            avg = Math.sqrt(squareAvg[i]! - gradAvg[i]! * gradAvg[i]!) + eps;
          } else avg = Math.sqrt(squareAvg[i]!) + eps;
          if (momentum > 0) {
            buf[i] = buf[i]! * momentum + gi / avg;
            p[i] = p[i]! - lr * buf[i]!;
          } else p[i] = p[i]! - lr * (gi / avg);
        }
        return loss;
      },
      snapshot: () => ({
        squareAvg: squareAvg.slice(),
        ...(hp.centered ? { gradAvg: gradAvg.slice() } : {}),
        ...(hp.momentum > 0 ? { velocity: buf.slice() } : {}),
      }),
    };
  },
});

import { z } from 'zod';
import { epsField, lrField, weightDecayField } from './fields';
import { defineOptimizer } from './types';

/**
 * torch.optim.Adadelta (Zeiler 2012). With g = ∇L(θ) + λθ:
 *   v ← ρv + (1-ρ)g²,  Δ = √(u + ε) / √(v + ε) · g,  u ← ρu + (1-ρ)Δ²,  θ ← θ - αΔ.
 */
export const adadelta = defineOptimizer({
  type: 'adadelta',
  label: 'AdaDelta',
  help: 'Steps scaled by the ratio of running RMS of past updates to running RMS of gradients.',
  schema: z.strictObject({
    lr: lrField(1),
    rho: z
      .number()
      .min(0)
      .max(1)
      .default(0.9)
      .describe('Decay ρ of the running averages of squared gradients and squared updates.'),
    eps: epsField(1e-6),
    weightDecay: weightDecayField(),
  }),
  create(hp, dim) {
    const g = new Float64Array(dim);
    const squareAvg = new Float64Array(dim);
    const accDelta = new Float64Array(dim);
    return {
      step(p, f, lr) {
        const loss = f.lossGrad(p, g);
        const { rho, eps, weightDecay: wd } = hp;
        for (let i = 0; i < dim; i++) {
          const gi = wd !== 0 ? g[i]! + wd * p[i]! : g[i]!;
          squareAvg[i] = squareAvg[i]! * rho + (1 - rho) * (gi * gi);
          const std = Math.sqrt(squareAvg[i]! + eps);
          const delta = (Math.sqrt(accDelta[i]! + eps) / std) * gi;
          accDelta[i] = accDelta[i]! * rho + (1 - rho) * (delta * delta);
          p[i] = p[i]! - lr * delta;
        }
        return loss;
      },
      snapshot: () => ({ squareAvg: squareAvg.slice(), accDelta: accDelta.slice() }),
    };
  },
});

import { z } from 'zod';
import { betasField, epsField, lrField, weightDecayField } from './fields';
import { defineOptimizer } from './types';

/**
 * torch.optim.RAdam (Liu et al. 2020): Adam whose adaptive step is switched on once the variance of
 * the adaptive rate is tractable. With g = ∇L(θ) + λθ, step t:
 *   m ← β1 m + (1-β1) g,  v ← β2 v + (1-β2) g²,  m̂ = m/(1-β1^t),
 *   ρ∞ = 2/(1-β2) - 1,  ρ_t = ρ∞ - 2tβ2^t/(1-β2^t);
 *   ρ_t > 5: r = √((ρ_t-4)(ρ_t-2)ρ∞ / ((ρ∞-4)(ρ∞-2)ρ_t)), θ ← θ - α m̂ r √(1-β2^t)/(√v + ε);
 *   else θ ← θ - α m̂.
 */
export const radam = defineOptimizer({
  type: 'radam',
  label: 'RAdam',
  help: 'Adam with a rectified warm-up of the adaptive step size.',
  schema: z.strictObject({
    lr: lrField(0.001),
    betas: betasField(),
    eps: epsField(1e-8),
    weightDecay: weightDecayField(),
  }),
  create(hp, dim) {
    const g = new Float64Array(dim);
    const m = new Float64Array(dim);
    const v = new Float64Array(dim);
    let t = 0;
    return {
      step(p, f, lr) {
        const loss = f.lossGrad(p, g);
        t++;
        const [b1, b2] = hp.betas;
        const wd = hp.weightDecay;
        const bc1 = 1 - b1 ** t;
        const bc2 = 1 - b2 ** t;
        const rhoInf = 2 / (1 - b2) - 1;
        const rhoT = rhoInf - (2 * t * b2 ** t) / bc2;
        const rect =
          rhoT > 5 ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        const bc2Sqrt = Math.sqrt(bc2);
        for (let i = 0; i < dim; i++) {
          const gi = wd !== 0 ? g[i]! + wd * p[i]! : g[i]!;
          m[i] = m[i]! * b1 + (1 - b1) * gi;
          v[i] = v[i]! * b2 + (1 - b2) * (gi * gi);
          const mHat = m[i]! / bc1;
          if (rhoT > 5) {
            const adaptive = bc2Sqrt / (Math.sqrt(v[i]!) + hp.eps);
            p[i] = p[i]! - mHat * lr * adaptive * rect;
          } else p[i] = p[i]! - mHat * lr;
        }
        return loss;
      },
      snapshot: () => ({ m: m.slice(), v: v.slice() }),
    };
  },
});

import { z } from 'zod';
import { betasField, epsField, lrField, weightDecayField } from './fields';
import { defineOptimizer, type OptimizerDef } from './types';

/**
 * torch.optim.Adam (Kingma & Ba 2015; amsgrad: Reddi et al. 2018) and torch.optim.AdamW (Loshchilov &
 * Hutter 2019), one kernel. Step t = 1, 2, ...; Adam adds λθ to g, AdamW first shrinks θ ← θ(1 - αλ):
 *   m ← β1 m + (1-β1) g,  v ← β2 v + (1-β2) g²,  (amsgrad: v̂ ← max(v̂, v), used in place of v)
 *   θ ← θ - α/(1-β1^t) · m / (√v / √(1-β2^t) + ε).
 */
function makeAdam(type: 'adam' | 'adamw', decoupled: boolean): OptimizerDef {
  return defineOptimizer({
    type,
    label: decoupled ? 'AdamW' : 'Adam',
    help: decoupled
      ? 'Adam with decoupled weight decay (θ shrinks by αλ each step, outside the moments).'
      : 'Bias-corrected running averages of the gradient and its square.',
    schema: z.strictObject({
      lr: lrField(0.001),
      betas: betasField(),
      eps: epsField(1e-8),
      weightDecay: decoupled
        ? weightDecayField(0.01, 'Decoupled weight decay λ: θ ← θ(1 - αλ) each step.')
        : weightDecayField(),
      amsgrad: z.boolean().default(false).describe('Use the running maximum of v (AMSGrad).'),
    }),
    create(hp, dim) {
      const g = new Float64Array(dim);
      const m = new Float64Array(dim);
      const v = new Float64Array(dim);
      const vmax = new Float64Array(hp.amsgrad ? dim : 0);
      let t = 0;
      return {
        step(p, f, lr) {
          const loss = f.lossGrad(p, g);
          t++;
          const [b1, b2] = hp.betas;
          const wd = hp.weightDecay;
          const stepSize = lr / (1 - b1 ** t);
          const bc2Sqrt = Math.sqrt(1 - b2 ** t);
          for (let i = 0; i < dim; i++) {
            let gi = g[i]!;
            if (decoupled) p[i] = p[i]! * (1 - lr * wd);
            else if (wd !== 0) gi += wd * p[i]!;
            m[i] = m[i]! * b1 + (1 - b1) * gi;
            v[i] = v[i]! * b2 + (1 - b2) * (gi * gi);
            let vi = v[i]!;
            if (hp.amsgrad) {
              if (vi > vmax[i]!) vmax[i] = vi;
              vi = vmax[i]!;
            }
            const denom = Math.sqrt(vi) / bc2Sqrt + hp.eps;
            p[i] = p[i]! - stepSize * (m[i]! / denom);
          }
          return loss;
        },
        snapshot: () => ({ m: m.slice(), v: v.slice(), ...(hp.amsgrad ? { vmax: vmax.slice() } : {}) }),
      };
    },
  });
}

export const adam = makeAdam('adam', false);
export const adamw = makeAdam('adamw', true);

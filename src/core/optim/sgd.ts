import { z } from 'zod';
import { lrField, weightDecayField } from './fields';
import { defineOptimizer } from './types';

/**
 * torch.optim.SGD. With g = ∇L(θ) + λθ:
 *   b ← μ b + (1 - τ) g   (b = g on the first step), g ← g + μ b if nesterov else b, θ ← θ - lr g.
 * With momentum 0 this is plain gradient descent (full batch) or minibatch SGD.
 */
export const sgd = defineOptimizer({
  type: 'sgd',
  label: 'SGD / GD',
  help: 'Gradient descent; with momentum, heavy ball; with nesterov, Nesterov momentum.',
  schema: z.strictObject({
    lr: lrField(0.01),
    momentum: z.number().min(0).max(1).default(0).describe('Momentum factor μ (0: none).'),
    dampening: z.number().min(0).max(1).default(0).describe('Dampening τ of the momentum term.'),
    nesterov: z.boolean().default(false).describe('Use Nesterov momentum (needs momentum > 0, dampening 0).'),
    weightDecay: weightDecayField(),
  }),
  create(hp, dim) {
    const g = new Float64Array(dim);
    const buf = new Float64Array(dim);
    let started = false;
    return {
      step(p, f, lr) {
        const loss = f.lossGrad(p, g);
        const { momentum: mu, dampening: tau, nesterov, weightDecay: wd } = hp;
        for (let i = 0; i < dim; i++) {
          let gi = g[i]! + wd * p[i]!;
          if (mu !== 0) {
            buf[i] = started ? mu * buf[i]! + (1 - tau) * gi : gi;
            gi = nesterov ? gi + mu * buf[i]! : buf[i]!;
          }
          p[i] = p[i]! - lr * gi;
        }
        started = true;
        return loss;
      },
      snapshot: () => ({ velocity: buf.slice() }),
    };
  },
});

/**
 * Gradient clipping by global norm, as torch.nn.utils.clip_grad_norm_(max_norm) called before every
 * optimizer step: g ← g · min(1, maxNorm / (‖g‖₂ + 1e-6)). Applied as a wrapper around the objective so
 * every gradient the optimizer sees is clipped (for line-search methods, each evaluation is), while
 * losses and evaluation counts pass through unchanged.
 */
import type { Objective } from '../objective';

export function clipObjective(f: Objective, maxNorm: number): Objective {
  const clipped: Objective = {
    dim: f.dim,
    counts: f.counts,
    loss: (p) => f.loss(p),
    lossGrad(p, g) {
      const loss = f.lossGrad(p, g);
      let s = 0;
      for (let i = 0; i < g.length; i++) s += g[i]! * g[i]!;
      const coef = Math.min(1, maxNorm / (Math.sqrt(s) + 1e-6));
      if (coef < 1) for (let i = 0; i < g.length; i++) g[i] = g[i]! * coef;
      return loss;
    },
    setBatch: (s) => f.setBatch(s),
  };
  if (f.hvp) clipped.hvp = (p, v, out) => f.hvp!(p, v, out);
  if (f.gnvp) clipped.gnvp = (p, v, out) => f.gnvp!(p, v, out);
  return clipped;
}

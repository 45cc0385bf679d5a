/**
 * Gradient clipping, as torch.nn.utils calls it before every optimizer step:
 * - by value, clip_grad_value_(clip_value): each component g_i ← min(max(g_i, −clipValue), clipValue);
 * - by global norm, clip_grad_norm_(max_norm): g ← g · min(1, maxNorm / (‖g‖₂ + 1e-6)).
 * With both, the value clip comes first (the norm is then that of the clipped gradient). Applied as a
 * wrapper around the objective so every gradient the optimizer sees is clipped (for line-search methods,
 * each evaluation is), while losses and evaluation counts pass through unchanged.
 */
import type { Objective } from '../objective';

export interface ClipSpec {
  /** Global L2 norm bound, or null. */
  norm: number | null;
  /** Per-component bound, or null. */
  value: number | null;
}

/** `f` with its gradients clipped; `f` itself when neither bound is set. */
export function clipObjective(f: Objective, clip: ClipSpec): Objective {
  const { norm: maxNorm, value: maxValue } = clip;
  if (maxNorm === null && maxValue === null) return f;
  const clipped: Objective = {
    dim: f.dim,
    counts: f.counts,
    loss: (p) => f.loss(p),
    lossGrad(p, g) {
      const loss = f.lossGrad(p, g);
      if (maxValue !== null) clipGradValue(g, maxValue);
      if (maxNorm !== null) clipGradNorm(g, maxNorm);
      return loss;
    },
    setBatch: (s) => f.setBatch(s),
  };
  if (f.hvp) clipped.hvp = (p, v, out) => f.hvp!(p, v, out);
  if (f.gnvp) clipped.gnvp = (p, v, out) => f.gnvp!(p, v, out);
  return clipped;
}

/** torch's clip_grad_value_: clamps each component to [−maxValue, maxValue] in place (NaN stays NaN). */
export function clipGradValue(g: Float64Array, maxValue: number): void {
  for (let i = 0; i < g.length; i++) {
    const v = g[i]!;
    if (v > maxValue) g[i] = maxValue;
    else if (v < -maxValue) g[i] = -maxValue;
  }
}

/** torch's clip_grad_norm_: scales g in place by min(1, maxNorm / (‖g‖₂ + 1e-6)). */
export function clipGradNorm(g: Float64Array, maxNorm: number): void {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i]! * g[i]!;
  const coef = Math.min(1, maxNorm / (Math.sqrt(s) + 1e-6));
  if (coef < 1) for (let i = 0; i < g.length; i++) g[i] = g[i]! * coef;
}

/**
 * Relaxing a point to a nearby minimum with saddle-free Newton steps (Dauphin et al. 2014, section 4):
 * δ = -Σ_k (v_k·g) / (|λ_k| + μ) v_k from the dense Hessian's eigen-decomposition. Using |λ| turns
 * Newton's attraction to saddles into repulsion, so the iteration descends to a minimum; μ damps steps
 * and grows when a step does not lower the loss. For NEB end points, which should be minima.
 */
import type { Objective } from '../objective';
import { denseHessian } from './hessianSpectrum';
import { symEigen } from './symEigen';

export interface RelaxResult {
  params: Float64Array<ArrayBuffer>;
  loss: number;
  gradNorm: number;
  iterations: number;
}

export function relaxToMinimum(
  f: Objective,
  start: Float64Array,
  opts: { maxIter?: number; gradTol?: number } = {},
): RelaxResult {
  const n = f.dim;
  const p = Float64Array.from(start);
  const g = new Float64Array(n);
  const q = new Float64Array(n);
  const c = new Float64Array(n);
  let loss = f.lossGrad(p, g);
  let gn = Math.hypot(...g);
  let mu = -1;
  let it = 0;
  for (; it < (opts.maxIter ?? 100) && gn > (opts.gradTol ?? 1e-10 * Math.max(1, loss)); it++) {
    const { values, vectors } = symEigen(denseHessian(f, p).h, n, true);
    const V = vectors!;
    if (mu < 0) mu = 1e-6 * Math.max(Math.abs(values[0]!), Math.abs(values[n - 1]!), 1e-300);
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += V[i * n + k]! * g[i]!;
      c[k] = s;
    }
    let accepted = false;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += (V[i * n + k]! * c[k]!) / (Math.abs(values[k]!) + mu);
        q[i] = p[i]! - s;
      }
      const lq = f.loss(q);
      if (lq < loss) {
        p.set(q);
        loss = f.lossGrad(p, g);
        gn = Math.hypot(...g);
        mu = Math.max(mu / 3, 1e-300);
        accepted = true;
        break;
      }
      mu *= 4;
    }
    if (!accepted) break;
  }
  return { params: p, loss, gradNorm: gn, iterations: it };
}

/**
 * Critical points of any index, found by minimising the squared gradient norm φ(p) = ½‖∇L(p)‖², whose
 * gradient is H∇L (one Hessian-vector product), as in Dauphin et al. 2014 ("Identifying and attacking the
 * saddle point problem in high-dimensional non-convex optimization", section 3 / figure 1, following
 * Pascanu et al. 2014): unlike descent on L it is attracted by saddles as much as by minima, so the points
 * found give the index-versus-loss picture. Small models use Levenberg-Marquardt steps on ∇L = 0 with the
 * dense Hessian, δ = -(H² + μI)⁻¹ H g (from H's eigen-decomposition); larger ones gradient descent on φ
 * with Barzilai-Borwein steps. φ can also stop at a minimum of ‖∇L‖ that is not zero: such points are
 * reported with converged = false.
 */
import type { Objective } from '../objective';
import { createHvp, denseHessian } from './hessianSpectrum';
import { symEigen } from './symEigen';

export interface CriticalSearchOptions {
  maxIter?: number;
  /** Converged when ‖∇L‖ ≤ gradTol (default 1e-9·max(1, L)). */
  gradTol?: number;
  /** Largest dimension for the dense Levenberg-Marquardt method (default 400). */
  denseLimit?: number;
}

export interface CriticalSearchResult {
  params: Float64Array<ArrayBuffer>;
  loss: number;
  gradNorm: number;
  converged: boolean;
  iterations: number;
  method: 'levenberg-marquardt' | 'gradient-norm descent';
}

const norm = (v: Float64Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

export function findCriticalPoint(
  f: Objective,
  start: Float64Array,
  opts: CriticalSearchOptions = {},
): CriticalSearchResult {
  const n = f.dim;
  const maxIter = opts.maxIter ?? 200;
  const p = Float64Array.from(start);
  const g = new Float64Array(n);
  const tolOf = (loss: number) => opts.gradTol ?? 1e-9 * Math.max(1, Math.abs(loss));
  let loss = f.lossGrad(p, g);
  let gn = norm(g);
  let it = 0;
  if (n <= (opts.denseLimit ?? 400)) {
    const q = new Float64Array(n);
    const gq = new Float64Array(n);
    const c = new Float64Array(n);
    let mu = -1;
    for (; it < maxIter && gn > tolOf(loss); it++) {
      const { h } = denseHessian(f, p);
      const { values, vectors } = symEigen(h, n, true);
      const V = vectors!;
      if (mu < 0) mu = 1e-3 * Math.max(values[0]! ** 2, values[n - 1]! ** 2, 1e-300);
      // c = Vᵀ g
      for (let k = 0; k < n; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += V[i * n + k]! * g[i]!;
        c[k] = s;
      }
      let accepted = false;
      for (let tries = 0; tries < 30; tries++) {
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let k = 0; k < n; k++) {
            const l = values[k]!;
            s += (V[i * n + k]! * l * c[k]!) / (l * l + mu);
          }
          q[i] = p[i]! - s;
        }
        const lq = f.lossGrad(q, gq);
        const gqn = norm(gq);
        if (Number.isFinite(gqn) && gqn < gn) {
          p.set(q);
          g.set(gq);
          loss = lq;
          gn = gqn;
          mu = Math.max(mu / 3, 1e-300);
          accepted = true;
          break;
        }
        mu *= 4;
      }
      if (!accepted) break;
    }
    return {
      params: p,
      loss,
      gradNorm: gn,
      converged: gn <= tolOf(loss),
      iterations: it,
      method: 'levenberg-marquardt',
    };
  }
  // Gradient descent on φ = ½‖g‖² with ∇φ = H g and Barzilai-Borwein step sizes.
  const { hvp } = createHvp(f, p);
  const d = new Float64Array(n);
  const dPrev = new Float64Array(n);
  const pPrev = new Float64Array(n);
  let step = 1e-3;
  for (; it < 20 * maxIter && gn > tolOf(loss); it++) {
    hvp(g, d);
    if (it > 0) {
      let ss = 0;
      let sy = 0;
      for (let i = 0; i < n; i++) {
        const s = p[i]! - pPrev[i]!;
        const y = d[i]! - dPrev[i]!;
        ss += s * s;
        sy += s * y;
      }
      if (sy > 0) step = ss / sy;
    }
    pPrev.set(p);
    dPrev.set(d);
    for (let i = 0; i < n; i++) p[i] = p[i]! - step * d[i]!;
    loss = f.lossGrad(p, g);
    gn = norm(g);
    if (!Number.isFinite(gn)) break;
  }
  return {
    params: p,
    loss,
    gradNorm: gn,
    converged: gn <= tolOf(loss),
    iterations: it,
    method: 'gradient-norm descent',
  };
}

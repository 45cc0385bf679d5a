import { z } from 'zod';
import { defineOptimizer } from './types';
import { axpyInto, dot } from './vec';

/**
 * Hessian-free optimisation (truncated Newton; Martens 2010, "Deep learning via Hessian-free
 * optimization"). Each step approximately minimises the damped quadratic model
 *   φ(x) = ½ xᵀ(H + λI)x + gᵀx
 * by linear conjugate gradient on exact curvature-vector products (R-operator). Curvature `hessian`
 * (default): the exact Hessian H; since H may be indefinite, CG also stops at the first direction of
 * non-positive curvature of H + λI (Steihaug-style truncation) and falls back to -g/λ if that happens
 * before the first update. Curvature `gaussNewton`: Martens' choice, G = Jᵀ(∂²ℓ)J (positive
 * semidefinite), needs an objective with gnvp (the dense engine). Martens' ingredients kept:
 *   - CG starts from the previous solution times `warmStart` (0.95 in the paper);
 *   - CG stops at iteration i once φ_i < 0 and (φ_i - φ_{i-k})/φ_i < k·ε, k = max(10, ⌈0.1 i⌉), ε = cgTolerance,
 *     or after maxCgIters;
 *   - Levenberg-Marquardt damping: ρ = (L(θ+x) - L(θ)) / q(x), q the undamped model ½xᵀBx + gᵀx (B = H or G);
 *     ρ < ¼: λ ← 3/2·λ, ρ > ¾: λ ← 2/3·λ.
 * Steps that do not lower the loss are rejected (θ unchanged, λ raised), so the loss never rises.
 * Not included: CG-iterate backtracking and preconditioning (Martens §4.5, §4.7).
 */
export const hessianFree = defineOptimizer({
  type: 'hessianFree',
  label: 'Hessian-free (truncated Newton)',
  help: 'Newton-like steps by conjugate gradient on exact Hessian-vector products, with Levenberg-Marquardt damping.',
  needsHvp: true,
  schema: z.strictObject({
    lr: z
      .number()
      .positive('lr must be > 0')
      .max(1e6)
      .default(1)
      .describe('Scale of the CG step (1: as solved).'),
    damping: z.number().positive().max(1e12).default(1).describe('Initial Levenberg-Marquardt damping λ.'),
    maxCgIters: z
      .int()
      .min(1)
      .max(10000)
      .default(50)
      .describe('Most CG iterations (Hessian-vector products) per step.'),
    cgTolerance: z
      .number()
      .positive()
      .max(1)
      .default(5e-4)
      .describe("ε of Martens' relative-progress stopping rule for CG."),
    curvature: z
      .enum(['hessian', 'gaussNewton'])
      .default('hessian')
      .describe(
        'Curvature matrix of the model: the exact Hessian, or the Gauss-Newton matrix (Martens 2010).',
      ),
    warmStart: z
      .number()
      .min(0)
      .max(1)
      .default(0.95)
      .describe('CG starts from this multiple of the previous solution.'),
  }),
  create(hp, dim) {
    const g = new Float64Array(dim);
    const x = new Float64Array(dim);
    const r = new Float64Array(dim);
    const dir = new Float64Array(dim);
    const ad = new Float64Array(dim);
    const trial = new Float64Array(dim);
    const phis = new Float64Array(hp.maxCgIters + 1);
    let lambda = hp.damping;
    return {
      step(p, f, lr) {
        const product = hp.curvature === 'gaussNewton' ? f.gnvp : f.hvp;
        if (!product)
          throw new Error(
            hp.curvature === 'gaussNewton'
              ? "hessianFree with curvature 'gaussNewton' needs Gauss-Newton products, which this engine does not provide (use curvature 'hessian' or engine 'dense')"
              : 'hessianFree needs Hessian-vector products, which this engine does not provide',
          );
        const A = (v: Float64Array, out: Float64Array) => {
          product.call(f, p, v, out);
          for (let i = 0; i < dim; i++) out[i] = out[i]! + lambda * v[i]!;
        };
        const loss = f.lossGrad(p, g);
        // CG on (H + λI) x = -g from the warm start; r = -g - A x
        for (let i = 0; i < dim; i++) x[i] = hp.warmStart * x[i]!;
        if (dot(x, x) > 0) {
          A(x, ad);
          for (let i = 0; i < dim; i++) r[i] = -g[i]! - ad[i]!;
          // a warm start worse than x = 0 is dropped
          if (0.5 * (dot(x, g) - dot(x, r)) >= 0) {
            x.fill(0);
            for (let i = 0; i < dim; i++) r[i] = -g[i]!;
          }
        } else for (let i = 0; i < dim; i++) r[i] = -g[i]!;
        dir.set(r);
        let rr = dot(r, r);
        phis[0] = 0.5 * (dot(x, g) - dot(x, r));
        let moved = dot(x, x) > 0;
        for (let i = 1; i <= hp.maxCgIters && rr > 0; i++) {
          A(dir, ad);
          const curv = dot(dir, ad);
          if (!(curv > 0)) break;
          const alpha = rr / curv;
          for (let j = 0; j < dim; j++) {
            x[j] = x[j]! + alpha * dir[j]!;
            r[j] = r[j]! - alpha * ad[j]!;
          }
          moved = true;
          const rrNew = dot(r, r);
          const phi = 0.5 * (dot(x, g) - dot(x, r));
          phis[i] = phi;
          const k = Math.max(10, Math.ceil(0.1 * i));
          if (i > k && phi < 0 && (phi - phis[i - k]!) / phi < k * hp.cgTolerance) break;
          for (let j = 0; j < dim; j++) dir[j] = r[j]! + (rrNew / rr) * dir[j]!;
          rr = rrNew;
        }
        if (!moved) for (let i = 0; i < dim; i++) x[i] = -g[i]! / lambda;
        // undamped model along the step lr·x: q = ½lr²·xᵀBx + lr·gᵀx, with xᵀBx = xᵀ(-g - r) - λ‖x‖²
        // (exact for CG iterates; the fallback recomputes A x)
        let xAx: number;
        if (moved) xAx = -dot(x, g) - dot(x, r);
        else {
          A(x, ad);
          xAx = dot(x, ad);
        }
        const xHx = xAx - lambda * dot(x, x);
        const q = 0.5 * lr * lr * xHx + lr * dot(g, x);
        axpyInto(trial, p, lr, x);
        const newLoss = f.loss(trial);
        const rho = q < 0 ? (newLoss - loss) / q : -Infinity;
        if (rho < 0.25) lambda *= 1.5;
        else if (rho > 0.75) lambda *= 2 / 3;
        if (newLoss < loss) p.set(trial);
        return loss;
      },
      snapshot: () => ({ direction: x.slice() }),
    };
  },
});

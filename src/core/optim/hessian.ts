/**
 * The full Hessian from exact Hessian-vector products: column j is H·e_j (dim products, each about
 * two gradients). For analyses (eigenvalues, Newton's method) on networks small enough to hold a
 * dim x dim matrix. The result is symmetrised, (H + Hᵀ)/2, which only removes rounding asymmetry.
 */
import type { Objective } from '../objective';

/**
 * Row-major dim x dim Hessian of `objective` at p (into `out` if given). Counts dim hvp evaluations.
 * Throws if the objective has no hvp.
 */
export function hessian(objective: Objective, p: Float64Array, out?: Float64Array): Float64Array {
  const hvp = objective.hvp;
  if (!hvp) throw new Error('this objective provides no Hessian-vector products');
  return hessianFromProducts(objective.dim, (v, col) => hvp.call(objective, p, v, col), out);
}

/** Row-major n x n symmetric matrix from its products with the unit vectors (column j = H·e_j). */
export function hessianFromProducts<T extends Float64Array>(
  n: number,
  product: (v: Float64Array, out: Float64Array) => void,
  out?: T,
): T {
  const h = out ?? (new Float64Array(n * n) as T);
  const e = new Float64Array(n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e[j] = 1;
    product(e, col);
    e[j] = 0;
    for (let i = 0; i < n; i++) h[i * n + j] = col[i]!;
  }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = 0.5 * (h[i * n + j]! + h[j * n + i]!);
      h[i * n + j] = s;
      h[j * n + i] = s;
    }
  return h;
}

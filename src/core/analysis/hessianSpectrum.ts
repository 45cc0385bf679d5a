/**
 * The Hessian of an objective at a point and its spectrum. Dense (every column from an exact
 * Hessian-vector product, then tred2/tql2) up to DENSE_LIMIT parameters; beyond, Lanczos on the same
 * products finds the extreme eigenvalues only. Objectives without hvp fall back to central differences
 * of exact gradients (h = 1e-5·max(1, ‖p‖∞)), noted in the result.
 */
import type { Objective } from '../objective';
import { hessianFromProducts } from '../optim/hessian';
import { createRng } from '../rng';
import { lanczos } from './lanczos';
import { symEigen } from './symEigen';

/** Largest parameter count whose Hessian is formed densely (n^2 doubles: 2000 -> 32 MB, ~10 s). */
export const DENSE_LIMIT = 2000;

/** H·v into out: exact when the objective provides hvp, else central differences of gradients. */
export function createHvp(
  f: Objective,
  p: Float64Array,
): { hvp: (v: Float64Array, out: Float64Array) => void; exact: boolean } {
  if (f.hvp) return { hvp: (v, out) => f.hvp!(p, v, out), exact: true };
  const n = f.dim;
  const q = new Float64Array(n);
  const gp = new Float64Array(n);
  const gm = new Float64Array(n);
  let pmax = 0;
  for (let i = 0; i < n; i++) pmax = Math.max(pmax, Math.abs(p[i]!));
  const base = 1e-5 * Math.max(1, pmax);
  return {
    exact: false,
    hvp(v, out) {
      let vmax = 0;
      for (let i = 0; i < n; i++) vmax = Math.max(vmax, Math.abs(v[i]!));
      if (vmax === 0) {
        out.fill(0);
        return;
      }
      const h = base / vmax;
      for (let i = 0; i < n; i++) q[i] = p[i]! + h * v[i]!;
      f.lossGrad(q, gp);
      for (let i = 0; i < n; i++) q[i] = p[i]! - h * v[i]!;
      f.lossGrad(q, gm);
      for (let i = 0; i < n; i++) out[i] = (gp[i]! - gm[i]!) / (2 * h);
    },
  };
}

/** Row-major n x n Hessian, symmetrised ((H + Hᵀ)/2 removes only rounding asymmetry). */
export function denseHessian(
  f: Objective,
  p: Float64Array,
): { h: Float64Array<ArrayBuffer>; exact: boolean } {
  const { hvp, exact } = createHvp(f, p);
  const h = hessianFromProducts(f.dim, hvp, new Float64Array(f.dim * f.dim));
  return { h, exact };
}

export interface Spectrum {
  /** Ascending eigenvalues: all of them (dense) or the converged extremes (lanczos). */
  values: Float64Array<ArrayBuffer>;
  /** Eigenvectors as rows matching `values`, when asked. */
  vectors: Float64Array<ArrayBuffer> | null;
  method: 'dense' | 'lanczos';
  /** True when `values` is only part of the spectrum (Lanczos). */
  partial: boolean;
  /** Whether Hessian-vector products were exact (false: finite differences of gradients). */
  exactHvp: boolean;
}

export interface SpectrumOptions {
  wantVectors?: boolean;
  denseLimit?: number;
  /** Lanczos Krylov dimension (default min(n, 120)). */
  lanczosSteps?: number;
  seed?: number;
}

export function hessianSpectrum(f: Objective, p: Float64Array, opts: SpectrumOptions = {}): Spectrum {
  const n = f.dim;
  const want = opts.wantVectors === true;
  if (n <= (opts.denseLimit ?? DENSE_LIMIT)) {
    const { h, exact } = denseHessian(f, p);
    const eig = symEigen(h, n, want);
    let vectors: Float64Array<ArrayBuffer> | null = null;
    if (want) {
      // columns -> rows
      vectors = new Float64Array(n * n);
      const V = eig.vectors!;
      for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) vectors[k * n + i] = V[i * n + k]!;
    }
    return { values: eig.values, vectors, method: 'dense', partial: false, exactHvp: exact };
  }
  const { hvp, exact } = createHvp(f, p);
  // The Krylov basis holds steps x n numbers: at most 2e7 (160 MB).
  const steps = Math.min(n, opts.lanczosSteps ?? Math.max(20, Math.min(120, Math.floor(2e7 / n))));
  const r = lanczos(hvp, n, { steps, rng: createRng(opts.seed ?? 0, 'lanczos'), wantVectors: want });
  // Keep Ritz values whose residual bound is small against the spectrum's scale: the converged extremes.
  let scale = 0;
  for (const v of r.values) scale = Math.max(scale, Math.abs(v));
  const keep: number[] = [];
  for (let k = 0; k < r.steps; k++) if (r.residuals[k]! <= 1e-6 * Math.max(scale, 1e-300)) keep.push(k);
  const values = Float64Array.from(keep, (k) => r.values[k]!);
  let vectors: Float64Array<ArrayBuffer> | null = null;
  if (want) {
    vectors = new Float64Array(keep.length * n);
    keep.forEach((k, row) => vectors!.set(r.vectors!.subarray(k * n, (k + 1) * n), row * n));
  }
  return { values, vectors, method: 'lanczos', partial: r.steps < n, exactHvp: exact };
}

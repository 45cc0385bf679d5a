/**
 * Extreme eigenvalues of a large symmetric operator known only through products A·v (here Hessian-vector
 * products): the Lanczos process with full reorthogonalisation (Golub & Van Loan, Matrix Computations, 10.1),
 * then the eigen-decomposition of the small tridiagonal T. Ritz values at both ends of the spectrum converge
 * first; each comes with the residual bound |β_m s_mi| ≥ ‖A y - θ y‖, reported so callers can trust or not.
 */
import type { Rng } from '../rng';
import { tridiagEigen } from './symEigen';

export interface RitzPairs {
  /** Ritz values, ascending. */
  values: Float64Array<ArrayBuffer>;
  /** Residual bound of each Ritz value. */
  residuals: Float64Array<ArrayBuffer>;
  /** Ritz vectors as rows (values.length x n), only when asked. */
  vectors: Float64Array<ArrayBuffer> | null;
  /** Lanczos steps taken (the Krylov dimension). */
  steps: number;
}

export interface LanczosOptions {
  /** Krylov dimension cap (clamped to n). */
  steps: number;
  rng: Rng;
  wantVectors?: boolean;
}

/** matvec(v, out) must write A·v into out. */
export function lanczos(
  matvec: (v: Float64Array, out: Float64Array) => void,
  n: number,
  opts: LanczosOptions,
): RitzPairs {
  const m = Math.max(1, Math.min(n, opts.steps));
  const Q = new Float64Array(m * n); // Lanczos vectors as rows
  const alpha = new Float64Array(m);
  const beta = new Float64Array(m); // beta[j] couples q_j and q_{j+1}
  const w = new Float64Array(n);
  let q = Q.subarray(0, n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    q[i] = opts.rng.normal();
    s += q[i]! * q[i]!;
  }
  s = Math.sqrt(s);
  for (let i = 0; i < n; i++) q[i] = q[i]! / s;
  let steps = 0;
  for (let j = 0; j < m; j++) {
    q = Q.subarray(j * n, (j + 1) * n);
    matvec(q, w);
    steps = j + 1;
    let a = 0;
    for (let i = 0; i < n; i++) a += w[i]! * q[i]!;
    alpha[j] = a;
    // Full reorthogonalisation (twice is enough: Kahan's "twice is enough").
    for (let pass = 0; pass < 2; pass++)
      for (let k = 0; k <= j; k++) {
        const qk = Q.subarray(k * n, (k + 1) * n);
        let c = 0;
        for (let i = 0; i < n; i++) c += w[i]! * qk[i]!;
        for (let i = 0; i < n; i++) w[i] = w[i]! - c * qk[i]!;
      }
    let b = 0;
    for (let i = 0; i < n; i++) b += w[i]! * w[i]!;
    b = Math.sqrt(b);
    beta[j] = b;
    if (j === m - 1) break;
    if (b <= 1e-12 * Math.max(1, Math.abs(a))) {
      // Invariant subspace found: T's eigenvalues are exact eigenvalues of A.
      beta[j] = 0;
      break;
    }
    const next = Q.subarray((j + 1) * n, (j + 2) * n);
    for (let i = 0; i < n; i++) next[i] = w[i]! / b;
  }
  const eig = tridiagEigen(alpha, beta, steps, true);
  const T = eig.vectors!;
  const residuals = new Float64Array(steps);
  const lastBeta = beta[steps - 1]!;
  for (let k = 0; k < steps; k++) residuals[k] = Math.abs(lastBeta * T[(steps - 1) * steps + k]!);
  let vectors: Float64Array<ArrayBuffer> | null = null;
  if (opts.wantVectors) {
    vectors = new Float64Array(steps * n);
    for (let k = 0; k < steps; k++) {
      const y = vectors.subarray(k * n, (k + 1) * n);
      for (let j = 0; j < steps; j++) {
        const c = T[j * steps + k]!;
        if (c === 0) continue;
        const qj = Q.subarray(j * n, (j + 1) * n);
        for (let i = 0; i < n; i++) y[i] = y[i]! + c * qj[i]!;
      }
    }
  }
  return { values: eig.values, residuals, vectors, steps };
}

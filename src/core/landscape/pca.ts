/**
 * The plane of a trajectory's largest variation (Li et al. 2018, section 7): principal components of the
 * snapshots (rows, centred by their mean), i.e. the top right singular vectors of the centred matrix.
 * The smaller Gram matrix (rows x rows or dim x dim) is decomposed densely when small; otherwise Lanczos
 * on XᵀX. Sign convention: each component's entry of largest magnitude is positive.
 */
import { lanczos } from '../analysis/lanczos';
import { symEigen } from '../analysis/symEigen';
import { createRng } from '../rng';

export interface PcaResult {
  /** Unit principal directions, rows (k x dim). */
  components: Float64Array<ArrayBuffer>;
  /** Singular values of the centred matrix. */
  singular: Float64Array<ArrayBuffer>;
  /** Share of the total variance each component explains. */
  explained: Float64Array<ArrayBuffer>;
}

const DENSE_SIDE = 600;

/** rows: row-major (m x dim) samples; returns the top k principal directions. */
export function pca(rows: Float64Array, m: number, dim: number, k = 2): PcaResult {
  if (m < 2) throw new RangeError('PCA needs at least two snapshots');
  const X = new Float64Array(m * dim);
  const mean = new Float64Array(dim);
  for (let r = 0; r < m; r++) for (let c = 0; c < dim; c++) mean[c] = mean[c]! + rows[r * dim + c]! / m;
  let total = 0;
  for (let r = 0; r < m; r++)
    for (let c = 0; c < dim; c++) {
      const v = rows[r * dim + c]! - mean[c]!;
      X[r * dim + c] = v;
      total += v * v;
    }
  const components = new Float64Array(k * dim);
  const singular = new Float64Array(k);
  const explained = new Float64Array(k);
  const side = Math.min(m, dim);
  let lambdas: number[] = [];
  if (side <= DENSE_SIDE) {
    if (m <= dim) {
      // G = X Xᵀ (m x m); v = Xᵀ u / σ
      const G = new Float64Array(m * m);
      for (let a = 0; a < m; a++)
        for (let b = a; b < m; b++) {
          let s = 0;
          for (let c = 0; c < dim; c++) s += X[a * dim + c]! * X[b * dim + c]!;
          G[a * m + b] = s;
          G[b * m + a] = s;
        }
      const eig = symEigen(G, m, true);
      for (let t = 0; t < k && t < m; t++) {
        const col = m - 1 - t;
        const lam = Math.max(0, eig.values[col]!);
        lambdas.push(lam);
        const sigma = Math.sqrt(lam);
        if (sigma === 0) continue;
        for (let c = 0; c < dim; c++) {
          let s = 0;
          for (let a = 0; a < m; a++) s += X[a * dim + c]! * eig.vectors![a * m + col]!;
          components[t * dim + c] = s / sigma;
        }
      }
    } else {
      const C = new Float64Array(dim * dim);
      for (let r = 0; r < m; r++)
        for (let a = 0; a < dim; a++) {
          const xa = X[r * dim + a]!;
          if (xa === 0) continue;
          for (let b = 0; b < dim; b++) C[a * dim + b] = C[a * dim + b]! + xa * X[r * dim + b]!;
        }
      const eig = symEigen(C, dim, true);
      for (let t = 0; t < k && t < dim; t++) {
        const col = dim - 1 - t;
        lambdas.push(Math.max(0, eig.values[col]!));
        for (let c = 0; c < dim; c++) components[t * dim + c] = eig.vectors![c * dim + col]!;
      }
    }
  } else {
    const tmp = new Float64Array(m);
    const r = lanczos(
      (v, out) => {
        for (let a = 0; a < m; a++) {
          let s = 0;
          for (let c = 0; c < dim; c++) s += X[a * dim + c]! * v[c]!;
          tmp[a] = s;
        }
        out.fill(0);
        for (let a = 0; a < m; a++) {
          const ta = tmp[a]!;
          for (let c = 0; c < dim; c++) out[c] = out[c]! + ta * X[a * dim + c]!;
        }
      },
      dim,
      { steps: Math.min(dim, 100), rng: createRng(0, 'pca'), wantVectors: true },
    );
    lambdas = [];
    for (let t = 0; t < k; t++) {
      const idx = r.steps - 1 - t;
      lambdas.push(Math.max(0, r.values[idx]!));
      components.set(r.vectors!.subarray(idx * dim, (idx + 1) * dim), t * dim);
    }
  }
  for (let t = 0; t < k; t++) {
    const lam = lambdas[t] ?? 0;
    singular[t] = Math.sqrt(lam);
    explained[t] = total > 0 ? lam / total : 0;
    fixSign(components.subarray(t * dim, (t + 1) * dim));
  }
  return { components, singular, explained };
}

/** Makes the entry of largest magnitude positive (and renormalises against rounding). */
function fixSign(v: Float64Array): void {
  let big = 0;
  let at = 0;
  let n2 = 0;
  for (let i = 0; i < v.length; i++) {
    n2 += v[i]! * v[i]!;
    if (Math.abs(v[i]!) > big + 1e-12 * big) {
      big = Math.abs(v[i]!);
      at = i;
    }
  }
  const s = (v[at]! < 0 ? -1 : 1) / (n2 > 0 ? Math.sqrt(n2) : 1);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * s;
}

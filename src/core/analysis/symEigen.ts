/**
 * Eigenvalues (ascending) and optionally eigenvectors of a dense symmetric matrix: Householder reduction to
 * tridiagonal form, then the implicit QL algorithm with Wilkinson-style shifts (tred2 + tql2 of EISPACK,
 * as in Martin, Reinsch & Wilkinson 1968 and the public-domain JAMA port). O(n^3) time, O(n^2) memory,
 * backward stable: eigenvalues are exact for a matrix within ~n·eps·‖A‖ of the input.
 */

export interface SymEigen {
  /** Eigenvalues in ascending order. */
  values: Float64Array<ArrayBuffer>;
  /** Row-major n x n: column k (vectors[i*n + k]) is the unit eigenvector of values[k]; null if not asked. */
  vectors: Float64Array<ArrayBuffer> | null;
}

/** a: row-major n x n symmetric matrix (only read). */
export function symEigen(a: Float64Array, n: number, wantVectors = true): SymEigen {
  if (a.length !== n * n) throw new RangeError(`symEigen: matrix has ${a.length} entries, expected ${n * n}`);
  const V = Float64Array.from(a);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n === 0) return { values: d, vectors: wantVectors ? V : null };
  tred2(V, d, e, n, wantVectors);
  if (wantVectors) transposeInPlace(V, n); // QL rotates columns: make them contiguous rows
  tql2(V, d, e, n, wantVectors);
  return sortAscending(d, V, n, wantVectors);
}

/**
 * Eigen-decomposition of a symmetric tridiagonal matrix (diagonal `diag`, off-diagonal `off`, off[i] between
 * i and i+1): used on Lanczos' T. Vectors are of T (row-major m x m, columns), for Ritz vectors.
 */
export function tridiagEigen(diag: Float64Array, off: Float64Array, m: number, wantVectors = true): SymEigen {
  const V = new Float64Array(m * m);
  for (let i = 0; i < m; i++) V[i * m + i] = 1;
  const d = Float64Array.from(diag.subarray(0, m));
  const e = new Float64Array(m);
  // tql2 expects e[i] as the element between i-1 and i.
  for (let i = 1; i < m; i++) e[i] = off[i - 1]!;
  if (m === 0) return { values: d, vectors: wantVectors ? V : null };
  tql2(V, d, e, m, wantVectors);
  return sortAscending(d, V, m, wantVectors);
}

/** VT holds the eigenvectors as rows (the transposed transform). */
function sortAscending(d: Float64Array, VT: Float64Array, n: number, wantVectors: boolean): SymEigen {
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[x]! - d[y]!);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = d[order[k]!]!;
  if (!wantVectors) return { values, vectors: null };
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const src = order[k]!;
    for (let i = 0; i < n; i++) vectors[i * n + k] = VT[src * n + i]!;
  }
  return { values, vectors };
}

/**
 * Householder tridiagonalisation; on return d is the diagonal, e[1..n-1] the sub-diagonal and, when
 * `accumulate`, V the orthogonal transform. Without it (eigenvalues only) the diagonal is read straight
 * from V's diagonal, which the reduction leaves in place, saving the O(n^3) accumulation.
 */
function tred2(V: Float64Array, d: Float64Array, e: Float64Array, n: number, accumulate: boolean): void {
  for (let j = 0; j < n; j++) d[j] = V[(n - 1) * n + j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = V[(i - 1) * n + j]!;
        V[i * n + j] = 0;
        V[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] = d[k]! / scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        V[j * n + i] = f;
        g = e[j]! + V[j * n + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k * n + j]! * d[k]!;
          e[k] = e[k]! + V[k * n + j]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] = e[j]! / h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] = e[j]! - hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) V[k * n + j] = V[k * n + j]! - (f * e[k]! + g * d[k]!);
        d[j] = V[(i - 1) * n + j]!;
        V[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  if (!accumulate) {
    for (let j = 0; j < n; j++) d[j] = V[j * n + j]!;
    e[0] = 0;
    return;
  }
  // Accumulate the transformations.
  for (let i = 0; i < n - 1; i++) {
    V[(n - 1) * n + i] = V[i * n + i]!;
    V[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k * n + i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k * n + i + 1]! * V[k * n + j]!;
        for (let k = 0; k <= i; k++) V[k * n + j] = V[k * n + j]! - g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) V[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[(n - 1) * n + j]!;
    V[(n - 1) * n + j] = 0;
  }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (d, e); rotations applied to the transposed transform VT when `rotate`. */
function tql2(VT: Float64Array, d: Float64Array, e: Float64Array, n: number, rotate: boolean): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]!) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 60) throw new Error('symEigen: QL iteration did not converge');
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i] = d[i]! - h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          if (rotate) {
            // VT is the transform transposed: columns i, i+1 of V are rows here.
            const ri = i * n;
            const rj = ri + n;
            for (let k = 0; k < n; k++) {
              h = VT[rj + k]!;
              VT[rj + k] = s * VT[ri + k]! + c * h;
              VT[ri + k] = c * VT[ri + k]! - s * h;
            }
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}

function transposeInPlace(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const t = a[i * n + j]!;
      a[i * n + j] = a[j * n + i]!;
      a[j * n + i] = t;
    }
}

/**
 * Eigenvalues of the symmetric 2x2 [[p, q], [q, r]] in increasing order, in closed form. The smaller-magnitude
 * one is det / λbig, which stays accurate when the two differ by many orders of magnitude (Rosenbrock's
 * valley has ~1000:1).
 */
export function eigenvalues2(p: number, q: number, r: number): [number, number] {
  const m = (p + r) / 2;
  const dlt = Math.hypot((p - r) / 2, q);
  if (dlt === 0) return [m, m];
  const big = m >= 0 ? m + dlt : m - dlt;
  const small = big === 0 ? 0 : (p * r - q * q) / big;
  return big >= small ? [small, big] : [big, small];
}

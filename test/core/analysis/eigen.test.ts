import { describe, expect, it } from 'vitest';
import { lanczos } from '../../../src/core/analysis/lanczos';
import { symEigen, tridiagEigen } from '../../../src/core/analysis/symEigen';
import { createRng } from '../../../src/core/rng';

function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = createRng(seed, 'sym');
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const v = rng.normal();
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  return a;
}

describe('symmetric eigen-solver (tred2 + tql2)', () => {
  it('closed form: [[2,1],[1,2]] has eigenvalues 1 and 3', () => {
    const { values, vectors } = symEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(vectors![0]!)).toBeCloseTo(Math.SQRT1_2, 14);
  });

  it('the second-difference matrix has eigenvalues 2 - 2cos(kπ/(n+1))', () => {
    const n = 30;
    const diag = new Float64Array(n).fill(2);
    const off = new Float64Array(n - 1).fill(-1);
    const want = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))).sort(
      (x, y) => x - y,
    );
    const t = tridiagEigen(diag, off, n, false);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      a[i * n + i] = 2;
      if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
    }
    const d = symEigen(a, n, false);
    for (let k = 0; k < n; k++) {
      expect(t.values[k]).toBeCloseTo(want[k]!, 12);
      expect(d.values[k]).toBeCloseTo(want[k]!, 12);
    }
  });

  it('A V = V Λ and VᵀV = I for a random symmetric matrix, eigenvalues ascending', () => {
    const n = 40;
    const a = randomSymmetric(n, 1);
    const { values, vectors } = symEigen(a, n);
    const V = vectors!;
    for (let k = 1; k < n; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]!);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i]!;
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 10);
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j]! * V[j * n + k]!;
        expect(av).toBeCloseTo(values[k]! * V[i * n + k]!, 10);
      }
    for (let k = 0; k < n; k++)
      for (let m = 0; m < n; m++) {
        let d = 0;
        for (let i = 0; i < n; i++) d += V[i * n + k]! * V[i * n + m]!;
        expect(d).toBeCloseTo(k === m ? 1 : 0, 12);
      }
  });
});

/** v -> A·v for a dense row-major n x n matrix: the product Lanczos is given. */
function matVec(a: Float64Array, n: number) {
  return (v: Float64Array, out: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j]! * v[j]!;
      out[i] = s;
    }
  };
}

describe('Lanczos with full reorthogonalisation', () => {
  it('finds the extreme eigenvalues of a random symmetric matrix', () => {
    const n = 200;
    const a = randomSymmetric(n, 2);
    const dense = symEigen(a, n, false).values;
    const r = lanczos(matVec(a, n), n, { steps: 120, rng: createRng(3, 'l') });
    expect(r.values[0]).toBeCloseTo(dense[0]!, 8);
    expect(r.values[r.steps - 1]).toBeCloseTo(dense[n - 1]!, 8);
    expect(r.residuals[0]).toBeLessThan(1e-6);
  });

  it('with as many steps as dimensions it reproduces the whole spectrum', () => {
    const n = 25;
    const a = randomSymmetric(n, 4);
    const dense = symEigen(a, n, false).values;
    const r = lanczos(matVec(a, n), n, { steps: n, rng: createRng(5, 'l') });
    for (let k = 0; k < n; k++) expect(r.values[k]).toBeCloseTo(dense[k]!, 9);
  });
});

describe('eigenvalues only', () => {
  it('skipping the eigenvectors gives the same eigenvalues', () => {
    for (const n of [1, 2, 3, 17, 60]) {
      const a = randomSymmetric(n, 10 + n);
      const full = symEigen(a, n, true).values;
      const only = symEigen(a, n, false).values;
      for (let k = 0; k < n; k++) expect(only[k]).toBeCloseTo(full[k]!, 11);
    }
    // zero rows and a diagonal block (the reduction's scale = 0 branch)
    const b = Float64Array.from([0, 0, 0, 0, 0, 3, 0, 0, 0, 0, -2, 1, 0, 0, 1, 5]);
    expect(Array.from(symEigen(b, 4, false).values)).toEqual(Array.from(symEigen(b, 4, true).values));
    expect(symEigen(b, 4, false).values[1]).toBe(0);
    expect(symEigen(b, 4, false).values[2]).toBe(3);
  });
});

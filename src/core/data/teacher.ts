/**
 * Safran & Shamir's teacher: x ↦ Σ_{j≤k} max(0, v_jᵀx), no biases, output weights 1. Its weights V are
 * [inputs x k] row-major (column j is v_j), the layout of the student's W_1 (spec.ts, `output: "sum"`).
 * "orthonormal" draws k Gaussian vectors from the teacher stream of the seed and orthonormalises them
 * (Gram-Schmidt, applied twice so the columns are orthonormal to rounding).
 */
import { createRng } from '../rng';

export interface TeacherSpec {
  readonly hidden: readonly [number];
  readonly weights: 'orthonormal' | { readonly params: readonly number[] };
  readonly seed?: number | undefined;
}

export interface Teacher {
  readonly k: number;
  /** [inputs x k] row-major. */
  readonly weights: Float64Array<ArrayBuffer>;
}

export function teacherWeights(t: TeacherSpec, inputs: number, experimentSeed: number): Teacher {
  const k = t.hidden[0];
  if (t.weights !== 'orthonormal') return { k, weights: Float64Array.from(t.weights.params) };
  if (k > inputs) throw new RangeError(`data.teacher: ${k} orthonormal vectors need at least ${k} inputs`);
  const rng = createRng(t.seed ?? experimentSeed, 'teacher');
  const cols: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const v = Float64Array.from({ length: inputs }, () => rng.normal());
    for (let pass = 0; pass < 2; pass++)
      for (const u of cols) {
        let dot = 0;
        for (let i = 0; i < inputs; i++) dot += u[i]! * v[i]!;
        for (let i = 0; i < inputs; i++) v[i] = v[i]! - dot * u[i]!;
      }
    let norm = 0;
    for (let i = 0; i < inputs; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    for (let i = 0; i < inputs; i++) v[i] = v[i]! / norm;
    cols.push(v);
  }
  const weights = new Float64Array(inputs * k);
  for (let i = 0; i < inputs; i++) for (let j = 0; j < k; j++) weights[i * k + j] = cols[j]![i]!;
  return { k, weights };
}

/** Teacher outputs of the n samples xs (n x inputs row-major). */
export function teacherLabels(t: Teacher, xs: Float64Array, inputs: number): Float64Array<ArrayBuffer> {
  const n = xs.length / inputs;
  const y = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let sum = 0;
    for (let j = 0; j < t.k; j++) {
      let z = 0;
      for (let i = 0; i < inputs; i++) z += xs[s * inputs + i]! * t.weights[i * t.k + j]!;
      if (z > 0) sum += z;
    }
    y[s] = sum;
  }
  return y;
}

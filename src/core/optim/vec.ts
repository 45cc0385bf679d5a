/** Small dense-vector kernels for the optimizers (no allocation). */

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]!);
    if (v > m) m = v;
  }
  return m;
}

export function sumAbs(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]!);
  return s;
}

/** out = x + t·d */
export function axpyInto(out: Float64Array, x: Float64Array, t: number, d: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = x[i]! + t * d[i]!;
}

/** y ← y + t·x */
export function axpy(y: Float64Array, t: number, x: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] = y[i]! + t * x[i]!;
}

/** Reading a regular grid: bilinear interpolation and value ranges that skip unfilled (NaN) cells. */

export interface Grid {
  readonly alpha: ArrayLike<number>;
  readonly beta: ArrayLike<number>;
  /** values[i*alpha.length + j] at (alpha[j], beta[i]) */
  readonly values: ArrayLike<number>;
}

/** Fractional index of v in an evenly spaced axis (clamped to the ends). */
export function axisIndex(axis: ArrayLike<number>, v: number): number {
  const n = axis.length;
  if (n < 2) return 0;
  const t = ((v - axis[0]!) / (axis[n - 1]! - axis[0]!)) * (n - 1);
  return Math.min(n - 1, Math.max(0, t));
}

export function bilinear(g: Grid, a: number, b: number): number {
  const na = g.alpha.length;
  const x = axisIndex(g.alpha, a);
  const y = axisIndex(g.beta, b);
  const j = Math.min(na - 2, Math.floor(x));
  const i = Math.min(g.beta.length - 2, Math.floor(y));
  if (na < 2 || g.beta.length < 2) return g.values[0]!;
  const fx = x - j;
  const fy = y - i;
  const v00 = g.values[i * na + j]!;
  const v01 = g.values[i * na + j + 1]!;
  const v10 = g.values[(i + 1) * na + j]!;
  const v11 = g.values[(i + 1) * na + j + 1]!;
  return (1 - fy) * ((1 - fx) * v00 + fx * v01) + fy * ((1 - fx) * v10 + fx * v11);
}

export function finiteRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** The value a height or colour is drawn from: log10 of the loss (floored) or the loss itself. */
export function displayValue(loss: number, log: boolean, floor: number): number {
  return log ? Math.log10(Math.max(loss, floor)) : loss;
}

/** A floor for log scale: a small fraction above the smallest positive loss, so zeros stay finite. */
export function logFloor(values: ArrayLike<number>): number {
  let lo = Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v > 0 && v < lo) lo = v;
  }
  return Number.isFinite(lo) ? lo : 1e-12;
}

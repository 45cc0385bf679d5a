/**
 * The plane of the optimizers' paths: center at the shared start, d1 and d2 the two leading principal
 * directions of every snapshot's displacement from the start (orthonormal, found by power iteration
 * with deflation on the small dim x dim Gram of the displacements). One plane, all runs, comparable.
 */
import { createRng } from '../../../core/rng';

function powerIteration(
  rows: readonly Float64Array[],
  dim: number,
  deflate: Float64Array | null,
  seed: number,
): Float64Array {
  const rng = createRng(seed, 'pca-view');
  let v = new Float64Array(dim);
  for (let k = 0; k < dim; k++) v[k] = rng.normal();
  const w = new Float64Array(dim);
  for (let it = 0; it < 200; it++) {
    if (deflate) {
      let d = 0;
      for (let k = 0; k < dim; k++) d += v[k]! * deflate[k]!;
      for (let k = 0; k < dim; k++) v[k] = v[k]! - d * deflate[k]!;
    }
    w.fill(0);
    for (const r of rows) {
      let d = 0;
      for (let k = 0; k < dim; k++) d += r[k]! * v[k]!;
      for (let k = 0; k < dim; k++) w[k] = w[k]! + d * r[k]!;
    }
    if (deflate) {
      let d = 0;
      for (let k = 0; k < dim; k++) d += w[k]! * deflate[k]!;
      for (let k = 0; k < dim; k++) w[k] = w[k]! - d * deflate[k]!;
    }
    let n = 0;
    for (let k = 0; k < dim; k++) n += w[k]! * w[k]!;
    n = Math.sqrt(n);
    if (n === 0) break;
    let change = 0;
    for (let k = 0; k < dim; k++) {
      const nv = w[k]! / n;
      change += Math.abs(nv - v[k]!);
      v[k] = nv;
    }
    if (change < 1e-10) break;
  }
  let n = 0;
  for (let k = 0; k < dim; k++) n += v[k]! * v[k]!;
  if (n === 0 || !Number.isFinite(n)) {
    v = new Float64Array(dim);
    v[deflate ? 1 % dim : 0] = 1;
  }
  return v;
}

export function pcaPlane(
  center: Float64Array,
  snapshots: readonly Float64Array[],
  seed = 0,
): { center: Float64Array; d1: Float64Array; d2: Float64Array } {
  const dim = center.length;
  const rows = snapshots.map((s) => {
    const r = new Float64Array(dim);
    for (let k = 0; k < dim; k++) r[k] = s[k]! - center[k]!;
    return r;
  });
  const d1 = powerIteration(rows, dim, null, seed);
  const d2 = powerIteration(rows, dim, d1, seed + 1);
  return { center: Float64Array.from(center), d1, d2 };
}

/** A square window around the projected paths with a margin, never smaller than `minHalf`. */
export function windowAround(
  points: readonly { alpha: number; beta: number }[],
  margin = 0.3,
  minHalf = 0.5,
): { alpha: [number, number]; beta: [number, number] } {
  let a0 = 0;
  let a1 = 0;
  let b0 = 0;
  let b1 = 0;
  for (const p of points) {
    if (!Number.isFinite(p.alpha) || !Number.isFinite(p.beta)) continue;
    a0 = Math.min(a0, p.alpha);
    a1 = Math.max(a1, p.alpha);
    b0 = Math.min(b0, p.beta);
    b1 = Math.max(b1, p.beta);
  }
  // One half-width for both axes: a square window keeps the plane's geometry undistorted.
  const h = Math.max(minHalf, (Math.max(a1 - a0, b1 - b0) / 2) * (1 + margin));
  const ca = (a0 + a1) / 2;
  const cb = (b0 + b1) / 2;
  return { alpha: [ca - h, ca + h], beta: [cb - h, cb + h] };
}

/**
 * A run's trajectory on the slice. Each snapshot p is projected by least squares in the plane's basis
 * (d1, d2 need not be orthogonal): [a, b] solves G [a b]ᵀ = [d1·r, d2·r], r = p - center, G the Gram
 * matrix. Per snapshot we keep the distance off the plane ‖r - a d1 - b d2‖, the true loss L(p) and the
 * surface's loss L(center + a d1 + b d2) at the projected point, so a view can show honestly where a path
 * leaves the slice (the two losses differ) rather than drawing it as if it lay on the surface.
 */
import type { Objective } from '../objective';
import type { Plane } from './plane';

export interface ProjectedPath {
  name: string;
  steps: Int32Array<ArrayBuffer>;
  alpha: Float64Array<ArrayBuffer>;
  beta: Float64Array<ArrayBuffer>;
  offPlane: Float64Array<ArrayBuffer>;
  trueLoss: Float64Array<ArrayBuffer>;
  surfaceLoss: Float64Array<ArrayBuffer>;
}

export function projectPath(
  name: string,
  path: Float64Array,
  steps: Int32Array,
  plane: Plane,
  objective: Objective,
): ProjectedPath {
  const { center, d1, d2 } = plane;
  const dim = center.length;
  const m = steps.length;
  let g11 = 0;
  let g12 = 0;
  let g22 = 0;
  for (let k = 0; k < dim; k++) {
    g11 += d1[k]! * d1[k]!;
    g12 += d1[k]! * d2[k]!;
    g22 += d2[k]! * d2[k]!;
  }
  const det = g11 * g22 - g12 * g12;
  const out: ProjectedPath = {
    name,
    steps: Int32Array.from(steps),
    alpha: new Float64Array(m),
    beta: new Float64Array(m),
    offPlane: new Float64Array(m),
    trueLoss: new Float64Array(m),
    surfaceLoss: new Float64Array(m),
  };
  const q = new Float64Array(dim);
  for (let s = 0; s < m; s++) {
    const p = path.subarray(s * dim, (s + 1) * dim);
    let r1 = 0;
    let r2 = 0;
    for (let k = 0; k < dim; k++) {
      const r = p[k]! - center[k]!;
      r1 += d1[k]! * r;
      r2 += d2[k]! * r;
    }
    const a = (g22 * r1 - g12 * r2) / det;
    const b = (g11 * r2 - g12 * r1) / det;
    let off = 0;
    for (let k = 0; k < dim; k++) {
      q[k] = center[k]! + a * d1[k]! + b * d2[k]!;
      const e = p[k]! - q[k]!;
      off += e * e;
    }
    out.alpha[s] = a;
    out.beta[s] = b;
    out.offPlane[s] = Math.sqrt(off);
    out.trueLoss[s] = objective.loss(p);
    out.surfaceLoss[s] = objective.loss(q);
  }
  return out;
}

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

/** What the projector reports for one point. */
export interface Projected {
  alpha: number;
  beta: number;
  /** ‖p - (center + alpha d1 + beta d2)‖ */
  offPlane: number;
}

/** A plane as any caller holds it (typed arrays of any buffer, or plain arrays). */
export interface PlaneLike {
  readonly center: ArrayLike<number>;
  readonly d1: ArrayLike<number>;
  readonly d2: ArrayLike<number>;
}

/** center + alpha d1 + beta d2, into `out`. */
export function planePoint(plane: PlaneLike, alpha: number, beta: number, out: Float64Array): Float64Array {
  const { center, d1, d2 } = plane;
  for (let k = 0; k < center.length; k++) out[k] = center[k]! + alpha * d1[k]! + beta * d2[k]!;
  return out;
}

/**
 * The least-squares projection above, one point at a time with the Gram matrix computed once (for
 * snapshots that stream in while a run trains). Same formula as projectPath.
 */
export function createProjector(plane: PlaneLike): (p: ArrayLike<number>, out?: Projected) => Projected {
  const { center, d1, d2 } = plane;
  let g11 = 0;
  let g12 = 0;
  let g22 = 0;
  for (let k = 0; k < center.length; k++) {
    g11 += d1[k]! * d1[k]!;
    g12 += d1[k]! * d2[k]!;
    g22 += d2[k]! * d2[k]!;
  }
  const det = g11 * g22 - g12 * g12;
  return (p, out = { alpha: 0, beta: 0, offPlane: 0 }) => {
    let r1 = 0;
    let r2 = 0;
    let rr = 0;
    for (let k = 0; k < center.length; k++) {
      const r = p[k]! - center[k]!;
      r1 += d1[k]! * r;
      r2 += d2[k]! * r;
      rr += r * r;
    }
    const a = det !== 0 ? (g22 * r1 - g12 * r2) / det : 0;
    const b = det !== 0 ? (g11 * r2 - g12 * r1) / det : 0;
    // ‖r - a d1 - b d2‖² = rr - (a r1 + b r2) at the least-squares solution.
    out.alpha = a;
    out.beta = b;
    out.offPlane = Math.sqrt(Math.max(0, rr - (a * r1 + b * r2)));
    return out;
  };
}

/**
 * Points of the slice plane and back. A parameter vector p is projected by least squares in the plane's
 * basis (d1, d2 need not be orthogonal): [a, b] solves G [a b]^T = [d1·r, d2·r] with r = p - center and
 * G the Gram matrix. The residual's norm is how far p lies off the plane.
 */

export interface Plane {
  readonly center: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
}

export interface Projected {
  alpha: number;
  beta: number;
  /** ‖p - (center + alpha d1 + beta d2)‖ */
  offPlane: number;
}

export function planePoint(plane: Plane, alpha: number, beta: number, out: Float64Array): Float64Array {
  const { center, d1, d2 } = plane;
  for (let k = 0; k < center.length; k++) out[k] = center[k]! + alpha * d1[k]! + beta * d2[k]!;
  return out;
}

export function createProjector(plane: Plane): (p: Float64Array, out?: Projected) => Projected {
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
    // ‖r - a d1 - b d2‖² = rr - 2(a r1 + b r2) + [a b] G [a b]^T, which simplifies to rr - (a r1 + b r2).
    const res2 = rr - (a * r1 + b * r2);
    out.alpha = a;
    out.beta = b;
    out.offPlane = Math.sqrt(Math.max(0, res2));
    return out;
  };
}

/** Norm of a vector (for expressing off-plane distance relative to the directions' length). */
export function norm(v: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k]! * v[k]!;
  return Math.sqrt(s);
}

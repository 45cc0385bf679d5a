/**
 * The loss restricted to the plane, g(a, b) = L(center + a d1 + b d2), with its exact gradient
 * [d1·∇L, d2·∇L] and 2x2 Hessian [d_iᵀ H d_j] from two Hessian-vector products (finite differences of
 * gradients when the objective has no hvp).
 */
import { createHvp } from '../analysis/hessianSpectrum';
import type { Objective } from '../objective';
import type { Plane } from './plane';

export interface Local2d {
  loss: number;
  g1: number;
  g2: number;
  h11: number;
  h12: number;
  h22: number;
}

export function createRestriction(
  f: Objective,
  plane: Plane,
): (a: number, b: number, out: Local2d) => Local2d {
  const { center, d1, d2 } = plane;
  const dim = center.length;
  const p = Float64Array.from(center);
  const g = new Float64Array(dim);
  const hv = new Float64Array(dim);
  const { hvp } = createHvp(f, p);
  const dot = (x: Float64Array, y: Float64Array) => {
    let s = 0;
    for (let k = 0; k < dim; k++) s += x[k]! * y[k]!;
    return s;
  };
  return (a, b, out) => {
    for (let k = 0; k < dim; k++) p[k] = center[k]! + a * d1[k]! + b * d2[k]!;
    out.loss = f.lossGrad(p, g);
    out.g1 = dot(d1, g);
    out.g2 = dot(d2, g);
    hvp(d1, hv);
    out.h11 = dot(d1, hv);
    const h12a = dot(d2, hv);
    hvp(d2, hv);
    out.h22 = dot(d2, hv);
    out.h12 = 0.5 * (h12a + dot(d1, hv));
    return out;
  };
}

/**
 * A surface as an Objective: the loss is the formula itself (there are no samples, so setBatch does
 * nothing and every "batch" is the full loss), with the exact gradient and exact Hessian-vector
 * products that Newton and Hessian-free methods use. Evaluations are counted like a network's.
 */
import { newCounts, type Objective } from '../objective';
import type { Surface } from './surface';

export function createSurfaceObjective(s: Surface): Objective {
  const counts = newCounts();
  return {
    dim: 2,
    counts,
    loss(p) {
      counts.loss++;
      return s.f(p);
    },
    lossGrad(p, g) {
      counts.grad++;
      g[0] = s.fa(p);
      g[1] = s.fb(p);
      return s.f(p);
    },
    hvp(p, v, out) {
      counts.hvp++;
      const hab = s.fab(p);
      const v0 = v[0]!;
      const v1 = v[1]!;
      out[0] = s.faa(p) * v0 + hab * v1;
      out[1] = hab * v0 + s.fbb(p) * v1;
    },
    setBatch() {},
  };
}

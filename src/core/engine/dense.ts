import type { Dataset } from '../data/dataset';
import { createDenseNetwork } from '../network/dense';
import { createDenseCurvature } from '../network/rop';
import type { NetworkSpec } from '../network/spec';
import { newCounts, type Objective } from '../objective';

/** The dense engine: any architecture, O(N·P) per evaluation; exact Hessian-vector products by the R-operator. */
export function createDenseObjective(spec: NetworkSpec, data: Dataset): Objective {
  const net = createDenseNetwork(spec);
  const curvature = createDenseCurvature(spec);
  const counts = newCounts();
  let subset: Int32Array | null = null;
  return {
    dim: net.dim,
    counts,
    kernel: net.kernel,
    loss(p) {
      counts.loss++;
      return net.loss(p, data.x, data.y, subset);
    },
    lossGrad(p, g) {
      counts.loss++;
      counts.grad++;
      return net.lossGrad(p, data.x, data.y, g, subset);
    },
    hvp(p, v, out) {
      counts.hvp++;
      curvature.hvp(p, v, data.x, data.y, out, subset);
    },
    gnvp(p, v, out) {
      counts.hvp++;
      curvature.gnvp(p, v, data.x, data.y, out, subset);
    },
    setBatch(s) {
      subset = s;
    },
  };
}

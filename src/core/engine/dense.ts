import type { Dataset } from '../data/dataset';
import { createDenseNetwork } from '../network/dense';
import type { NetworkSpec } from '../network/spec';
import { newCounts, type Objective } from '../objective';

/** The dense engine: any architecture, O(N·P) per evaluation. */
export function createDenseObjective(spec: NetworkSpec, data: Dataset): Objective {
  const net = createDenseNetwork(spec);
  const counts = newCounts();
  let subset: Int32Array | null = null;
  return {
    dim: net.dim,
    counts,
    loss(p) {
      counts.loss++;
      return net.loss(p, data.x, data.y, subset);
    },
    lossGrad(p, g) {
      counts.loss++;
      counts.grad++;
      return net.lossGrad(p, data.x, data.y, g, subset);
    },
    setBatch(s) {
      subset = s;
    },
  };
}

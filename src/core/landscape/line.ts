/**
 * A 1-D slice: L((1 - t)·from + t·to) for evenly spaced t (Goodfellow, Vinyals & Saxe 2015, "Qualitatively
 * characterizing neural network optimization problems"). t = 0 is `from`, t = 1 is `to`.
 */
import type { Objective } from '../objective';

export interface LineSlice {
  t: Float64Array<ArrayBuffer>;
  loss: Float64Array<ArrayBuffer>;
  from: Float64Array<ArrayBuffer>;
  to: Float64Array<ArrayBuffer>;
}

export function lineSlice(
  objective: Objective,
  from: Float64Array<ArrayBuffer>,
  to: Float64Array<ArrayBuffer>,
  t: Float64Array<ArrayBuffer>,
): LineSlice {
  const dim = from.length;
  const p = new Float64Array(dim);
  const loss = new Float64Array(t.length);
  for (let s = 0; s < t.length; s++) {
    const u = t[s]!;
    for (let k = 0; k < dim; k++) p[k] = (1 - u) * from[k]! + u * to[k]!;
    loss[s] = objective.loss(p);
  }
  return { t, loss, from, to };
}

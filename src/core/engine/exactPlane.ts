/**
 * Loss grids on the exact engine: one O(H log N) evaluation per grid point. Rows are walked in
 * serpentine order so each point starts its split searches and unit sort from a neighbour's.
 */
import type { Dataset } from '../data/dataset';
import type { NetworkSpec } from '../network/spec';
import { createExactEvaluator } from './exact';
import { planePoint, type LossPlane } from './plane';

export function exactLossPlane(
  spec: NetworkSpec,
  data: Dataset,
  plane: LossPlane,
  rowStart: number,
  rowEnd: number,
  out: Float64Array,
): void {
  const { kernel, sorted } = createExactEvaluator(spec, data);
  const s = sorted.full;
  const p = new Float64Array(plane.center.length);
  const cols = plane.alphas.length;
  for (let i = rowStart; i < rowEnd; i++) {
    const beta = plane.betas[i]!;
    const forward = (i - rowStart) % 2 === 0;
    for (let t = 0; t < cols; t++) {
      const j = forward ? t : cols - 1 - t;
      planePoint(plane, plane.alphas[j]!, beta, p);
      out[i * cols + j] = kernel.sse(p, s) / s.n;
    }
  }
}

/**
 * Loss grids on the exact engine: one O(H log N) evaluation per grid point. Rows are walked in
 * serpentine order so each point starts its split searches and unit sort from a neighbour's.
 */
import type { Dataset } from '../data/dataset';
import type { NetworkSpec } from '../network/spec';
import { exactApplies } from './exact';
import { sortSamples, type SortedData } from './exactData';
import { negativeSlope, sharedExactKernel } from './exactKernel';
import { planePoint, type LossPlane } from './plane';

/** Sorted samples per data set, so a grid split into many row ranges sorts its data once per worker. */
const sortedCache = new WeakMap<Dataset, SortedData>();

export function exactLossPlane(
  spec: NetworkSpec,
  data: Dataset,
  plane: LossPlane,
  rowStart: number,
  rowEnd: number,
  out: Float64Array,
): void {
  if (!exactApplies(spec)) throw new Error('the exact engine does not apply to this model');
  const kernel = sharedExactKernel(spec.hidden[0]!, negativeSlope(spec.activation, spec.leakySlope)!);
  let sorted = sortedCache.get(data);
  if (!sorted) {
    sorted = sortSamples(data.x, data.y);
    sortedCache.set(data, sorted);
  }
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

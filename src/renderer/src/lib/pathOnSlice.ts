/**
 * A run's trajectory on the slice. Each snapshot is projected onto the plane (least squares) and drawn
 * at the height of its TRUE loss, not the surface's value under it, so where the path leaves the plane
 * it visibly floats above or sinks below the surface; `offPlane` (relative to the distance travelled
 * from the center) lets views fade those segments too. Nothing is silently glued to the surface.
 */
import { bilinear } from './gridSample';
import { createProjector, type PlaneLike } from '../../../core/landscape/projectPath';

export interface SlicePath {
  readonly steps: Int32Array;
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  /** Training loss at each snapshot (NaN if not yet known). */
  readonly loss: Float64Array;
  /** Surface loss under the projected point. */
  readonly surfaceLoss: Float64Array;
  /** Off-plane distance divided by the snapshot's distance from the center (0: in the plane). */
  readonly offPlane: Float64Array;
}

export function pathOnSlice(
  plane: PlaneLike & { alpha: Float64Array; beta: Float64Array; loss: Float64Array },
  snapshots: readonly Float64Array[],
  snapshotSteps: readonly number[],
  runLoss: Float64Array,
): SlicePath {
  const n = snapshots.length;
  const project = createProjector(plane);
  const out = {
    steps: Int32Array.from(snapshotSteps),
    alpha: new Float64Array(n),
    beta: new Float64Array(n),
    loss: new Float64Array(n),
    surfaceLoss: new Float64Array(n),
    offPlane: new Float64Array(n),
  };
  const grid = { alpha: plane.alpha, beta: plane.beta, values: plane.loss };
  const pr = { alpha: 0, beta: 0, offPlane: 0 };
  const dim = plane.center.length;
  for (let k = 0; k < n; k++) {
    const s = snapshots[k]!;
    project(s, pr);
    let dist = 0;
    for (let q = 0; q < dim; q++) dist += (s[q]! - plane.center[q]!) ** 2;
    dist = Math.sqrt(dist);
    out.alpha[k] = pr.alpha;
    out.beta[k] = pr.beta;
    out.offPlane[k] = dist > 1e-12 ? pr.offPlane / dist : 0;
    out.surfaceLoss[k] = bilinear(grid, pr.alpha, pr.beta);
    const l = runLoss[snapshotSteps[k]!];
    out.loss[k] = l !== undefined && Number.isFinite(l) ? l : out.surfaceLoss[k]!;
  }
  return out;
}

/** Index of the last snapshot at or before `step` (binary search; 0 when before the first). */
export function snapshotAt(steps: ArrayLike<number>, step: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  if (hi < 0) return -1;
  if (step >= steps[hi]!) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (steps[mid]! <= step) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

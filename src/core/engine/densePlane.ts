/**
 * Loss grids on the dense engine, batched: the samples are taken one block at a time and every grid
 * point of the requested rows is evaluated on that block before moving on, so each block is read from
 * memory once per call (it stays in cache across the points) and the only storage beyond O(params) is
 * the output itself. Per-point sums are accumulated in `out` and divided by n at the end.
 */
import type { Dataset } from '../data/dataset';
import { createDenseNetwork } from '../network/dense';
import type { NetworkSpec } from '../network/spec';
import { planePoint, type LossPlane } from './plane';

/** Samples per block: 1024 one-input samples (16 KB of x and y) sit in L1/L2 while the points pass. */
const BLOCK = 1024;

export function denseLossPlane(
  spec: NetworkSpec,
  data: Dataset,
  plane: LossPlane,
  rowStart: number,
  rowEnd: number,
  out: Float64Array,
): void {
  const net = createDenseNetwork(spec);
  const n = data.n;
  const d = spec.inputs;
  const cols = plane.alphas.length;
  const p = new Float64Array(plane.center.length);
  const from = rowStart * cols;
  const to = rowEnd * cols;
  out.fill(0, from, to);
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    const xs = data.x.subarray(start * d, end * d);
    const ys = data.y.subarray(start, end);
    const m = end - start;
    for (let i = rowStart; i < rowEnd; i++) {
      const beta = plane.betas[i]!;
      for (let j = 0; j < cols; j++) {
        planePoint(plane, plane.alphas[j]!, beta, p);
        out[i * cols + j] = out[i * cols + j]! + net.loss(p, xs, ys) * m;
      }
    }
  }
  for (let k = from; k < to; k++) out[k] = out[k]! / n;
}

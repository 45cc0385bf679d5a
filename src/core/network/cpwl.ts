/**
 * Seed 000: a one-hidden-layer ReLU network is a continuous piecewise-linear function, each unit adding
 * one kink at x = -b/w. Through k+1 knots (x_0 < ... < x_k) with slopes s_i = (y_{i+1}-y_i)/(x_{i+1}-x_i):
 *   f(x) = y_0 + s_0 relu(x - x_0) + Σ_{i=1}^{k-1} (s_i - s_{i-1}) relu(x - x_i)
 * which is k units: w_i = 1, b_i = -x_i, output weights the slope changes, output bias y_0.
 */
import { layoutOf } from './spec';

export interface CpwlNetwork {
  readonly hidden: number;
  readonly params: Float64Array<ArrayBuffer>;
}

export function cpwlToNetwork(knots: readonly (readonly [number, number])[]): CpwlNetwork {
  const k = knots.length - 1;
  if (k < 1) throw new RangeError('cpwlToNetwork needs at least two knots');
  const layout = layoutOf({ inputs: 1, hidden: [k] });
  const [l1, l2] = layout.layers as [
    ReturnType<typeof layoutOf>['layers'][0],
    ReturnType<typeof layoutOf>['layers'][0],
  ];
  const p = new Float64Array(layout.size);
  let prevSlope = 0;
  for (let i = 0; i < k; i++) {
    const [x0, y0] = knots[i]!;
    const [x1, y1] = knots[i + 1]!;
    if (!(x1 > x0)) throw new RangeError('knot x values must be strictly increasing');
    const s = (y1 - y0) / (x1 - x0);
    p[l1.w + i] = 1;
    p[l1.b + i] = -x0;
    p[l2.w + i] = s - prevSlope;
    prevSlope = s;
  }
  p[l2.b] = knots[0]![1];
  return { hidden: k, params: p };
}

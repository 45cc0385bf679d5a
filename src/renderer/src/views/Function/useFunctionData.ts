/**
 * What the function view draws: the target on a fine grid, a sample of the training points, and the
 * network outputs for each run at the scrubbed step and for the hovered/pinned plane point. The dense
 * forward pass of core runs here: one parameter vector on a few hundred inputs is far under a frame.
 */
import { useMemo } from 'react';
import { buildData } from '../../../../core/data/build';
import { targetFunction } from '../../../../core/data/target';
import { isNetworkExperiment, type NetworkExperiment } from '../../../../core/experiment/schema';
import { createDenseNetwork, type DenseNetwork } from '../../../../core/network/dense';
import { networkSpecOf } from '../../../../core/setup';
import { snapshotAt } from '../../lib/pathOnSlice';
import { planePoint } from '../../../../core/landscape/projectPath';
import { useDoc, useResults, useView } from '../../state/AppContext';

export interface Curve {
  readonly name: string;
  readonly color: string;
  readonly params: Float64Array;
  readonly y: Float64Array;
  readonly focus: boolean;
  /** With the bce loss: the run's recorded accuracy at the shown step (results.accuracy). */
  readonly accuracy?: number;
}

export interface FunctionData {
  readonly experiment: NetworkExperiment;
  readonly inputs: 1 | 2;
  /** 1-D: xs (n); 2-D: row-major grid of (x, y) pairs, side `side`. */
  readonly xs: Float64Array;
  readonly side: number;
  readonly domain: [number, number][];
  readonly target: Float64Array;
  readonly points: { x: Float64Array; y: Float64Array; n: number };
  readonly curves: readonly Curve[];
  readonly net: DenseNetwork;
}

const N1 = 400;
const N2 = 64;
const MAX_POINTS = 600;

function domainOf(e: NetworkExperiment, x: Float64Array): [number, number][] {
  const s = e.data.train;
  if ('domain' in s && s.domain) return s.domain.map((d) => [d[0], d[1]] as [number, number]);
  // Playground's datasets are drawn on its own square.
  const t = e.data.target;
  if (t && 'classes' in t && !('x' in s))
    return [
      [-6, 6],
      [-6, 6],
    ];
  const inputs = e.model.inputs;
  const out: [number, number][] = [];
  for (let d = 0; d < inputs; d++) {
    let lo = -1;
    let hi = 1;
    if ('x' in s || 'distribution' in s) {
      lo = Infinity;
      hi = -Infinity;
      for (let i = d; i < x.length; i += inputs) {
        lo = Math.min(lo, x[i]!);
        hi = Math.max(hi, x[i]!);
      }
      if (!(hi > lo)) [lo, hi] = [lo - 1, lo + 1];
    }
    out.push([lo, hi]);
  }
  return out;
}

export function useFunctionBase() {
  const e = useDoc((s) => s.experiment);
  return useMemo(() => {
    if (!e || !isNetworkExperiment(e)) return null;
    let data;
    try {
      data = buildData(e);
    } catch {
      return null;
    }
    // More than two inputs have no 1-D/2-D picture here yet; a population loss has no samples.
    if (e.model.inputs > 2 || data.train.population) return null;
    const inputs = e.model.inputs as 1 | 2;
    const domain = domainOf(e, data.train.x);
    const t = e.data.target;
    // Without a target function (explicit samples, classes, a teacher) only the samples are drawn.
    const f = t && !('classes' in t) ? targetFunction(t) : () => NaN;
    let xs: Float64Array;
    let side = 0;
    if (inputs === 1) {
      const [lo, hi] = domain[0]!;
      xs = Float64Array.from({ length: N1 }, (_, i) => lo + ((hi - lo) * i) / (N1 - 1));
    } else {
      side = N2;
      xs = new Float64Array(N2 * N2 * 2);
      for (let i = 0; i < N2; i++)
        for (let j = 0; j < N2; j++) {
          xs[2 * (i * N2 + j)] = domain[0]![0] + ((domain[0]![1] - domain[0]![0]) * j) / (N2 - 1);
          xs[2 * (i * N2 + j) + 1] = domain[1]![0] + ((domain[1]![1] - domain[1]![0]) * i) / (N2 - 1);
        }
    }
    const n = inputs === 1 ? xs.length : side * side;
    const target = new Float64Array(n);
    for (let i = 0; i < n; i++) target[i] = inputs === 1 ? f(xs[i]!, 0) : f(xs[2 * i]!, xs[2 * i + 1]!);
    // An even subsample of the training points keeps the scatter readable and fast.
    const every = Math.max(1, Math.ceil(data.train.n / MAX_POINTS));
    const m = Math.ceil(data.train.n / every);
    const px = new Float64Array(m * inputs);
    const py = new Float64Array(m);
    for (let k = 0, i = 0; i < data.train.n; i += every, k++) {
      for (let d = 0; d < inputs; d++) px[k * inputs + d] = data.train.x[i * inputs + d]!;
      py[k] = data.train.y[i]!;
    }
    const net = createDenseNetwork(networkSpecOf(e));
    return { experiment: e, inputs, xs, side, domain, target, points: { x: px, y: py, n: m }, net };
  }, [e]);
}

export function useFunctionData(): FunctionData | null {
  const base = useFunctionBase();
  const runs = useResults((s) => s.runs);
  const slice = useResults((s) => s.slice);
  const step = useView((s) => s.step);
  const hover = useView((s) => s.hover);
  const pinned = useView((s) => s.pinned);
  const hidden = useView((s) => s.hiddenRuns);
  return useMemo(() => {
    if (!base) return null;
    const n = base.target.length;
    const curves: Curve[] = [];
    const dim = base.net.dim;
    for (const r of runs) {
      if (hidden.includes(r.name) || r.snapshots.length === 0) continue;
      const k = step === null ? r.snapshots.length - 1 : snapshotAt(r.snapshotSteps, step);
      const params = r.snapshots[Math.max(0, k)]!;
      if (params.length !== dim) continue;
      const y = new Float64Array(n);
      base.net.predict(params, base.xs, y);
      const acc = r.result?.accuracy;
      const shown = step === null ? (acc?.length ?? 0) - 1 : Math.min(step, (acc?.length ?? 0) - 1);
      const accuracy = acc && shown >= 0 ? acc[shown] : undefined;
      curves.push({
        name: r.name,
        color: r.color,
        params,
        y,
        focus: false,
        ...(accuracy !== undefined ? { accuracy } : {}),
      });
    }
    const point = hover ?? pinned;
    if (point && slice && slice.center.length === dim) {
      const params = planePoint(slice, point.alpha, point.beta, new Float64Array(dim));
      const y = new Float64Array(n);
      base.net.predict(params, base.xs, y);
      curves.push({
        name: hover ? 'cursor' : 'pinned',
        color: hover ? '#ff3366' : '#ff3366',
        params,
        y,
        focus: true,
      });
    }
    return { ...base, curves };
  }, [base, runs, slice, step, hover, pinned, hidden]);
}

/**
 * Basins of attraction: every start point of a grid over the parameter plane is run through one method
 * (a registry optimizer with its hyperparameters, or the plain Newton iteration on the gradient) and
 * labelled by the critical point it ends at, with the number of steps it took. Coloured by label this is
 * the basin map; coloured by steps, the speed map.
 */
import type { Objective } from '../objective';
import type { Optimizer } from '../optim/types';
import { gridStart, newtonOnGradient } from './critical';
import type { Window } from './gallery';
import { createSurfaceObjective } from './objective';
import type { Surface } from './surface';

/** Labels below 0: the run ended near no listed point, or blew up. */
export const BASIN_NONE = -1;
export const BASIN_DIVERGED = -2;

export type BasinMethod =
  { kind: 'newtonIteration' } | { kind: 'optimizer'; create: () => Optimizer; lr: number };

export interface BasinOptions {
  window: Window;
  /** Starts per axis (n x n grid of cell centres, as for the critical-point search). */
  n: number;
  /** Rows (b index) [start, end) to compute; default all. */
  rows?: [number, number];
  /** Step budget per start. */
  maxSteps: number;
  /** Converged when |∇f|∞ ≤ gtol (optimizers) or the Newton step is negligible (Newton iteration). */
  gtol?: number;
  /** The points to label by (usually the surface's critical points). */
  points: readonly { at: readonly number[] }[];
  /** An end point within this max-norm distance of a listed point gets its label; default 1e-3 of the window's width. */
  labelTol?: number;
}

export interface BasinRows {
  n: number;
  rowStart: number;
  rowEnd: number;
  /** Per cell (row-major over rows [rowStart, rowEnd), n columns): index into `points`, or BASIN_NONE/DIVERGED. */
  label: Int32Array<ArrayBuffer>;
  /** Steps until converged, or -1 if the budget ran out first (or it diverged). */
  steps: Int32Array<ArrayBuffer>;
  /** End point per cell, [a, b] pairs. */
  final: Float64Array<ArrayBuffer>;
}

function farOutside(w: Window, p: Float64Array): boolean {
  const span = Math.max(w.a[1] - w.a[0], w.b[1] - w.b[0]);
  return !(Math.abs(p[0]!) < 1e6 * (1 + span) && Math.abs(p[1]!) < 1e6 * (1 + span));
}

/**
 * The surface objective with a one-point cache: the convergence test evaluates the gradient at the
 * point the optimizer's next step starts from, and the step then asks for it again.
 */
function cachedObjective(f: Objective): Objective {
  const at = new Float64Array(2).fill(NaN);
  const grad = new Float64Array(2);
  let value = NaN;
  return {
    dim: 2,
    counts: f.counts,
    loss: (p) => (p[0] === at[0] && p[1] === at[1] ? value : f.loss(p)),
    lossGrad(p, g) {
      if (!(p[0] === at[0] && p[1] === at[1])) {
        value = f.lossGrad(p, grad);
        at[0] = p[0]!;
        at[1] = p[1]!;
      }
      g[0] = grad[0]!;
      g[1] = grad[1]!;
      return value;
    },
    ...(f.hvp ? { hvp: f.hvp } : {}),
    setBatch: () => {},
  };
}

/** Runs an optimizer from p (in place); returns the steps to convergence, -1 if none, -2 if it diverged. */
function runOptimizer(
  f: Objective,
  opt: Optimizer,
  lr: number,
  p: Float64Array,
  g: Float64Array,
  maxSteps: number,
  gtol: number,
  w: Window,
): number {
  for (let k = 0; k <= maxSteps; k++) {
    f.lossGrad(p, g);
    if (!Number.isFinite(g[0]!) || !Number.isFinite(g[1]!) || farOutside(w, p)) return -2;
    if (Math.max(Math.abs(g[0]!), Math.abs(g[1]!)) <= gtol) return k;
    if (k === maxSteps) break;
    opt.step(p, f, lr);
  }
  return -1;
}

/** Label of the point nearest to p within tol, or BASIN_NONE. */
function labelOf(points: BasinOptions['points'], p: Float64Array, tol: number): number {
  let best = BASIN_NONE;
  let bestD = tol;
  for (let k = 0; k < points.length; k++) {
    const q = points[k]!.at;
    const dd = Math.max(Math.abs(q[0]! - p[0]!), Math.abs(q[1]! - p[1]!));
    if (dd <= bestD) {
      bestD = dd;
      best = k;
    }
  }
  return best;
}

/** Computes the rows; `onRow` after each row returns false to stop early (cancellation). */
export function basinMap(
  s: Surface,
  method: BasinMethod,
  o: BasinOptions,
  onRow?: (rowsDone: number) => boolean,
): BasinRows {
  const { window: w, n } = o;
  const [r0, r1] = o.rows ?? [0, n];
  const cells = (r1 - r0) * n;
  const label = new Int32Array(cells).fill(BASIN_NONE);
  const steps = new Int32Array(cells).fill(-1);
  const final = new Float64Array(2 * cells).fill(NaN);
  const gtol = o.gtol ?? 1e-6;
  const labelTol = o.labelTol ?? 1e-3 * Math.max(w.a[1] - w.a[0], w.b[1] - w.b[0]);
  const f = cachedObjective(createSurfaceObjective(s));
  const p = new Float64Array(2);
  const g = new Float64Array(2);
  for (let i = r0; i < r1; i++) {
    for (let j = 0; j < n; j++) {
      const c = (i - r0) * n + j;
      gridStart(w, n, i, j, p);
      const k =
        method.kind === 'newtonIteration'
          ? newtonOnGradient(s, p, { maxIter: o.maxSteps })
          : runOptimizer(f, method.create(), method.lr, p, g, o.maxSteps, gtol, w);
      final[2 * c] = p[0]!;
      final[2 * c + 1] = p[1]!;
      const blewUp = k === -2 || !Number.isFinite(p[0]!) || !Number.isFinite(p[1]!);
      steps[c] = k >= 0 ? k : -1;
      label[c] = blewUp ? BASIN_DIVERGED : labelOf(o.points, p, labelTol);
    }
    if (onRow && !onRow(i + 1 - r0)) break;
  }
  return { n, rowStart: r0, rowEnd: r1, label, steps, final };
}

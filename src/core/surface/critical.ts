/**
 * Critical points of a surface: Newton's method on the gradient (p ← p − H⁻¹∇f, exact H) from a grid of
 * starts, deduplicated, each classified by the closed-form eigenvalues of its exact Hessian with
 * `analyze`'s rule (`classifyCritical`: same kind, same index). Newton on the gradient converges to
 * minima, saddles and maxima alike, which is the point: it finds them all.
 */
import { classifyCritical } from '../analysis/classify';
import { eigenvalues2 } from '../analysis/symEigen';
import type { CriticalKind } from './hessian2';
import type { Window } from './gallery';
import type { Surface } from './surface';

export interface CriticalPoint {
  at: [number, number];
  kind: CriticalKind;
  value: number;
  /** Hessian eigenvalues, increasing. */
  eig: [number, number];
  /** Number of negative eigenvalues (as `analyze`'s index). */
  index: number;
  /** Euclidean norm of the gradient at `at`. */
  gradNorm: number;
  /** Whether gradNorm passes the critical-point test (`criticalGradTol`). */
  critical: boolean;
  /** How many grid starts converged here. */
  hits: number;
}

export interface NewtonOptions {
  maxIter?: number;
  /** Converged when a Newton step is below xtol·(1 + |p|∞). */
  xtol?: number;
}

/**
 * Newton on the gradient from p (updated in place). Returns the iterations used, or -1 when it failed
 * (singular Hessian away from a critical point, non-finite values, or no convergence).
 */
export function newtonOnGradient(s: Surface, p: Float64Array, opts: NewtonOptions = {}): number {
  const maxIter = opts.maxIter ?? 100;
  const xtol = opts.xtol ?? 1e-14;
  for (let it = 0; it < maxIter; it++) {
    const ga = s.fa(p);
    const gb = s.fb(p);
    if (!Number.isFinite(ga) || !Number.isFinite(gb)) return -1;
    if (ga === 0 && gb === 0) return it;
    const haa = s.faa(p);
    const hab = s.fab(p);
    const hbb = s.fbb(p);
    const det = haa * hbb - hab * hab;
    if (det === 0 || !Number.isFinite(det)) return -1;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    p[0] = p[0]! - da;
    p[1] = p[1]! - db;
    if (!Number.isFinite(p[0]!) || !Number.isFinite(p[1]!)) return -1;
    if (Math.max(Math.abs(da), Math.abs(db)) <= xtol * (1 + Math.max(Math.abs(p[0]!), Math.abs(p[1]!))))
      return it + 1;
  }
  return -1;
}

/** Value, gradient norm, Hessian eigenvalues, kind and index at p. */
export function describePoint(s: Surface, p: ArrayLike<number>): Omit<CriticalPoint, 'hits'> {
  const eig = eigenvalues2(s.faa(p), s.fab(p), s.fbb(p));
  const value = s.f(p);
  const gradNorm = Math.hypot(s.fa(p), s.fb(p));
  const c = classifyCritical(eig, gradNorm, value, { symmetryFlat: 0 });
  return {
    at: [p[0]!, p[1]!],
    kind: c.classification,
    value,
    eig,
    index: c.index,
    gradNorm,
    critical: c.critical,
  };
}

export interface CriticalSearch {
  window: Window;
  /** Starts per axis (n x n grid of cell centres). */
  n: number;
  /** Rows (b index) [start, end) of the start grid to search; default all. */
  rows?: [number, number];
  newton?: NewtonOptions;
}

/** Two points are the same when closer than this (relative to their size) in max-norm. */
export const SAME_POINT_TOL = 1e-6;

function samePoint(x: readonly number[], y: readonly number[], tol: number): boolean {
  const scale = 1 + Math.max(Math.abs(x[0]!), Math.abs(x[1]!));
  return Math.abs(x[0]! - y[0]!) <= tol * scale && Math.abs(x[1]! - y[1]!) <= tol * scale;
}

/** Adds `pt` to `list` or merges it into the point it duplicates (keeping the better-converged one). */
function addPoint(list: CriticalPoint[], pt: CriticalPoint, tol: number): void {
  const dup = list.find((q) => samePoint(q.at, pt.at, tol));
  if (!dup) {
    list.push(pt);
    return;
  }
  const hits = dup.hits + pt.hits;
  if (pt.gradNorm < dup.gradNorm) Object.assign(dup, pt);
  dup.hits = hits;
}

/** Merge point lists (e.g. from row ranges searched by different workers), sorted by value. */
export function mergeCriticalPoints(
  lists: readonly CriticalPoint[][],
  tol = SAME_POINT_TOL,
): CriticalPoint[] {
  const out: CriticalPoint[] = [];
  for (const l of lists) for (const p of l) addPoint(out, { ...p, at: [p.at[0], p.at[1]] }, tol);
  return out.sort((x, y) => x.value - y.value || x.at[0] - y.at[0] || x.at[1] - y.at[1]);
}

export function inWindow(w: Window, a: number, b: number, margin = 1e-9): boolean {
  const ma = margin * (1 + w.a[1] - w.a[0]);
  const mb = margin * (1 + w.b[1] - w.b[0]);
  return a >= w.a[0] - ma && a <= w.a[1] + ma && b >= w.b[0] - mb && b <= w.b[1] + mb;
}

/** Start point of grid cell (i = row along b, j = column along a): the cell centre. */
export function gridStart(w: Window, n: number, i: number, j: number, out: Float64Array): void {
  out[0] = w.a[0] + ((w.a[1] - w.a[0]) * (j + 0.5)) / n;
  out[1] = w.b[0] + ((w.b[1] - w.b[0]) * (i + 0.5)) / n;
}

/**
 * Searches rows [rows[0], rows[1]) of the start grid; `onRow` is called after each row (progress,
 * cancellation: return false to stop). Points outside the window are dropped.
 */
export function findCriticalPoints(
  s: Surface,
  search: CriticalSearch,
  onRow?: (rowsDone: number) => boolean,
): CriticalPoint[] {
  const { window: w, n } = search;
  const [r0, r1] = search.rows ?? [0, n];
  const p = new Float64Array(2);
  const found: CriticalPoint[] = [];
  for (let i = r0; i < r1; i++) {
    for (let j = 0; j < n; j++) {
      gridStart(w, n, i, j, p);
      if (newtonOnGradient(s, p, search.newton) < 0) continue;
      if (!inWindow(w, p[0]!, p[1]!)) continue;
      addPoint(found, { ...describePoint(s, p), hits: 1 }, SAME_POINT_TOL);
    }
    if (onRow && !onRow(i + 1 - r0)) break;
  }
  return mergeCriticalPoints([found]);
}

/** Index of the point in `points` within `tol` of p, or -1. */
export function nearestPoint(
  points: readonly { at: readonly number[] }[],
  p: ArrayLike<number>,
  tol: number,
): number {
  let best = -1;
  let bestD = Infinity;
  points.forEach((q, k) => {
    const dd = Math.max(Math.abs(q.at[0]! - p[0]!), Math.abs(q.at[1]! - p[1]!));
    if (dd < bestD) {
      bestD = dd;
      best = k;
    }
  });
  return bestD <= tol ? best : -1;
}

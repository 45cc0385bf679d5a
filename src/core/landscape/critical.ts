/**
 * Critical points of a slice. Candidates come from the grid: a minimum (maximum) is strictly below
 * (above) its eight neighbours; a saddle is a point around which the ring of eight neighbours changes
 * sign relative to it at least four times. Each is refined by damped Newton on the 2-D restriction
 * g(a, b) (exact gradient and 2x2 Hessian) for as long as ‖∇g‖ decreases, staying within a few cells of
 * the grid point and inside the grid. A candidate is `refined` when the end point passes `analyze`'s
 * critical-point test (‖∇g‖ ≤ 1e-6·max(1, |g|), an absolute bound for losses up to 1); its kind and index
 * then come from the 2x2 Hessian by `analyze`'s rule (`classifyCritical`). One entry per point: refined
 * candidates that reach the same point are merged, and a grid candidate that Newton could not confirm is
 * dropped when a refined point lies within a cell of it.
 */
import { classifyCritical, type Classification } from '../analysis/classify';
import { eigenvalues2 } from '../analysis/symEigen';
import type { Objective } from '../objective';
import type { Plane } from './plane';
import { createRestriction, type Local2d } from './restriction';

/** What the grid suggests about a candidate (before Newton). */
export type GridKind = 'minimum' | 'maximum' | 'saddle';

/** A refined point's classification (`analyze`'s rule); an unrefined candidate keeps its grid kind. */
export type SliceCriticalKind = Classification;

export interface SliceCritical {
  kind: SliceCriticalKind;
  /** Number of negative eigenvalues of the 2x2 Hessian (as `analyze`'s index). */
  index: number;
  alpha: number;
  beta: number;
  loss: number;
  /** Eigenvalues of the 2-D restriction's Hessian, ascending. */
  eigenvalues: [number, number];
  /** Norm of the 2-D gradient at (alpha, beta). */
  gradNorm: number;
  /** Whether Newton reached a point that passes the critical-point test (else the grid point is reported). */
  refined: boolean;
  /** How many grid candidates ended at this point. */
  hits: number;
  /** The grid point it came from and what the grid suggested. */
  i: number;
  j: number;
  gridKind: GridKind;
}

const RING: readonly (readonly [number, number])[] = [
  [-1, -1],
  [-1, 0],
  [-1, 1],
  [0, 1],
  [1, 1],
  [1, 0],
  [1, -1],
  [0, -1],
];

/** Grid candidates (at most maxPerKind of each kind, lowest loss first for minima and saddles). */
export function gridCandidates(
  loss: ArrayLike<number>,
  na: number,
  nb: number,
  maxPerKind = 24,
): { kind: GridKind; i: number; j: number }[] {
  const found: Record<GridKind, { i: number; j: number; v: number }[]> = {
    minimum: [],
    maximum: [],
    saddle: [],
  };
  for (let i = 1; i < nb - 1; i++)
    for (let j = 1; j < na - 1; j++) {
      const v = loss[i * na + j]!;
      if (!Number.isFinite(v)) continue;
      let below = 0;
      let above = 0;
      let changes = 0;
      let prev = 0;
      let first = 0;
      for (let r = 0; r < 8; r++) {
        const [di, dj] = RING[r]!;
        const w = loss[(i + di) * na + j + dj]!;
        const s = w > v ? 1 : w < v ? -1 : 0;
        if (s > 0) above++;
        else if (s < 0) below++;
        if (s !== 0) {
          if (prev !== 0 && s !== prev) changes++;
          if (first === 0) first = s;
          prev = s;
        }
      }
      if (prev !== 0 && first !== 0 && prev !== first) changes++;
      if (above === 8) found.minimum.push({ i, j, v });
      else if (below === 8) found.maximum.push({ i, j, v });
      else if (changes >= 4) found.saddle.push({ i, j, v });
    }
  const out: { kind: GridKind; i: number; j: number }[] = [];
  for (const kind of ['minimum', 'saddle', 'maximum'] as const) {
    const list = found[kind].sort((x, y) => (kind === 'maximum' ? y.v - x.v : x.v - y.v));
    for (const c of list.slice(0, maxPerKind)) out.push({ kind, i: c.i, j: c.j });
  }
  return out;
}

/** Refined points closer than this many grid cells (in each axis) are one point. */
const SAME_POINT_CELLS = 1e-3;

export function findSliceCritical(
  f: Objective,
  plane: Plane,
  alphas: Float64Array,
  betas: Float64Array,
  loss: Float64Array,
): SliceCritical[] {
  const na = alphas.length;
  const nb = betas.length;
  const ha = (alphas[na - 1]! - alphas[0]!) / (na - 1);
  const hb = (betas[nb - 1]! - betas[0]!) / (nb - 1);
  const local = createRestriction(f, plane);
  const L: Local2d = { loss: 0, g1: 0, g2: 0, h11: 0, h12: 0, h22: 0 };
  // The Newton merit: the gradient in loss per grid cell, so both axes weigh alike.
  const cellGrad = (x: Local2d) => Math.hypot(x.g1 * ha, x.g2 * hb);
  const inGrid = (a: number, b: number) =>
    a >= alphas[0]! && a <= alphas[na - 1]! && b >= betas[0]! && b <= betas[nb - 1]!;
  const refinedPts: SliceCritical[] = [];
  const unrefined: SliceCritical[] = [];
  for (const c of gridCandidates(loss, na, nb)) {
    const a0 = alphas[c.j]!;
    const b0 = betas[c.i]!;
    let a = a0;
    let b = b0;
    local(a, b, L);
    // Damped Newton on the gradient: backtrack until ‖∇g‖ decreases (a merit that serves minima,
    // maxima and saddles alike); stop when it no longer does (rounding), or it would wander more than
    // 3 cells or leave the grid. Degenerate points (the monkey saddle) converge only linearly: hence
    // the generous iteration count.
    for (let it = 0; it < 100; it++) {
      const m0 = cellGrad(L);
      if (m0 === 0) break;
      const det = L.h11 * L.h22 - L.h12 * L.h12;
      if (!Number.isFinite(det) || det === 0) break;
      let da = -(L.h22 * L.g1 - L.h12 * L.g2) / det;
      let db = -(L.h11 * L.g2 - L.h12 * L.g1) / det;
      const cells = Math.hypot(da / ha, db / hb);
      if (cells > 1) {
        da /= cells;
        db /= cells;
      }
      let moved = false;
      for (let k = 0, t = 1; k < 30; k++, t /= 2) {
        const a2 = a + t * da;
        const b2 = b + t * db;
        if (!inGrid(a2, b2) || Math.hypot((a2 - a0) / ha, (b2 - b0) / hb) > 3) continue;
        local(a2, b2, L);
        if (cellGrad(L) < m0) {
          a = a2;
          b = b2;
          moved = true;
          break;
        }
      }
      local(a, b, L);
      if (!moved) break;
    }
    const gradNorm = Math.hypot(L.g1, L.g2);
    const ev = eigenvalues2(L.h11, L.h12, L.h22);
    const verdict = classifyCritical(ev, gradNorm, L.loss, { symmetryFlat: 0 });
    if (verdict.critical) {
      const dup = refinedPts.find(
        (r) =>
          Math.abs(r.alpha - a) <= SAME_POINT_CELLS * Math.abs(ha) &&
          Math.abs(r.beta - b) <= SAME_POINT_CELLS * Math.abs(hb),
      );
      if (dup) {
        dup.hits++;
        continue;
      }
      refinedPts.push({
        kind: verdict.classification,
        index: verdict.index,
        alpha: a,
        beta: b,
        loss: L.loss,
        eigenvalues: ev,
        gradNorm,
        refined: true,
        hits: 1,
        i: c.i,
        j: c.j,
        gridKind: c.kind,
      });
    } else {
      // Not confirmed (on ReLU networks usually a kink, where no point has zero gradient): the grid point
      // with the grid's guess, its index read from the Hessian there.
      local(a0, b0, L);
      const ev0 = eigenvalues2(L.h11, L.h12, L.h22);
      unrefined.push({
        kind: c.kind,
        index: classifyCritical(ev0, 0, L.loss, { symmetryFlat: 0 }).index,
        alpha: a0,
        beta: b0,
        loss: L.loss,
        eigenvalues: ev0,
        gradNorm: Math.hypot(L.g1, L.g2),
        refined: false,
        hits: 1,
        i: c.i,
        j: c.j,
        gridKind: c.kind,
      });
    }
  }
  const near = (u: SliceCritical) =>
    refinedPts.some(
      (r) => Math.abs(r.alpha - u.alpha) <= Math.abs(ha) && Math.abs(r.beta - u.beta) <= Math.abs(hb),
    );
  return [...refinedPts, ...unrefined.filter((u) => !near(u))];
}

/**
 * Critical points of a slice. Candidates come from the grid: a minimum (maximum) is strictly below
 * (above) its eight neighbours; a saddle is a point around which the ring of eight neighbours changes
 * sign relative to it at least four times. Each is refined by Newton's method on the 2-D restriction
 * g(a, b) (exact gradient and 2x2 Hessian), kept only if Newton stays within a few cells of the grid
 * point and inside the grid; its type is then read from the 2x2 Hessian's eigenvalues. Points that
 * converge to the same place are merged.
 */
import type { Objective } from '../objective';
import type { Plane } from './plane';
import { createRestriction, eig2, type Local2d } from './restriction';

export type SliceCriticalKind = 'minimum' | 'maximum' | 'saddle';

export interface SliceCritical {
  kind: SliceCriticalKind;
  alpha: number;
  beta: number;
  loss: number;
  /** Eigenvalues of the 2-D restriction's Hessian, ascending. */
  eigenvalues: [number, number];
  /** Norm of the 2-D gradient at (alpha, beta). */
  gradNorm: number;
  /** Whether Newton converged near the grid candidate (else the grid point is reported). */
  refined: boolean;
  /** The grid point it came from and what the grid suggested. */
  i: number;
  j: number;
  gridKind: SliceCriticalKind;
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
): { kind: SliceCriticalKind; i: number; j: number }[] {
  const found: Record<SliceCriticalKind, { i: number; j: number; v: number }[]> = {
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
  const out: { kind: SliceCriticalKind; i: number; j: number }[] = [];
  for (const kind of ['minimum', 'saddle', 'maximum'] as const) {
    const list = found[kind].sort((x, y) => (kind === 'maximum' ? y.v - x.v : x.v - y.v));
    for (const c of list.slice(0, maxPerKind)) out.push({ kind, i: c.i, j: c.j });
  }
  return out;
}

export function kindOf(ev: [number, number]): SliceCriticalKind {
  if (ev[0] > 0) return 'minimum';
  if (ev[1] < 0) return 'maximum';
  return 'saddle';
}

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
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of loss) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  // Gradient (in loss per cell) below which a point counts as critical: 1e-9 of the loss range.
  const gtol = 1e-9 * Math.max(hi - lo, 1e-300);
  const cellGrad = (x: Local2d) => Math.hypot(x.g1 * ha, x.g2 * hb);
  const result: SliceCritical[] = [];
  for (const c of gridCandidates(loss, na, nb)) {
    const a0 = alphas[c.j]!;
    const b0 = betas[c.i]!;
    let a = a0;
    let b = b0;
    let ok = false;
    local(a, b, L);
    // Damped Newton on the gradient: backtrack until ‖∇g‖ decreases (a merit that serves minima,
    // maxima and saddles alike); give up if it wanders more than 3 cells or leaves the grid.
    for (let it = 0; it < 30 && !ok; it++) {
      const m0 = cellGrad(L);
      if (m0 <= gtol) {
        ok = true;
        break;
      }
      const det = L.h11 * L.h22 - L.h12 * L.h12;
      if (!Number.isFinite(det) || det === 0) break;
      let da = -(L.h22 * L.g1 - L.h12 * L.g2) / det;
      let db = -(L.h11 * L.g2 - L.h12 * L.g1) / det;
      const cells = Math.hypot(da / ha, db / hb);
      if (cells > 1) {
        da /= cells;
        db /= cells;
      }
      let t = 1;
      let moved = false;
      for (let k = 0; k < 12; k++, t /= 2) {
        const na2 = a + t * da;
        const nb2 = b + t * db;
        if (na2 < alphas[0]! || na2 > alphas[na - 1]! || nb2 < betas[0]! || nb2 > betas[nb - 1]!) continue;
        if (Math.hypot((na2 - a0) / ha, (nb2 - b0) / hb) > 3) continue;
        local(na2, nb2, L);
        if (cellGrad(L) < m0 * (1 - 1e-4 * t)) {
          a = na2;
          b = nb2;
          moved = true;
          break;
        }
      }
      if (!moved) {
        local(a, b, L);
        ok = cellGrad(L) <= gtol;
        break;
      }
      if (cellGrad(L) <= gtol) ok = true;
    }
    if (!ok) {
      a = a0;
      b = b0;
    }
    local(a, b, L);
    const ev = eig2(L.h11, L.h12, L.h22);
    const kind = ok ? kindOf(ev) : c.kind;
    const dup = result.find(
      (r) =>
        r.refined &&
        ok &&
        Math.abs(r.alpha - a) < 1e-6 * Math.abs(ha) &&
        Math.abs(r.beta - b) < 1e-6 * Math.abs(hb),
    );
    if (dup) continue;
    result.push({
      kind,
      alpha: a,
      beta: b,
      loss: L.loss,
      eigenvalues: ev,
      gradNorm: Math.hypot(L.g1, L.g2),
      refined: ok,
      i: c.i,
      j: c.j,
      gridKind: c.kind,
    });
  }
  return result;
}

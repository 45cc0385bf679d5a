/**
 * Critical points of a sampled slice, read off the grid: a minimum (maximum) is below (above) all eight
 * neighbours; a saddle is a point whose ring of eight neighbours changes sign relative to it at least four
 * times. The 2-D Hessian comes from central differences. Plateaus are cells whose gradient is small
 * relative to the loss range over the slice. Used when a slice arrives without the landscape job's own
 * (Newton-refined) list.
 */
import { gridCandidates } from '../../../core/landscape/critical';
import type { Grid } from './gridSample';

export interface GridCritical {
  kind: 'minimum' | 'saddle' | 'maximum';
  i: number;
  j: number;
  alpha: number;
  beta: number;
  loss: number;
  eigenvalues: [number, number];
}

function hessian(g: Grid, i: number, j: number): [number, number] {
  const na = g.alpha.length;
  const v = (ii: number, jj: number) => g.values[ii * na + jj]!;
  const ha = g.alpha[1]! - g.alpha[0]!;
  const hb = g.beta[1]! - g.beta[0]!;
  const faa = (v(i, j + 1) - 2 * v(i, j) + v(i, j - 1)) / (ha * ha);
  const fbb = (v(i + 1, j) - 2 * v(i, j) + v(i - 1, j)) / (hb * hb);
  const fab = (v(i + 1, j + 1) - v(i + 1, j - 1) - v(i - 1, j + 1) + v(i - 1, j - 1)) / (4 * ha * hb);
  const m = (faa + fbb) / 2;
  const d = Math.sqrt(((faa - fbb) / 2) ** 2 + fab * fab);
  return [m - d, m + d];
}

export function findGridCritical(g: Grid, maxPoints = 24): GridCritical[] {
  const na = g.alpha.length;
  // The same grid test as the landscape job's (core), here without Newton refinement.
  return gridCandidates(g.values, na, g.beta.length, maxPoints)
    .slice(0, maxPoints)
    .filter(({ i, j }) => Number.isFinite(g.values[i * na + j]!))
    .map(({ kind, i, j }) => ({
      kind,
      i,
      j,
      alpha: g.alpha[j]!,
      beta: g.beta[i]!,
      loss: g.values[i * na + j]!,
      eigenvalues: hessian(g, i, j),
    }));
}

/**
 * Plateau mask: 1 where the central-difference gradient norm, in loss per unit of the plane, is below
 * `relTol` times (loss range / plane extent). Edges use one-sided differences.
 */
export function plateauMask(g: Grid, relTol = 0.02): Uint8Array {
  const na = g.alpha.length;
  const nb = g.beta.length;
  const mask = new Uint8Array(na * nb);
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < g.values.length; k++) {
    const v = g.values[k]!;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!(hi > lo) || na < 2 || nb < 2) return mask;
  const extent = Math.max(g.alpha[na - 1]! - g.alpha[0]!, g.beta[nb - 1]! - g.beta[0]!);
  const tol = (relTol * (hi - lo)) / extent;
  for (let i = 0; i < nb; i++) {
    const i0 = Math.max(0, i - 1);
    const i1 = Math.min(nb - 1, i + 1);
    for (let j = 0; j < na; j++) {
      const j0 = Math.max(0, j - 1);
      const j1 = Math.min(na - 1, j + 1);
      const ga = (g.values[i * na + j1]! - g.values[i * na + j0]!) / (g.alpha[j1]! - g.alpha[j0]!);
      const gb = (g.values[i1 * na + j]! - g.values[i0 * na + j]!) / (g.beta[i1]! - g.beta[i0]!);
      if (Math.hypot(ga, gb) < tol) mask[i * na + j] = 1;
    }
  }
  return mask;
}

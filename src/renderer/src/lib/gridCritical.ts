/**
 * Critical points of a sampled slice, read off the grid: a minimum (maximum) is below (above) all eight
 * neighbours; a saddle is a point whose ring of eight neighbours changes sign relative to it at least four
 * times. The 2-D Hessian comes from central differences. Plateaus are cells whose gradient is small
 * relative to the loss range over the slice. Used when a slice arrives without the landscape job's own
 * (Newton-refined) list.
 */
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
  const nb = g.beta.length;
  const out: GridCritical[] = [];
  for (let i = 1; i < nb - 1; i++) {
    for (let j = 1; j < na - 1; j++) {
      const c = g.values[i * na + j]!;
      if (!Number.isFinite(c)) continue;
      let above = 0;
      let below = 0;
      let changes = 0;
      let prev = 0;
      let first = 0;
      let ok = true;
      for (let k = 0; k < RING.length; k++) {
        const [di, dj] = RING[k]!;
        const v = g.values[(i + di) * na + j + dj]!;
        if (!Number.isFinite(v)) ok = false;
        const s = v > c ? 1 : v < c ? -1 : 0;
        if (s > 0) above++;
        if (s < 0) below++;
        if (s !== 0 && first === 0) first = s;
        if (s !== 0 && prev !== 0 && s !== prev) changes++;
        if (s !== 0) prev = s;
      }
      if (!ok) continue;
      if (first !== 0 && prev !== 0 && first !== prev) changes++;
      let kind: GridCritical['kind'] | null = null;
      if (above === 8) kind = 'minimum';
      else if (below === 8) kind = 'maximum';
      // Ties (neighbours level with the centre, as on the diagonals of x² - y²) are skipped.
      else if (changes >= 4 && above > 0 && below > 0) kind = 'saddle';
      if (kind)
        out.push({
          kind,
          i,
          j,
          alpha: g.alpha[j]!,
          beta: g.beta[i]!,
          loss: c,
          eigenvalues: hessian(g, i, j),
        });
    }
  }
  // Keep the most telling ones: minima by loss first, then saddles and maxima.
  const order = { minimum: 0, saddle: 1, maximum: 2 } as const;
  out.sort((a, b) => order[a.kind] - order[b.kind] || a.loss - b.loss);
  return out.slice(0, maxPoints);
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

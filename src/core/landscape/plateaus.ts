/**
 * Plateaus of a slice: connected regions (4-neighbour) of grid cells whose gradient is small relative to
 * the loss range, γ = |∇g|_scaled / (max L - min L) < threshold, where the gradient (central differences,
 * one-sided at the border) is scaled by the grid's spans so γ is "the share of the whole loss range the
 * surface would change by across the whole slice at this slope". Tiny regions are dropped.
 */

export interface Plateau {
  /** Label used in `labels`. */
  id: number;
  cells: number;
  /** Share of the grid's cells. */
  fraction: number;
  alpha: [number, number];
  beta: [number, number];
  centroid: [number, number];
  meanLoss: number;
}

export interface PlateauResult {
  plateaus: Plateau[];
  /** Per grid point (same indexing as loss): 0 outside plateaus, else the plateau's id. */
  labels: Int32Array<ArrayBuffer>;
  threshold: number;
}

export function findPlateaus(
  loss: Float64Array,
  alphas: Float64Array,
  betas: Float64Array,
  threshold = 0.02,
  minFraction = 0.005,
): PlateauResult {
  const na = alphas.length;
  const nb = betas.length;
  const n = na * nb;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = loss[k]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const labels = new Int32Array(n);
  const plateaus: Plateau[] = [];
  const range = hi - lo;
  if (!(range > 0)) return { plateaus, labels, threshold };
  const spanA = alphas[na - 1]! - alphas[0]!;
  const spanB = betas[nb - 1]! - betas[0]!;
  const flat = new Uint8Array(n);
  for (let i = 0; i < nb; i++)
    for (let j = 0; j < na; j++) {
      const j0 = Math.max(0, j - 1);
      const j1 = Math.min(na - 1, j + 1);
      const i0 = Math.max(0, i - 1);
      const i1 = Math.min(nb - 1, i + 1);
      const ga = (loss[i * na + j1]! - loss[i * na + j0]!) / (alphas[j1]! - alphas[j0]!);
      const gb = (loss[i1 * na + j]! - loss[i0 * na + j]!) / (betas[i1]! - betas[i0]!);
      const gamma = Math.hypot(ga * spanA, gb * spanB) / range;
      if (gamma < threshold) flat[i * na + j] = 1;
    }
  const queue = new Int32Array(n);
  const minCells = Math.max(9, Math.ceil(minFraction * n));
  let next = 1;
  for (let start = 0; start < n; start++) {
    if (!flat[start] || labels[start]) continue;
    const id = next;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    labels[start] = id;
    while (head < tail) {
      const k = queue[head++]!;
      const i = Math.floor(k / na);
      const j = k - i * na;
      const visit = (kk: number) => {
        if (flat[kk] && !labels[kk]) {
          labels[kk] = id;
          queue[tail++] = kk;
        }
      };
      if (j > 0) visit(k - 1);
      if (j < na - 1) visit(k + 1);
      if (i > 0) visit(k - na);
      if (i < nb - 1) visit(k + na);
    }
    if (tail < minCells) {
      for (let q = 0; q < tail; q++) labels[queue[q]!] = -1; // visited, too small
      continue;
    }
    next++;
    let aLo = Infinity;
    let aHi = -Infinity;
    let bLo = Infinity;
    let bHi = -Infinity;
    let sa = 0;
    let sb = 0;
    let sl = 0;
    for (let q = 0; q < tail; q++) {
      const k = queue[q]!;
      const i = Math.floor(k / na);
      const a = alphas[k - i * na]!;
      const b = betas[i]!;
      aLo = Math.min(aLo, a);
      aHi = Math.max(aHi, a);
      bLo = Math.min(bLo, b);
      bHi = Math.max(bHi, b);
      sa += a;
      sb += b;
      sl += loss[k]!;
    }
    plateaus.push({
      id,
      cells: tail,
      fraction: tail / n,
      alpha: [aLo, aHi],
      beta: [bLo, bHi],
      centroid: [sa / tail, sb / tail],
      meanLoss: sl / tail,
    });
  }
  for (let k = 0; k < n; k++) if (labels[k]! < 0) labels[k] = 0;
  return { plateaus, labels, threshold };
}

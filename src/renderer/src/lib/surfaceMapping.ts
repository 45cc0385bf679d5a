/**
 * From slice coordinates to the scene: alpha -> x and beta -> z in [-1, 1], the displayed loss value
 * (log10 or linear) -> height y in [0, HEIGHT] and colour parameter t in [0, 1]. One mapping serves the
 * mesh, the contours, the paths and the markers, so they always sit on the same surface.
 */
import { displayValue, finiteRange, logFloor } from './gridSample';

export const HEIGHT = 0.9;

export interface SurfaceMapping {
  readonly log: boolean;
  readonly floor: number;
  /** Displayed-value range (log10 loss when log). */
  readonly lo: number;
  readonly hi: number;
  x(alpha: number): number;
  z(beta: number): number;
  alphaOf(x: number): number;
  betaOf(z: number): number;
  /** Colour parameter of a loss. */
  t(loss: number): number;
  /** Height of a loss (not clamped: off-range paths leave the box visibly). */
  y(loss: number): number;
  /** The loss at colour parameter t (for legend ticks). */
  lossAt(t: number): number;
}

export function createMapping(
  alpha: ArrayLike<number>,
  beta: ArrayLike<number>,
  loss: ArrayLike<number>,
  log: boolean,
): SurfaceMapping {
  const a0 = alpha[0]!;
  const a1 = alpha[alpha.length - 1]!;
  const b0 = beta[0]!;
  const b1 = beta[beta.length - 1]!;
  const floor = logFloor(loss);
  const [rawLo, rawHi] = finiteRange(loss);
  const lo = displayValue(rawLo, log, floor);
  let hi = displayValue(rawHi, log, floor);
  if (!(hi > lo)) hi = lo + 1;
  const t = (l: number) => (displayValue(l, log, floor) - lo) / (hi - lo);
  return {
    log,
    floor,
    lo,
    hi,
    x: (a) => ((a - a0) / (a1 - a0)) * 2 - 1,
    z: (b) => ((b - b0) / (b1 - b0)) * 2 - 1,
    alphaOf: (x) => a0 + ((x + 1) / 2) * (a1 - a0),
    betaOf: (z) => b0 + ((z + 1) / 2) * (b1 - b0),
    t,
    y: (l) => t(l) * HEIGHT,
    lossAt: (tt) => {
      const v = lo + tt * (hi - lo);
      return log ? 10 ** v : v;
    },
  };
}

/**
 * Fill the mesh buffers in place: positions (x, y, z per vertex) and colours (rgb) of an na x nb grid,
 * plateau cells lightened. Unfilled cells (NaN, rows still computing) sit at height 0 in grey.
 */
export function fillSurface(
  loss: ArrayLike<number>,
  alpha: ArrayLike<number>,
  beta: ArrayLike<number>,
  m: SurfaceMapping,
  table: Float32Array,
  plateau: Uint8Array | null,
  positions: Float32Array,
  colors: Float32Array,
): void {
  const na = alpha.length;
  const nb = beta.length;
  for (let i = 0; i < nb; i++) {
    const z = m.z(beta[i]!);
    for (let j = 0; j < na; j++) {
      const k = i * na + j;
      const l = loss[k]!;
      const o = 3 * k;
      positions[o] = m.x(alpha[j]!);
      positions[o + 2] = z;
      if (!Number.isFinite(l)) {
        positions[o + 1] = 0;
        colors[o] = colors[o + 1] = colors[o + 2] = 0.5;
        continue;
      }
      const t = Math.max(0, Math.min(1, m.t(l)));
      positions[o + 1] = t * HEIGHT;
      const ti = Math.round(t * 255) * 3;
      let r = table[ti]!;
      let g = table[ti + 1]!;
      let b = table[ti + 2]!;
      if (plateau && plateau[k]) {
        r = 0.55 * r + 0.45;
        g = 0.55 * g + 0.45;
        b = 0.55 * b + 0.45;
      }
      colors[o] = r;
      colors[o + 1] = g;
      colors[o + 2] = b;
    }
  }
}

/** Triangle indices of an na x nb grid (two per cell). */
export function gridIndices(na: number, nb: number): Uint32Array {
  const idx = new Uint32Array((na - 1) * (nb - 1) * 6);
  let o = 0;
  for (let i = 0; i < nb - 1; i++)
    for (let j = 0; j < na - 1; j++) {
      const a = i * na + j;
      const b = a + 1;
      const c = a + na;
      const d = c + 1;
      idx[o++] = a;
      idx[o++] = c;
      idx[o++] = b;
      idx[o++] = b;
      idx[o++] = c;
      idx[o++] = d;
    }
  return idx;
}

/** "Nice" tick values of a loss range for the legend (decades on log scale). */
export function legendTicks(m: SurfaceMapping, count = 5): { t: number; loss: number }[] {
  const out: { t: number; loss: number }[] = [];
  if (m.log) {
    for (let e = Math.ceil(m.lo); e <= Math.floor(m.hi); e++)
      out.push({ t: (e - m.lo) / (m.hi - m.lo), loss: Number(`1e${e}`) });
    if (out.length >= 2) return out;
    out.length = 0;
  }
  for (let k = 0; k < count; k++) {
    const t = k / (count - 1);
    out.push({ t, loss: m.lossAt(t) });
  }
  return out;
}

/**
 * Contour lines of a slice as polylines in plane coordinates (alpha, beta), from d3-contour's marching
 * squares. d3 closes every ring along the grid's border; those border runs are not level lines, so
 * each ring is cut where it touches the border.
 */
import { contours } from 'd3-contour';
import type { Grid } from './gridSample';

export interface ContourLine {
  readonly level: number;
  /** Flat [alpha0, beta0, alpha1, beta1, ...] */
  readonly points: number[];
}

/** Levels evenly spaced in the displayed value (log10 loss or loss), strictly inside the range. */
export function contourLevels(lo: number, hi: number, count: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= count; k++) out.push(lo + ((hi - lo) * k) / (count + 1));
  return out;
}

export function contourLines(g: Grid, levels: readonly number[]): ContourLine[] {
  const na = g.alpha.length;
  const nb = g.beta.length;
  if (na < 2 || nb < 2) return [];
  const values = Array.from(g.values, (v) => (Number.isFinite(v) ? v : NaN));
  const gen = contours()
    .size([na, nb])
    .thresholds(levels as number[])
    .smooth(true);
  const a0 = g.alpha[0]!;
  const da = (g.alpha[na - 1]! - a0) / (na - 1);
  const b0 = g.beta[0]!;
  const db = (g.beta[nb - 1]! - b0) / (nb - 1);
  const onBorder = (x: number, y: number) => x <= 0.5 || x >= na - 0.5 || y <= 0.5 || y >= nb - 0.5;
  const out: ContourLine[] = [];
  for (const mp of gen(values)) {
    for (const polygon of mp.coordinates) {
      for (const ring of polygon) {
        let cur: number[] = [];
        for (const [x, y] of ring) {
          if (onBorder(x!, y!)) {
            if (cur.length >= 4) out.push({ level: mp.value, points: cur });
            cur = [];
            continue;
          }
          // d3 puts sample j at x = j + 0.5.
          cur.push(a0 + (x! - 0.5) * da, b0 + (y! - 0.5) * db);
        }
        if (cur.length >= 4) out.push({ level: mp.value, points: cur });
      }
    }
  }
  return out;
}

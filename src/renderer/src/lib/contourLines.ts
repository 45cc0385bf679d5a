/**
 * Contour lines of a slice as polylines in plane coordinates (alpha, beta), from d3-contour's marching
 * squares. d3 closes every ring along the grid's border; those border runs are not level lines, so
 * each ring is cut where it touches the border.
 */
import { contours } from 'd3-contour';
import type { Grid } from './gridSample';
import { formatTicks, niceTicks, type Tick } from './ticks';

export interface ContourLine {
  readonly level: number;
  /** Flat [alpha0, beta0, alpha1, beta1, ...] */
  readonly points: number[];
}

/**
 * Contour levels at values a person can read off a label: in displayed units (log10 loss when `log`),
 * labelled with the loss. Linear: 1-2-5 steps. Log: 1, 2 and 5 × each decade when the range spans a few
 * decades, whole decades when it spans many, 1-2-5 steps of the loss itself inside one decade. Strictly
 * inside (lo, hi): a level on the range's end traces the grid's extreme cells only.
 */
export function niceContourLevels(lo: number, hi: number, log: boolean, max = 14): Tick[] {
  if (!(hi > lo)) return [];
  const inside = (v: number) => v > lo + 1e-9 * (hi - lo) && v < hi - 1e-9 * (hi - lo);
  if (!log) return niceTicks(lo, hi, max).filter((t) => inside(t.value));
  const decades = Math.floor(hi) - Math.ceil(lo) + 1;
  let losses: number[] = [];
  if (decades >= 2) {
    const mantissas = decades * 3 <= max ? [1, 2, 5] : [1];
    const every = Math.max(1, Math.ceil(decades / max));
    for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) {
      if (e % every !== 0) continue;
      for (const m of mantissas) losses.push(Number(`${m}e${e}`));
    }
  } else {
    losses = niceTicks(10 ** lo, 10 ** hi, Math.min(max, 8)).map((t) => t.value);
  }
  losses = losses.filter((l) => l > 0 && inside(Math.log10(l)));
  const labels = formatTicks(losses);
  return losses.map((l, i) => ({ value: Math.log10(l), label: labels[i]! }));
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

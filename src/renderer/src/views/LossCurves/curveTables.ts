/**
 * The loss-curve data in uPlot's aligned form, decimated to the plot's pixel width: one x column and,
 * per run, its training loss, (when there is a test set) its test loss and (with the bce loss) its accuracy,
 * which the view draws on its own [0, 1] axis. Each series is read from an
 * incremental bucket summary (lib/curveSummary) and binned min/max per pixel column (lib/decimate), so
 * the table has at most two rows per pixel column whatever the number of steps. Runs share the columns;
 * a run without a value in a row has a gap (null) there.
 */
import { createSummary, extendSummary, summaryPoints, type CurveSummary } from '../../lib/curveSummary';
import { minMaxColumns, type Columns } from '../../lib/decimate';
import type { RunTrace } from '../../state/resultsStore';
import type { CurveAxis } from '../../state/viewStore';

export type Aligned = [number[], ...(number | null)[][]];

/** x of each recorded step of a run on the chosen axis (NaN where not known yet). */
export function xOf(run: RunTrace, axis: CurveAxis, k: number): number {
  if (axis === 'step' || !run.result) return axis === 'step' ? k : NaN;
  if (axis === 'evals') return run.result.evals.loss[k]! + run.result.evals.grad[k]!;
  return run.result.timeMs[k]! / 1000;
}

export interface CurveSeries {
  readonly run: string;
  readonly color: string;
  readonly test: boolean;
  /** The run's accuracy curve (results.accuracy), on the right-hand [0, 1] axis. */
  readonly accuracy?: boolean;
}

export interface CurveTables {
  readonly data: Aligned;
  readonly series: CurveSeries[];
  /** Log scale in effect: asked for and every finite value drawn is positive. */
  readonly log: boolean;
  /** Runs whose loss stopped being finite (or that the trainer called diverged), with the step. */
  readonly diverged: readonly { run: string; step: number }[];
}

// One summary per series array, extended as the array fills (a new array starts a new summary).
const summaries = new WeakMap<Float64Array, CurveSummary>();

function summaryOf(values: Float64Array, filled: number): CurveSummary {
  let s = summaries.get(values);
  if (!s || filled < s.upTo) {
    s = createSummary(values);
    summaries.set(values, s);
  }
  extendSummary(s, filled);
  return s;
}

export function curveTables(
  runs: readonly RunTrace[],
  axis: CurveAxis,
  log: boolean,
  /** Plot width in pixels: two rows per column at most. */
  columns = 1000,
): CurveTables {
  const cols = Math.max(1, Math.floor(columns));
  const series: CurveSeries[] = [];
  const parts: { run: RunTrace; sum: CurveSummary; accuracy?: boolean }[] = [];
  const diverged: { run: string; step: number }[] = [];
  let positive = true;
  for (const r of runs) {
    const main = summaryOf(r.loss, r.filled);
    series.push({ run: r.name, color: r.color, test: false });
    parts.push({ run: r, sum: main });
    const test = r.result?.testLoss;
    if (test && test.length > 0) {
      series.push({ run: r.name, color: r.color, test: true });
      parts.push({ run: r, sum: summaryOf(test, test.length) });
    }
    const acc = r.result?.accuracy;
    if (acc && acc.length > 0) {
      series.push({ run: r.name, color: r.color, test: false, accuracy: true });
      parts.push({ run: r, sum: summaryOf(acc, acc.length), accuracy: true });
    }
    if (r.phase === 'diverged') diverged.push({ run: r.name, step: Math.max(0, r.filled - 1) });
    else if (main.firstNonFinite >= 0) diverged.push({ run: r.name, step: main.firstNonFinite });
  }
  for (const p of parts) if (!p.accuracy && p.sum.lo <= 0) positive = false;
  const useLog = log && positive;

  // The shared x range: every series' first and last recorded x (x grows with the step on every axis).
  let lo = Infinity;
  let hi = -Infinity;
  for (const { run, sum } of parts) {
    if (sum.upTo === 0) continue;
    const a = xOf(run, axis, 0);
    const b = xOf(run, axis, sum.upTo - 1);
    if (Number.isFinite(a)) lo = Math.min(lo, a);
    if (Number.isFinite(b)) hi = Math.max(hi, b);
  }
  if (!(hi >= lo)) return { data: [[], ...parts.map(() => [])], series, log: useLog, diverged };

  const binned: Columns[] = parts.map(({ run, sum }) => {
    const pts = summaryPoints(sum);
    const x = new Float64Array(pts.count);
    for (let i = 0; i < pts.count; i++) x[i] = xOf(run, axis, pts.steps[i]!);
    return minMaxColumns(x, pts.values, pts.count, lo, hi, cols);
  });
  // A row per used slot, at the smallest first x and the largest second x of the column, so rows stay in
  // x order whichever run filled them (runs differ by less than a pixel inside one column).
  const xs: number[] = [];
  const ys: (number | null)[][] = parts.map(() => []);
  for (let slot = 0; slot < 2 * cols; slot++) {
    let x = NaN;
    for (const b of binned) {
      if (Number.isNaN(b.y[slot]!)) continue;
      const bx = b.x[slot]!;
      if (Number.isNaN(x) || (slot % 2 === 0 ? bx < x : bx > x)) x = bx;
    }
    if (Number.isNaN(x)) continue;
    xs.push(x);
    binned.forEach((b, i) => {
      const v = b.y[slot]!;
      ys[i]!.push(Number.isNaN(v) || (useLog && !parts[i]!.accuracy && v <= 0) ? null : v);
    });
  }
  return { data: [xs, ...ys], series, log: useLog, diverged };
}

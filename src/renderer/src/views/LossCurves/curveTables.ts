/**
 * The loss-curve data in uPlot's aligned form: one x column (steps, evaluations or seconds) and, per
 * run, its training loss and (when there is a test set) its test loss. Runs measured on different x
 * values are merged on the union of x with gaps (null) elsewhere; non-positive values are gaps on log.
 */
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
}

export function curveTables(
  runs: readonly RunTrace[],
  axis: CurveAxis,
  log: boolean,
): { data: Aligned; series: CurveSeries[] } {
  const series: CurveSeries[] = [];
  const rows = new Map<number, (number | null)[]>();
  const cols: ((k: number) => number)[] = [];
  const runCols: { run: RunTrace; cols: number[] }[] = [];
  for (const r of runs) {
    const c: number[] = [];
    series.push({ run: r.name, color: r.color, test: false });
    c.push(cols.length);
    cols.push((k) => r.loss[k]!);
    const test = r.result?.testLoss;
    if (test && test.length > 0) {
      series.push({ run: r.name, color: r.color, test: true });
      c.push(cols.length);
      cols.push((k) => test[k]!);
    }
    runCols.push({ run: r, cols: c });
  }
  const ok = (v: number) => (Number.isFinite(v) && (!log || v > 0) ? v : null);
  for (const { run, cols: cs } of runCols) {
    for (let k = 0; k < run.filled; k++) {
      const x = xOf(run, axis, k);
      if (!Number.isFinite(x)) continue;
      let row = rows.get(x);
      if (!row) {
        row = new Array(cols.length).fill(null);
        rows.set(x, row);
      }
      for (const ci of cs) row[ci] = ok(cols[ci]!(k));
    }
  }
  const xs = [...rows.keys()].sort((a, b) => a - b);
  const data: Aligned = [xs];
  for (let ci = 0; ci < cols.length; ci++) data.push(xs.map((x) => rows.get(x)![ci]!));
  return { data, series };
}

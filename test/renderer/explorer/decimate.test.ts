/**
 * Min/max decimation of long curves (lib/decimate, lib/curveSummary, curveTables): the number of points
 * drawn is bounded by the pixel width, and every column's true extremes survive, so a one-step spike in
 * a 1,000,000-step curve is still drawn. The truth is a brute-force scan of the full series.
 */
import { describe, expect, it } from 'vitest';
import {
  createSummary,
  extendSummary,
  MAX_BUCKETS,
  summaryPoints,
} from '../../../src/renderer/src/lib/curveSummary';
import { minMaxColumns } from '../../../src/renderer/src/lib/decimate';
import type { RunTrace } from '../../../src/renderer/src/state/resultsStore';
import { curveTables } from '../../../src/renderer/src/views/LossCurves/curveTables';

/** A decaying, noisy loss with one spike at `spike`. */
function series(n: number, spike: number): Float64Array {
  const y = new Float64Array(n);
  let s = 1;
  for (let k = 0; k < n; k++) {
    s = (s * 16807) % 2147483647;
    y[k] = 1 / (1 + k / 1000) + 1e-3 * (s / 2147483647);
  }
  y[spike] = 50;
  return y;
}

function trace(name: string, loss: Float64Array, filled = loss.length): RunTrace {
  return {
    name,
    color: '#000000',
    phase: 'ok',
    totalSteps: loss.length - 1,
    loss,
    filled,
    snapshots: [],
    snapshotSteps: [],
    result: null,
  };
}

describe('min/max per pixel column', () => {
  it('keeps each column’s lowest and highest value, in x order, at most two per column', () => {
    const n = 100_000;
    const y = series(n, 31_337);
    const x = Float64Array.from({ length: n }, (_, k) => k);
    const cols = 300;
    const out = minMaxColumns(x, y, n, 0, n - 1, cols);
    expect(out.y.length).toBe(2 * cols);
    for (let c = 0; c < cols; c++) {
      // brute force over the steps that fall in column c
      let lo = Infinity;
      let hi = -Infinity;
      let loAt = -1;
      let hiAt = -1;
      for (let k = 0; k < n; k++) {
        if (Math.min(cols - 1, Math.floor((k / (n - 1)) * cols)) !== c) continue;
        if (y[k]! < lo) [lo, loAt] = [y[k]!, k];
        if (y[k]! > hi) [hi, hiAt] = [y[k]!, k];
      }
      const pair = [out.y[2 * c]!, out.y[2 * c + 1]!];
      expect(pair).toEqual(loAt < hiAt ? [lo, hi] : [hi, lo]);
      expect(out.x[2 * c]!).toBeLessThan(out.x[2 * c + 1]!);
    }
    expect(Math.max(...out.y)).toBe(50); // the spike
  });

  it('one point in a column is one point; empty columns are empty; non-finite values are skipped', () => {
    const out = minMaxColumns([0, 1, 2, 9], [5, NaN, Infinity, 7], 4, 0, 9, 10);
    expect(out.y[0]).toBe(5);
    expect(out.y[1]).toBeNaN();
    expect(out.y[2]).toBeNaN(); // column 1: x = 1 had NaN only
    expect(out.y[18]).toBe(7);
  });
});

describe('incremental bucket summary', () => {
  it('summarises 1,000,000 steps fed in streamed pieces into a bounded number of points with every extreme', () => {
    const n = 1_000_001;
    const y = series(n, 777_777);
    const s = createSummary(y);
    for (let k = 0; k < n; k += 4321) extendSummary(s, Math.min(n, k + 4321));
    expect(s.upTo).toBe(n);
    const pts = summaryPoints(s);
    expect(pts.count).toBeLessThanOrEqual(2 * MAX_BUCKETS);
    expect(pts.count).toBeGreaterThan(MAX_BUCKETS / 2);
    // every bucket's min and max are the brute-force ones of its step range
    let max = -Infinity;
    for (const v of y) max = Math.max(max, v);
    expect(Math.max(...pts.values.subarray(0, pts.count))).toBe(max);
    expect(pts.steps.subarray(0, pts.count)).toContain(777_777);
    for (let i = 1; i < pts.count; i++) expect(pts.steps[i]!).toBeGreaterThan(pts.steps[i - 1]!);
    expect(pts.values[0]).toBe(y[0]); // bucket 0 at size 256 starts with its largest value
  });

  it('records the first non-finite step and the finite range', () => {
    const s = createSummary(Float64Array.from([3, 2, Infinity, NaN, 1]));
    extendSummary(s, 5);
    expect(s.firstNonFinite).toBe(2);
    expect([s.lo, s.hi]).toEqual([1, 3]);
  });
});

describe('curve tables decimated to the plot width', () => {
  it('draws a 1,000,000-step run with at most two rows per pixel column and keeps the spike', () => {
    const n = 1_000_001;
    const y = series(n, 123_456);
    const { data } = curveTables([trace('a', y)], 'step', true, 640);
    expect(data[0].length).toBeLessThanOrEqual(2 * 640);
    expect(Math.max(...(data[1] as number[]))).toBe(50);
    const xs = data[0];
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    // the curve spans the whole axis, to within one pixel column at each end
    expect(xs[0]).toBeLessThan(n / 640);
    expect(xs.at(-1)).toBeGreaterThan(n - 1 - n / 640);
  });

  it('switches to a linear axis when a loss is not positive, and reports where a run diverged', () => {
    const t = curveTables(
      [trace('a', Float64Array.from([1, 0.5, -0.25])), trace('b', Float64Array.from([1, 1e3, Infinity]))],
      'step',
      true,
      100,
    );
    expect(t.log).toBe(false);
    expect(t.data[1]).toEqual([1, 0.5, -0.25]);
    expect(t.diverged).toEqual([{ run: 'b', step: 2 }]);
  });
});

/**
 * A growing loss series summarised in fixed buckets of steps (lowest and highest finite value of each,
 * with the steps where they occur), extended only by the values that arrived since the last call. A
 * curve is then drawn from at most two points per bucket, so the page never walks every step of a
 * 1,000,000-step run on an update: the work per update is the new values plus a bounded number of buckets.
 */

/**
 * Buckets per series at most. A bucket starts as one step; when the series outgrows the buckets,
 * neighbours merge pairwise (the size doubles), so the filled part always has 2048..4096 buckets.
 */
export const MAX_BUCKETS = 4096;

export interface CurveSummary {
  /** The series summarised (a new array means a new summary). */
  readonly source: Float64Array;
  /** Steps per bucket (a power of two). */
  size: number;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly argmin: Int32Array;
  readonly argmax: Int32Array;
  /** Values [0, upTo) are included. */
  upTo: number;
  /** First step whose value is not finite (NaN or ±∞), or -1. */
  firstNonFinite: number;
  /** Smallest and largest finite value so far. */
  lo: number;
  hi: number;
}

export function createSummary(source: Float64Array): CurveSummary {
  const n = MAX_BUCKETS;
  return {
    source,
    size: 1,
    min: new Float64Array(n).fill(Infinity),
    max: new Float64Array(n).fill(-Infinity),
    argmin: new Int32Array(n).fill(-1),
    argmax: new Int32Array(n).fill(-1),
    upTo: 0,
    firstNonFinite: -1,
    lo: Infinity,
    hi: -Infinity,
  };
}

/** Take values up to `filled` in (values already summarised are not revisited). */
export function extendSummary(s: CurveSummary, filled: number): void {
  const end = Math.min(filled, s.source.length);
  const v = s.source;
  for (let k = s.upTo; k < end; k++) {
    const y = v[k]!;
    if (!Number.isFinite(y)) {
      if (s.firstNonFinite < 0) s.firstNonFinite = k;
      continue;
    }
    let b = (k / s.size) | 0;
    if (b >= MAX_BUCKETS) {
      mergePairs(s);
      b = (k / s.size) | 0;
    }
    if (y < s.min[b]!) {
      s.min[b] = y;
      s.argmin[b] = k;
    }
    if (y > s.max[b]!) {
      s.max[b] = y;
      s.argmax[b] = k;
    }
    if (y < s.lo) s.lo = y;
    if (y > s.hi) s.hi = y;
  }
  if (end > s.upTo) s.upTo = end;
}

/** Halve the number of buckets: bucket b becomes the union of buckets 2b and 2b+1. */
function mergePairs(s: CurveSummary): void {
  const half = MAX_BUCKETS / 2;
  for (let b = 0; b < half; b++) {
    const i = 2 * b;
    const j = i + 1;
    const lower = s.min[j]! < s.min[i]! ? j : i;
    const upper = s.max[j]! > s.max[i]! ? j : i;
    s.min[b] = s.min[lower]!;
    s.argmin[b] = s.argmin[lower]!;
    s.max[b] = s.max[upper]!;
    s.argmax[b] = s.argmax[upper]!;
  }
  s.min.fill(Infinity, half);
  s.max.fill(-Infinity, half);
  s.argmin.fill(-1, half);
  s.argmax.fill(-1, half);
  s.size *= 2;
}

/**
 * The summary as points in step order: each bucket's extremes (one point when they coincide). At most
 * two points per bucket, whatever the number of steps.
 */
export function summaryPoints(s: CurveSummary): { steps: Int32Array; values: Float64Array; count: number } {
  const nb = Math.ceil(s.upTo / s.size);
  const steps = new Int32Array(2 * nb);
  const values = new Float64Array(2 * nb);
  let n = 0;
  for (let b = 0; b < nb; b++) {
    const i = s.argmin[b]!;
    const j = s.argmax[b]!;
    if (i < 0) continue; // no finite value in this bucket
    const [first, second] = i <= j ? [i, j] : [j, i];
    steps[n] = first;
    values[n++] = s.source[first]!;
    if (second !== first) {
      steps[n] = second;
      values[n++] = s.source[second]!;
    }
  }
  return { steps, values, count: n };
}

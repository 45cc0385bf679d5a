/**
 * Training samples of a one-input model sorted by x, with prefix sums of x, x², y, xy and y² so any
 * run of consecutive sorted samples gives its sums in O(1). y is centred on its mean first: the
 * piece losses are expanded quadratics, and centring keeps their cancellation small when y has an
 * offset. The prefix sums are compensated (each is a pair hi + lo, the running sum and its
 * accumulated rounding error, from Knuth's two-sum), so a run's sums are accurate relative to the
 * run itself rather than to the whole prefix before it. The raw sorted y are kept too, for the
 * per-sample residual evaluation near zero loss (exactKernel.ts). Built once for the full set; a
 * minibatch re-sorts only its own members by their rank in the full order (a native integer sort),
 * reusing buffers.
 */
import { SUMS_STRIDE } from './exactPrecision';
import { createExactWasm, type ExactWasm } from './exactWasm';

export interface SortedSamples {
  /** Number of samples. */
  n: number;
  /** Sorted inputs (length >= n). */
  x: Float64Array;
  /** The targets in the same order, not centred (length >= n). */
  y: Float64Array;
  /** Mean of y that was subtracted from the y sums. */
  yMean: number;
  /**
   * Compensated prefix sums, interleaved so one boundary's sums share cache lines: entries
   * 10k .. 10k+4 are Σx, Σx², Σy, Σxy, Σy² (y centred) over the first k sorted samples, k = 0..n,
   * and entries 10k+5 .. 10k+9 the rounding errors of those running sums (the true sum is hi + lo).
   */
  sums: Float64Array;
  /**
   * Index guide: guide[k] = first sorted index with x >= x0 + k/scale, k = 0..n. A kink at t then
   * starts its search at guide[floor((t - x0)·scale)], usually within a sample or two of the answer.
   */
  guide: Int32Array;
  x0: number;
  scale: number;
  /** The WebAssembly instance whose memory holds x, sums and guide, or null (JavaScript kernel). */
  wasm: ExactWasm | null;
}

function allocate(cap: number, useWasm: boolean): SortedSamples {
  const wasm = useWasm ? createExactWasm(cap) : null;
  return {
    n: 0,
    x: wasm ? wasm.x : new Float64Array(cap),
    y: wasm ? wasm.y : new Float64Array(cap),
    yMean: 0,
    sums: wasm ? wasm.sums : new Float64Array(SUMS_STRIDE * (cap + 1)),
    guide: wasm ? wasm.guide : new Int32Array(cap + 1),
    x0: 0,
    scale: 0,
    wasm,
  };
}

/** Fills the prefix sums of `s` from its sorted x and raw y (already in s.x, s.y). */
function fillPrefix(s: SortedSamples, n: number): void {
  const y = s.y;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += y[k]!;
  mean = n > 0 ? mean / n : 0;
  s.n = n;
  s.yMean = mean;
  const { x, sums } = s;
  // Running sums and their accumulated rounding errors, by Knuth's two-sum per term (written out
  // per sum: scalar locals, no arrays in the loop).
  let sx = 0;
  let sxx = 0;
  let sy = 0;
  let sxy = 0;
  let syy = 0;
  let ex = 0;
  let exx = 0;
  let ey = 0;
  let exy = 0;
  let eyy = 0;
  sums.fill(0, 0, SUMS_STRIDE);
  for (let k = 0; k < n; k++) {
    const xi = x[k]!;
    const yi = y[k]! - mean;
    const o = SUMS_STRIDE * (k + 1);
    let t = xi;
    let u = sx + t;
    let v = u - sx;
    ex += sx - (u - v) + (t - v);
    sx = u;
    t = xi * xi;
    u = sxx + t;
    v = u - sxx;
    exx += sxx - (u - v) + (t - v);
    sxx = u;
    t = yi;
    u = sy + t;
    v = u - sy;
    ey += sy - (u - v) + (t - v);
    sy = u;
    t = xi * yi;
    u = sxy + t;
    v = u - sxy;
    exy += sxy - (u - v) + (t - v);
    sxy = u;
    t = yi * yi;
    u = syy + t;
    v = u - syy;
    eyy += syy - (u - v) + (t - v);
    syy = u;
    sums[o] = sx;
    sums[o + 1] = sxx;
    sums[o + 2] = sy;
    sums[o + 3] = sxy;
    sums[o + 4] = syy;
    sums[o + 5] = ex;
    sums[o + 6] = exx;
    sums[o + 7] = ey;
    sums[o + 8] = exy;
    sums[o + 9] = eyy;
  }
  const lo = n > 0 ? x[0]! : 0;
  const hi = n > 0 ? x[n - 1]! : 0;
  s.x0 = lo;
  s.scale = hi > lo ? n / (hi - lo) : 0;
  let ptr = 0;
  for (let k = 0; k <= n; k++) {
    const threshold = s.scale > 0 ? lo + k / s.scale : lo;
    while (ptr < n && x[ptr]! < threshold) ptr++;
    s.guide[k] = ptr;
  }
}

export interface SortedData {
  /** All samples, sorted. */
  readonly full: SortedSamples;
  /** The samples of `subset` (indices into the original order), sorted; reuses one buffer. */
  ofSubset(subset: Int32Array): SortedSamples;
}

/**
 * Sorts one-input samples (xs of length n, ys of length n) by x once. With `useWasm` (the default)
 * the sorted arrays live in a WebAssembly instance that evaluates them, where the runtime has one.
 */
export function sortSamples(xs: Float64Array, ys: Float64Array, useWasm = true): SortedData {
  const n = ys.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => xs[a]! - xs[b]! || a - b);
  const rank = new Int32Array(n);
  const full = allocate(n, useWasm);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    rank[i] = k;
    full.x[k] = xs[i]!;
    full.y[k] = ys[i]!;
  }
  fillPrefix(full, n);

  let sub: SortedSamples | null = null;
  let keys = new Int32Array(0);
  return {
    full,
    ofSubset(subset) {
      const m = subset.length;
      if (!sub || sub.x.length < m) {
        sub = allocate(m, useWasm);
        keys = new Int32Array(m);
      }
      const kk = keys.subarray(0, m);
      for (let k = 0; k < m; k++) kk[k] = rank[subset[k]!]!;
      kk.sort();
      for (let k = 0; k < m; k++) {
        const r = kk[k]!;
        sub.x[k] = full.x[r]!;
        sub.y[k] = full.y[r]!;
      }
      fillPrefix(sub, m);
      return sub;
    },
  };
}

/**
 * Training samples of a one-input model sorted by x, with prefix sums of x, x², y, xy and y² so any
 * run of consecutive sorted samples gives its sums in O(1). y is centred on its mean first: the
 * piece losses are expanded quadratics, and centring keeps their cancellation small when y has an
 * offset. Built once for the full set; a minibatch re-sorts only its own members by their rank in
 * the full order (a native integer sort), reusing buffers.
 */
import { createExactWasm, type ExactWasm } from './exactWasm';

export interface SortedSamples {
  /** Number of samples. */
  n: number;
  /** Sorted inputs (length >= n). */
  x: Float64Array;
  /** Mean of y that was subtracted from the y sums. */
  yMean: number;
  /**
   * Prefix sums, interleaved so one boundary's five sums share a cache line: entries 5k .. 5k+4 are
   * Σx, Σx², Σy, Σxy, Σy² over the first k sorted samples, k = 0..n.
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
    yMean: 0,
    sums: wasm ? wasm.sums : new Float64Array(5 * (cap + 1)),
    guide: wasm ? wasm.guide : new Int32Array(cap + 1),
    x0: 0,
    scale: 0,
    wasm,
  };
}

/** Fills the prefix sums of `s` from its sorted x (already in s.x) and the matching raw y. */
function fillPrefix(s: SortedSamples, y: Float64Array, n: number): void {
  let mean = 0;
  for (let k = 0; k < n; k++) mean += y[k]!;
  mean = n > 0 ? mean / n : 0;
  s.n = n;
  s.yMean = mean;
  const { x, sums } = s;
  let ax = 0;
  let axx = 0;
  let ay = 0;
  let axy = 0;
  let ayy = 0;
  sums.fill(0, 0, 5);
  for (let k = 0; k < n; k++) {
    const xi = x[k]!;
    const yi = y[k]! - mean;
    ax += xi;
    axx += xi * xi;
    ay += yi;
    axy += xi * yi;
    ayy += yi * yi;
    const o = 5 * (k + 1);
    sums[o] = ax;
    sums[o + 1] = axx;
    sums[o + 2] = ay;
    sums[o + 3] = axy;
    sums[o + 4] = ayy;
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
  const ySorted = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    rank[i] = k;
    full.x[k] = xs[i]!;
    ySorted[k] = ys[i]!;
  }
  fillPrefix(full, ySorted, n);

  let sub: SortedSamples | null = null;
  let keys = new Int32Array(0);
  let ySub = new Float64Array(0);
  return {
    full,
    ofSubset(subset) {
      const m = subset.length;
      if (!sub || sub.x.length < m) {
        sub = allocate(m, useWasm);
        keys = new Int32Array(m);
        ySub = new Float64Array(m);
      }
      const kk = keys.subarray(0, m);
      for (let k = 0; k < m; k++) kk[k] = rank[subset[k]!]!;
      kk.sort();
      for (let k = 0; k < m; k++) {
        const r = kk[k]!;
        sub.x[k] = full.x[r]!;
        ySub[k] = ySorted[r]!;
      }
      fillPrefix(sub, ySub, m);
      return sub;
    },
  };
}

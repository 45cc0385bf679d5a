/**
 * The exact evaluation of a 1-H-1 network with a piecewise-linear activation (relu, leakyRelu,
 * linear): f(x) = c + Σ_j v_j·act(w_j·x + b_j), act(z) = z for z > 0 and s·z otherwise.
 *
 * Unit j switches at one place in the sorted inputs, its split index m_j. Between consecutive splits
 * f is one line A·x + C, so the squared error over that run of samples is a quadratic in A and C
 * made of the run's sums of 1, x, x², y, xy, y² (prefix-sum differences). Per evaluation: H binary
 * searches, one sort of the splits, one walk over the H+1 pieces: O(H log N + H log H), not O(N·H).
 *
 * Agreement with the dense path is exact in the discrete part: a sample counts as "active" for unit j
 * iff the same floating-point expression the dense forward pass computes, b_j + x·w_j, is > 0 (that
 * expression is monotone in x, so it can be binary-searched); ties, samples on a kink, w_j = 0 and
 * duplicate x all follow from it. Only the summation order differs, at rounding level.
 *
 * Each split is first checked where the previous call left it (most stay put between optimizer
 * steps); otherwise the search starts where an index guide over x puts the kink -b/w and gallops from
 * there (a step or two for spread-out data); the unit order is re-sorted by insertion from the previous
 * order, so nearby parameter points (optimizer steps, grid neighbours) cost little. Results never
 * depend on that history: splits are exact and units are ordered by (split, index), a unique order.
 *
 * Layout (spec.ts): w = p[0..H), b = p[H..2H), v = p[2H..3H), c = p[3H]. Loss is the mean squared
 * error over the samples (no 1/2).
 *
 * Precision near zero loss: the expanded quadratic cancels (Σy² against 2Σyf against Σf²), so its
 * rounding error is about eps·M with M = Σ over samples of (A·x)² + C² + y², whatever the loss. The
 * prefix sums are compensated (exactData.ts), which leaves that cancellation as the only error
 * (measured 0.1 to 0.4·eps·M on the bench's descent). Each walk also sums M; when eps·M exceeds
 * 5e-13 of the loss (loss < RESIDUAL_SWITCH·M), the residual sums Σe, Σe·x, Σe² are recomputed from
 * the per-sample residuals e = A·x + C - y of each piece with y not centred: O(N) instead of
 * O(H), and as accurate as the dense pass (the float64 floor of the residuals), so the loss stays
 * relative-accurate down to an exact fit's ~1e-32. Gradient and the Hessian's residual term use the
 * same sums; the Gauss-Newton part involves no y and cannot cancel that way.
 *
 * Samples sorted into a WebAssembly instance (exactData.ts, where the runtime has one) get their loss
 * and gradient from exactWasm.ts, the same algorithm compiled; Hessian-vector products run here.
 */
import type { SortedSamples } from './exactData';
import { RESIDUAL_SWITCH, SUMS_STRIDE } from './exactPrecision';

export interface ExactKernel {
  readonly hidden: number;
  /** Sum of squared errors at p. */
  sse(p: Float64Array, s: SortedSamples): number;
  /** Sum of squared errors at p, and its gradient written into g (scaled by `scale`). */
  sseGrad(p: Float64Array, s: SortedSamples, g: Float64Array, scale: number): number;
  /**
   * (scale/2)·∇²(sum of squared errors)(p)·u into out, i.e. with scale = 2/n the Hessian of the MSE;
   * with gaussNewton only its Gauss-Newton part scale·Σ J_i (J_i·u).
   */
  hvp(
    p: Float64Array,
    u: Float64Array,
    s: SortedSamples,
    out: Float64Array,
    scale: number,
    gaussNewton?: boolean,
  ): void;
}

/** Negative-side slope of each piecewise-linear activation (linear: 1, no kink at all). */
export function negativeSlope(activation: string, leakySlope: number): number | null {
  if (activation === 'relu') return 0;
  if (activation === 'leakyRelu') return leakySlope;
  if (activation === 'linear') return 1;
  return null;
}

/** First index in [0, n] where the unit's side flips, searched outward from `guess`. */
function findSplit(x: Float64Array, n: number, w: number, b: number, guess: number): number {
  // t(i): sample i lies on the "after" side. For w > 0 that is active (b + x·w > 0, nondecreasing in x);
  // for w < 0 it is inactive (b + x·w > 0 is nonincreasing in x).
  const neg = w < 0;
  if (n === 0) return 0;
  let g = guess < 0 ? 0 : guess >= n ? n - 1 : guess;
  let lo: number;
  let hi: number;
  if (b + x[g]! * w > 0 !== neg) {
    hi = g;
    let step = 1;
    for (;;) {
      lo = hi - step;
      if (lo < 0) {
        lo = -1;
        break;
      }
      if (b + x[lo]! * w > 0 !== neg) {
        hi = lo;
        step *= 2;
      } else break;
    }
  } else {
    lo = g;
    let step = 1;
    for (;;) {
      hi = lo + step;
      if (hi >= n) {
        hi = n;
        break;
      }
      if (b + x[hi]! * w > 0 !== neg) break;
      lo = hi;
      step *= 2;
    }
  }
  while (hi - lo > 1) {
    g = (lo + hi) >> 1;
    if (b + x[g]! * w > 0 !== neg) hi = g;
    else lo = g;
  }
  return hi;
}

/**
 * The kernel for a shape, shared by every objective and grid of that shape in this thread: its
 * buffers are scratch (calls never overlap, results never depend on a previous call), and one closure
 * per shape lets V8 specialise the code (several made it ~1.3x slower).
 */
export function sharedExactKernel(hidden: number, slope: number): ExactKernel {
  const key = `${hidden}:${slope}`;
  let k = kernels.get(key);
  if (!k) kernels.set(key, (k = createExactKernel(hidden, slope)));
  return k;
}

const kernels = new Map<string, ExactKernel>();

export function createExactKernel(hidden: number, slope: number): ExactKernel {
  const H = hidden;
  const oB = H;
  const oV = 2 * H;
  const oC = 3 * H;
  const toggle = 1 - slope;
  /** Split index of each unit; kept between calls as the first guess for the next one. */
  const split = new Int32Array(H);
  /**
   * act' of each unit on the samples before and after its split: (s, 1) when the unit is active after
   * it (w > 0 or w = 0), (1, s) when before (w < 0). Stored so the walks multiply instead of branching
   * on the sign of w (a coin flip per unit for the branch predictor).
   */
  const kBefore = new Float64Array(H);
  const kAfter = new Float64Array(H);
  /** Units ordered by (split, index); kept between calls as the starting order. */
  const order = new Int32Array(H);
  for (let j = 0; j < H; j++) order[j] = j;
  const keys = new Float64Array(H);
  // Residual sums Σ r and Σ r·x over the samples before each unit's split; same for the direction.
  const r0 = new Float64Array(H);
  const r1 = new Float64Array(H);
  const q0 = new Float64Array(H);
  const q1 = new Float64Array(H);

  function computeSplits(p: Float64Array, s: SortedSamples): void {
    const n = s.n;
    const x = s.x;
    const guide = s.guide;
    const x0 = s.x0;
    const scale = s.scale;
    for (let j = 0; j < H; j++) {
      const w = p[j]!;
      const b = p[oB + j]!;
      if (toggle === 0) {
        split[j] = 0;
        kBefore[j] = 1;
        kAfter[j] = 1;
      } else if (w === 0 || w !== w) {
        // Constant pre-activation b: active everywhere or nowhere.
        split[j] = b > 0 ? 0 : n;
        kBefore[j] = slope;
        kAfter[j] = 1;
      } else {
        const neg = w < 0;
        kBefore[j] = neg ? 1 : slope;
        kAfter[j] = neg ? slope : 1;
        // Most splits stay where the previous call left them (an optimizer step or a grid neighbour
        // moves few kinks past a sample): check that first, with the same test findSplit uses.
        const m = split[j]!;
        if (m <= n && (m === 0 || b + x[m - 1]! * w > 0 === neg) && (m === n || b + x[m]! * w > 0 !== neg))
          continue;
        // Else start at the index guide's entry for the kink -b/w (any start gives the same answer).
        const k = (-b / w - x0) * scale;
        const guess = k > 0 ? (k < n ? guide[k | 0]! : n) : 0;
        split[j] = findSplit(x, n, w, b, guess);
      }
    }
    sortUnits();
  }

  /** Insertion sort from the previous order; a full native sort when too far from sorted. */
  function sortUnits(): void {
    const limit = 8 * H + 64;
    let moves = 0;
    for (let k = 1; k < H; k++) {
      const j = order[k]!;
      const mj = split[j]!;
      let i = k - 1;
      while (i >= 0) {
        const o = order[i]!;
        const mo = split[o]!;
        if (mo < mj || (mo === mj && o < j)) break;
        order[i + 1] = o;
        i--;
      }
      order[i + 1] = j;
      moves += k - 1 - i;
      if (moves > limit) {
        for (let u = 0; u < H; u++) keys[u] = split[u]! * H + u;
        keys.sort();
        for (let u = 0; u < H; u++) order[u] = keys[u]! - Math.floor(keys[u]! / H) * H;
        return;
      }
    }
  }

  function sse(p: Float64Array, s: SortedSamples): number {
    if (s.wasm) return s.wasm.sse(p, H, slope, s);
    computeSplits(p, s);
    const sums = s.sums;
    const n = s.n;
    let A = 0;
    let C = p[oC]!;
    for (let j = 0; j < H; j++) {
      // act' at the first sample.
      const f = (split[j] === 0 ? kAfter[j]! : kBefore[j]!) * p[oV + j]!;
      A += f * p[j]!;
      C += f * p[oB + j]!;
    }
    const A0 = A;
    const C0 = C;
    C -= s.yMean;
    let pos = 0;
    // Compensated prefix sums at pos (value and error term), carried from piece to piece.
    let px = 0;
    let pxx = 0;
    let py = 0;
    let pxy = 0;
    let pyy = 0;
    let ex = 0;
    let exx = 0;
    let ey = 0;
    let exy = 0;
    let eyy = 0;
    let total = 0;
    let mag = 0;
    for (let k = 0; k <= H; k++) {
      const j = k < H ? order[k]! : -1;
      const m = k < H ? split[j]! : n;
      if (m > pos) {
        const o = SUMS_STRIDE * m;
        const mx = sums[o]!;
        const mxx = sums[o + 1]!;
        const my = sums[o + 2]!;
        const mxy = sums[o + 3]!;
        const myy = sums[o + 4]!;
        const fx = sums[o + 5]!;
        const fxx = sums[o + 6]!;
        const fy = sums[o + 7]!;
        const fxy = sums[o + 8]!;
        const fyy = sums[o + 9]!;
        const Sx = mx - px + (fx - ex);
        const Sxx = mxx - pxx + (fxx - exx);
        const Sy = my - py + (fy - ey);
        const Sxy = mxy - pxy + (fxy - exy);
        const Syy = myy - pyy + (fyy - eyy);
        const cnt = m - pos;
        const ASxx = A * Sxx;
        const Ccnt = C * cnt;
        total += A * (ASxx + 2 * C * Sx - 2 * Sxy) + C * (Ccnt - 2 * Sy) + Syy;
        mag += A * ASxx + C * Ccnt + Syy;
        px = mx;
        pxx = mxx;
        py = my;
        pxy = mxy;
        pyy = myy;
        ex = fx;
        exx = fxx;
        ey = fy;
        exy = fxy;
        eyy = fyy;
        pos = m;
      }
      if (j >= 0 && m > 0 && toggle !== 0) {
        const d = (kAfter[j]! - kBefore[j]!) * p[oV + j]!;
        A += d * p[j]!;
        C += d * p[oB + j]!;
      }
    }
    if (total < RESIDUAL_SWITCH * mag) {
      for (let j = 0; j < H; j++) {
        alpha[j] = p[oV + j]! * p[j]!;
        beta[j] = p[oV + j]! * p[oB + j]!;
      }
      residualPieces(s, A0, C0, alpha, beta, r0, r1, rTot);
      return rTot[2]!;
    }
    return total > 0 ? total : 0;
  }

  /**
   * The per-sample evaluation behind the switch (see the header): walks the pieces of the residual
   * line from A, C at the first sample (C not centred), storing for each unit Σ e and Σ e·x over the
   * samples before its split, with e = A·x + C - y per sample. Returns [Σ e, Σ e·x, Σ e²] in outTotals.
   */
  function residualPieces(
    s: SortedSamples,
    A0: number,
    C0: number,
    alpha: Float64Array,
    beta: Float64Array,
    s0: Float64Array,
    s1: Float64Array,
    outTotals: Float64Array,
  ): void {
    const { x, y, n } = s;
    let A = A0;
    let C = C0;
    let pos = 0;
    let e0 = 0;
    let e1 = 0;
    let e2 = 0;
    for (let k = 0; k <= H; k++) {
      const j = k < H ? order[k]! : -1;
      const m = k < H ? split[j]! : n;
      for (; pos < m; pos++) {
        const xi = x[pos]!;
        const e = A * xi + C - y[pos]!;
        e0 += e;
        e1 += e * xi;
        e2 += e * e;
      }
      if (j >= 0) {
        s0[j] = e0;
        s1[j] = e1;
        if (m > 0 && toggle !== 0) {
          const d = kAfter[j]! - kBefore[j]!;
          A += d * alpha[j]!;
          C += d * beta[j]!;
        }
      }
    }
    outTotals[0] = e0;
    outTotals[1] = e1;
    outTotals[2] = e2;
  }

  /**
   * Walks the pieces of the line a·x + c0 + Σ_j act'_j(x)·(α_j x + β_j) (α, β from `coef`), storing
   * for each unit the sums of e and e·x over the samples before its split into s0, s1, where e is
   * that line minus y (withY; c0 then is the line's own constant, y not centred) or the line itself.
   * Returns [Σ e, Σ e·x, Σ e²].
   */
  function walk(
    s: SortedSamples,
    c0: number,
    alpha: Float64Array,
    beta: Float64Array,
    withY: boolean,
    s0: Float64Array,
    s1: Float64Array,
    outTotals: Float64Array,
  ): void {
    const sums = s.sums;
    const n = s.n;
    let A = 0;
    let C = c0;
    for (let j = 0; j < H; j++) {
      const f = split[j] === 0 ? kAfter[j]! : kBefore[j]!;
      A += f * alpha[j]!;
      C += f * beta[j]!;
    }
    const A0 = A;
    const C0 = C;
    if (withY) C -= s.yMean;
    let pos = 0;
    let e0 = 0;
    let e1 = 0;
    let e2 = 0;
    let mag = 0;
    for (let k = 0; k <= H; k++) {
      const j = k < H ? order[k]! : -1;
      const m = k < H ? split[j]! : n;
      if (m > pos) {
        const cnt = m - pos;
        const o = SUMS_STRIDE * m;
        const q = SUMS_STRIDE * pos;
        const Sx = sums[o]! - sums[q]! + (sums[o + 5]! - sums[q + 5]!);
        const Sxx = sums[o + 1]! - sums[q + 1]! + (sums[o + 6]! - sums[q + 6]!);
        if (withY) {
          const Sy = sums[o + 2]! - sums[q + 2]! + (sums[o + 7]! - sums[q + 7]!);
          const Sxy = sums[o + 3]! - sums[q + 3]! + (sums[o + 8]! - sums[q + 8]!);
          const Syy = sums[o + 4]! - sums[q + 4]! + (sums[o + 9]! - sums[q + 9]!);
          const ASxx = A * Sxx;
          const Ccnt = C * cnt;
          e0 += A * Sx + Ccnt - Sy;
          e1 += ASxx + C * Sx - Sxy;
          e2 += A * (ASxx + 2 * C * Sx - 2 * Sxy) + C * (Ccnt - 2 * Sy) + Syy;
          mag += A * ASxx + C * Ccnt + Syy;
        } else {
          e0 += A * Sx + C * cnt;
          e1 += A * Sxx + C * Sx;
        }
        pos = m;
      }
      if (j >= 0) {
        s0[j] = e0;
        s1[j] = e1;
        if (m > 0 && toggle !== 0) {
          const d = kAfter[j]! - kBefore[j]!;
          A += d * alpha[j]!;
          C += d * beta[j]!;
        }
      }
    }
    if (withY && e2 < RESIDUAL_SWITCH * mag) {
      residualPieces(s, A0, C0, alpha, beta, s0, s1, outTotals);
      return;
    }
    outTotals[0] = e0;
    outTotals[1] = e1;
    outTotals[2] = e2 > 0 ? e2 : 0;
  }

  /** Converts "before the split" sums into act'-weighted sums: Σ_i e_i·act'_j(x_i)·x_i^k. */
  function weighted(j: number, before: number, total: number): number {
    return kAfter[j]! * (total - before) + kBefore[j]! * before;
  }

  const rTot = new Float64Array(3);
  const qTot = new Float64Array(3);
  // Per-unit slope and intercept contributions of the walked line (filled before each walk; plain
  // arrays, since closures returning doubles would allocate a heap number per call).
  const alpha = new Float64Array(H);
  const beta = new Float64Array(H);

  /** The residual f - y: per unit v_j·w_j and v_j·b_j. */
  function residualWalk(p: Float64Array, s: SortedSamples): void {
    computeSplits(p, s);
    for (let j = 0; j < H; j++) {
      alpha[j] = p[oV + j]! * p[j]!;
      beta[j] = p[oV + j]! * p[oB + j]!;
    }
    walk(s, p[oC]!, alpha, beta, true, r0, r1, rTot);
  }

  function sseGrad(p: Float64Array, s: SortedSamples, g: Float64Array, scale: number): number {
    if (s.wasm) return s.wasm.sseGrad(p, H, slope, s, g, scale);
    residualWalk(p, s);
    for (let j = 0; j < H; j++) {
      const G0 = weighted(j, r0[j]!, rTot[0]!);
      const G1 = weighted(j, r1[j]!, rTot[1]!);
      const v = p[oV + j]!;
      g[j] = scale * v * G1;
      g[oB + j] = scale * v * G0;
      g[oV + j] = scale * (p[j]! * G1 + p[oB + j]! * G0);
    }
    g[oC] = scale * rTot[0]!;
    return rTot[2]!;
  }

  function hvp(
    p: Float64Array,
    u: Float64Array,
    s: SortedSamples,
    out: Float64Array,
    scale: number,
    gaussNewton = false,
  ): void {
    residualWalk(p, s);
    // The residual term r·∇²f is dropped for the Gauss-Newton product.
    const rw = gaussNewton ? 0 : 1;
    // The directional derivative J·u: per unit du_v·w + v·du_w and du_v·b + v·du_b.
    for (let j = 0; j < H; j++) {
      alpha[j] = u[oV + j]! * p[j]! + p[oV + j]! * u[j]!;
      beta[j] = u[oV + j]! * p[oB + j]! + p[oV + j]! * u[oB + j]!;
    }
    walk(s, u[oC]!, alpha, beta, false, q0, q1, qTot);
    // H·u = scale·Σ_i [J_i (J_i·u) + r_i ∇²f_i u]; ∇²f_i couples only v_j with w_j and b_j.
    for (let j = 0; j < H; j++) {
      const G0 = rw * weighted(j, r0[j]!, rTot[0]!);
      const G1 = rw * weighted(j, r1[j]!, rTot[1]!);
      const Q0 = weighted(j, q0[j]!, qTot[0]!);
      const Q1 = weighted(j, q1[j]!, qTot[1]!);
      const v = p[oV + j]!;
      const dv = u[oV + j]!;
      out[j] = scale * (v * Q1 + dv * G1);
      out[oB + j] = scale * (v * Q0 + dv * G0);
      out[oV + j] = scale * (p[j]! * Q1 + p[oB + j]! * Q0 + u[j]! * G1 + u[oB + j]! * G0);
    }
    out[oC] = scale * qTot[0]!;
  }

  return { hidden: H, sse, sseGrad, hvp };
}

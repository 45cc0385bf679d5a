/**
 * Fused kernels for networks with one hidden layer (the common case): forward pass, squared error
 * and backprop in one sweep per small group of samples, with no intermediate arrays. For the
 * piecewise-linear activations (relu, leakyRelu, linear: act(z) = z > 0 ? z : s·z) the group holds
 * 4 samples (1 input) or 2 samples (2 inputs) in registers while the loop runs over the units, so each
 * unit's parameters are loaded once per group and the gradient stores are amortised; smooth
 * activations use a per-sample loop that calls the activation's f and df.
 *
 * The pre-activation is computed as b + x·w (+ x2·w2) in that order, the same expression the exact
 * engine binary-searches, so both agree on which side of a kink each sample lies.
 *
 * All functions work on samples [i0, i1) of contiguous arrays (xs row-major n x inputs); callers
 * gather minibatches into a block first. Layout: W [inputs x H] row-major, b, v, c (spec.ts).
 *
 * Where the runtime has WebAssembly SIMD, the piecewise-linear cases (slope in [0, 1]) run on
 * shallowWasm.ts instead; the JavaScript kernels here are the fallback and the smooth activations.
 */
import type { Kernel } from '../objective';
import type { Activation } from './activations';
import { createShallowWasm } from './shallowWasm';

export interface ShallowKernel {
  /** 'wasm' for the WebAssembly SIMD kernel (shallowWasm.ts), else 'js'. */
  readonly kind: Kernel;
  /** Network outputs of samples [i0, i1) into out[0 .. i1-i0). */
  forward(p: Float64Array, xs: Float64Array, i0: number, i1: number, out: Float64Array): void;
  /** Σ (f(x_i) - y_i)² over samples [i0, i1). */
  sse(p: Float64Array, xs: Float64Array, ys: Float64Array, i0: number, i1: number): number;
  /** Σ (f - y)² over [i0, i1), and adds scale·Σ (f - y)·∂f/∂p into g. */
  sseGrad(
    p: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    i0: number,
    i1: number,
    g: Float64Array,
    scale: number,
  ): number;
}

/** Negative-side slope when the activation is piecewise linear through 0, else null. */
function pwlSlope(act: Activation, leakySlope: number): number | null {
  if (act.name === 'relu') return 0;
  if (act.name === 'leakyRelu') return leakySlope;
  if (act.name === 'linear') return 1;
  return null;
}

/** Which implementation runs the piecewise-linear cases: WebAssembly SIMD where available. */
export type KernelBackend = 'auto' | 'js';

export function createShallowKernel(
  inputs: 1 | 2,
  H: number,
  act: Activation,
  leakySlope: number,
  backend: KernelBackend = 'auto',
): ShallowKernel {
  const s = pwlSlope(act, leakySlope);
  if (s === null) return smooth(inputs, H, act, leakySlope);
  // Networks of one shape share one kernel (its buffers are scratch, and calls never overlap in a
  // thread): V8 then sees a single closure of the kernel functions and specialises them (the train,
  // test and recording objectives of a run would otherwise make them ~1.4x slower).
  const key = `${backend}:${inputs}:${H}:${s}`;
  let k = pwlCache.get(key);
  if (!k) {
    k = (backend === 'auto' && createShallowWasm(inputs, H, s)) || (inputs === 1 ? pwl1(H, s) : pwl2(H, s));
    pwlCache.set(key, k);
  }
  return k;
}

const pwlCache = new Map<string, ShallowKernel>();

/** One input, act(z) = z > 0 ? z : s·z, without branches. Groups of 4 samples. */
function pwl1(hidden: number, slope: number): ShallowKernel {
  // The kernels copy these into locals first: with several networks alive (a run's training, test
  // and recording objectives) the functions below have many closures, and V8 then reads closure
  // variables from the context inside the loops (measured 1.5x slower).
  const k = {
    H: hidden,
    s: slope,
    // act(z) = hp·z + hm·|z|
    hp: 0.5 * (1 + slope),
    hm: 0.5 * (1 - slope),
    // Per-unit sums of d·act'(z) and d·act'(z)·x over the current samples.
    G0: new Float64Array(hidden),
    G1: new Float64Array(hidden),
    // Per group of 4 samples: each unit's pattern of z > 0, and Σ act'·d (·x) per pattern.
    mask: new Uint8Array(hidden),
    T0: new Float64Array(16),
    T1: new Float64Array(16),
  };

  function forward(p: Float64Array, xs: Float64Array, i0: number, i1: number, out: Float64Array): void {
    const { H, s, hp, hm } = k;
    const oB = H;
    const oV = 2 * H;
    const oC = 3 * H;
    const c = p[oC]!;
    let i = i0;
    for (; i + 4 <= i1; i += 4) {
      const x0 = xs[i]!;
      const x1 = xs[i + 1]!;
      const x2 = xs[i + 2]!;
      const x3 = xs[i + 3]!;
      let f0 = c;
      let f1 = c;
      let f2 = c;
      let f3 = c;
      for (let j = 0; j < H; j++) {
        const w = p[j]!;
        const b = p[oB + j]!;
        const v = p[oV + j]!;
        const z0 = b + x0 * w;
        const z1 = b + x1 * w;
        const z2 = b + x2 * w;
        const z3 = b + x3 * w;
        // v·act(z) = vp·z + vm·|z| without a branch (sample order makes z > 0 unpredictable).
        const vp = v * hp;
        const vm = v * hm;
        f0 += vp * z0 + vm * Math.abs(z0);
        f1 += vp * z1 + vm * Math.abs(z1);
        f2 += vp * z2 + vm * Math.abs(z2);
        f3 += vp * z3 + vm * Math.abs(z3);
      }
      out[i - i0] = f0;
      out[i - i0 + 1] = f1;
      out[i - i0 + 2] = f2;
      out[i - i0 + 3] = f3;
    }
    for (; i < i1; i++) {
      const x0 = xs[i]!;
      let f0 = c;
      for (let j = 0; j < H; j++) {
        const z0 = p[oB + j]! + x0 * p[j]!;
        f0 += p[oV + j]! * (z0 > 0 ? z0 : s * z0);
      }
      out[i - i0] = f0;
    }
  }

  function sse(p: Float64Array, xs: Float64Array, ys: Float64Array, i0: number, i1: number): number {
    const { H, s, hp, hm } = k;
    const oB = H;
    const oV = 2 * H;
    const oC = 3 * H;
    const c = p[oC]!;
    let sum = 0;
    let i = i0;
    for (; i + 4 <= i1; i += 4) {
      const x0 = xs[i]!;
      const x1 = xs[i + 1]!;
      const x2 = xs[i + 2]!;
      const x3 = xs[i + 3]!;
      let f0 = c;
      let f1 = c;
      let f2 = c;
      let f3 = c;
      for (let j = 0; j < H; j++) {
        const w = p[j]!;
        const b = p[oB + j]!;
        const v = p[oV + j]!;
        const z0 = b + x0 * w;
        const z1 = b + x1 * w;
        const z2 = b + x2 * w;
        const z3 = b + x3 * w;
        // v·act(z) = vp·z + vm·|z| without a branch (sample order makes z > 0 unpredictable).
        const vp = v * hp;
        const vm = v * hm;
        f0 += vp * z0 + vm * Math.abs(z0);
        f1 += vp * z1 + vm * Math.abs(z1);
        f2 += vp * z2 + vm * Math.abs(z2);
        f3 += vp * z3 + vm * Math.abs(z3);
      }
      const e0 = f0 - ys[i]!;
      const e1 = f1 - ys[i + 1]!;
      const e2 = f2 - ys[i + 2]!;
      const e3 = f3 - ys[i + 3]!;
      sum += e0 * e0 + e1 * e1 + (e2 * e2 + e3 * e3);
    }
    for (; i < i1; i++) {
      const x0 = xs[i]!;
      let f0 = c;
      for (let j = 0; j < H; j++) {
        const z0 = p[oB + j]! + x0 * p[j]!;
        f0 += p[oV + j]! * (z0 > 0 ? z0 : s * z0);
      }
      const e0 = f0 - ys[i]!;
      sum += e0 * e0;
    }
    return sum;
  }

  function sseGrad(
    p: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    i0: number,
    i1: number,
    g: Float64Array,
    scale: number,
  ): number {
    const { H, s, hp, hm, G0, G1, mask, T0, T1 } = k;
    const toggle = 1 - s;
    const oB = H;
    const oV = 2 * H;
    const oC = 3 * H;
    const c = p[oC]!;
    let sum = 0;
    let gc = 0;
    G0.fill(0);
    G1.fill(0);
    let i = i0;
    for (; i + 4 <= i1; i += 4) {
      const x0 = xs[i]!;
      const x1 = xs[i + 1]!;
      const x2 = xs[i + 2]!;
      const x3 = xs[i + 3]!;
      let f0 = c;
      let f1 = c;
      let f2 = c;
      let f3 = c;
      for (let j = 0; j < H; j++) {
        const w = p[j]!;
        const b = p[oB + j]!;
        const v = p[oV + j]!;
        const z0 = b + x0 * w;
        const z1 = b + x1 * w;
        const z2 = b + x2 * w;
        const z3 = b + x3 * w;
        // v·act(z) = vp·z + vm·|z| without a branch (sample order makes z > 0 unpredictable).
        const vp = v * hp;
        const vm = v * hm;
        f0 += vp * z0 + vm * Math.abs(z0);
        f1 += vp * z1 + vm * Math.abs(z1);
        f2 += vp * z2 + vm * Math.abs(z2);
        f3 += vp * z3 + vm * Math.abs(z3);
        mask[j] = (z0 > 0 ? 1 : 0) | (z1 > 0 ? 2 : 0) | (z2 > 0 ? 4 : 0) | (z3 > 0 ? 8 : 0);
      }
      const e0 = f0 - ys[i]!;
      const e1 = f1 - ys[i + 1]!;
      const e2 = f2 - ys[i + 2]!;
      const e3 = f3 - ys[i + 3]!;
      sum += e0 * e0 + e1 * e1 + (e2 * e2 + e3 * e3);
      const d0 = scale * e0;
      const d1 = scale * e1;
      const d2 = scale * e2;
      const d3 = scale * e3;
      gc += d0 + d1 + (d2 + d3);
      // Σ_k act'(z_k)·d_k (and ·x_k) for each of the 16 active patterns of the group, then one table
      // lookup per unit by the pattern the forward pass recorded.
      const q0 = toggle * d0;
      const q1 = toggle * d1;
      const q2 = toggle * d2;
      const q3 = toggle * d3;
      T0[0] = s * (d0 + d1 + (d2 + d3));
      T1[0] = s * (d0 * x0 + d1 * x1 + (d2 * x2 + d3 * x3));
      T0[1] = T0[0]! + q0;
      T1[1] = T1[0]! + q0 * x0;
      for (let m = 2; m < 4; m++) {
        T0[m] = T0[m - 2]! + q1;
        T1[m] = T1[m - 2]! + q1 * x1;
      }
      for (let m = 4; m < 8; m++) {
        T0[m] = T0[m - 4]! + q2;
        T1[m] = T1[m - 4]! + q2 * x2;
      }
      for (let m = 8; m < 16; m++) {
        T0[m] = T0[m - 8]! + q3;
        T1[m] = T1[m - 8]! + q3 * x3;
      }
      for (let j = 0; j < H; j++) {
        const m = mask[j]!;
        G1[j] = G1[j]! + T1[m]!;
        G0[j] = G0[j]! + T0[m]!;
      }
    }
    for (; i < i1; i++) {
      const x0 = xs[i]!;
      let f0 = c;
      for (let j = 0; j < H; j++) {
        const z0 = p[oB + j]! + x0 * p[j]!;
        f0 += p[oV + j]! * (z0 > 0 ? z0 : s * z0);
      }
      const e0 = f0 - ys[i]!;
      sum += e0 * e0;
      const d0 = scale * e0;
      gc += d0;
      for (let j = 0; j < H; j++) {
        const z0 = p[oB + j]! + x0 * p[j]!;
        const a0 = z0 > 0 ? d0 : s * d0;
        G1[j] = G1[j]! + a0 * x0;
        G0[j] = G0[j]! + a0;
      }
    }
    g[oC] = g[oC]! + gc;
    // act(z) = act'(z)·z on both sides, so Σ d·act(z) = b·Σ d·act' + w·Σ d·act'·x.
    for (let j = 0; j < H; j++) {
      const v = p[oV + j]!;
      const g0 = G0[j]!;
      const g1 = G1[j]!;
      g[j] = g[j]! + v * g1;
      g[oB + j] = g[oB + j]! + v * g0;
      g[oV + j] = g[oV + j]! + p[j]! * g1 + p[oB + j]! * g0;
    }
    return sum;
  }

  return { kind: 'js', forward, sse, sseGrad };
}

/** Two inputs, act(z) = z > 0 ? z : s·z. Groups of 2 samples. */
function pwl2(H: number, s: number): ShallowKernel {
  const oW2 = H;
  const oB = 2 * H;
  const oV = 3 * H;
  const oC = 4 * H;

  function out1(p: Float64Array, xa: number, xb: number): number {
    let f = p[oC]!;
    for (let j = 0; j < H; j++) {
      const z = p[oB + j]! + xa * p[j]! + xb * p[oW2 + j]!;
      f += p[oV + j]! * (z > 0 ? z : s * z);
    }
    return f;
  }

  function forward(p: Float64Array, xs: Float64Array, i0: number, i1: number, out: Float64Array): void {
    const c = p[oC]!;
    let i = i0;
    for (; i + 2 <= i1; i += 2) {
      const xa0 = xs[2 * i]!;
      const xb0 = xs[2 * i + 1]!;
      const xa1 = xs[2 * i + 2]!;
      const xb1 = xs[2 * i + 3]!;
      let f0 = c;
      let f1 = c;
      for (let j = 0; j < H; j++) {
        const w1 = p[j]!;
        const w2 = p[oW2 + j]!;
        const b = p[oB + j]!;
        const v = p[oV + j]!;
        const z0 = b + xa0 * w1 + xb0 * w2;
        const z1 = b + xa1 * w1 + xb1 * w2;
        f0 += v * (z0 > 0 ? z0 : s * z0);
        f1 += v * (z1 > 0 ? z1 : s * z1);
      }
      out[i - i0] = f0;
      out[i - i0 + 1] = f1;
    }
    if (i < i1) out[i - i0] = out1(p, xs[2 * i]!, xs[2 * i + 1]!);
  }

  function sse(p: Float64Array, xs: Float64Array, ys: Float64Array, i0: number, i1: number): number {
    const c = p[oC]!;
    let sum = 0;
    let i = i0;
    for (; i + 2 <= i1; i += 2) {
      const xa0 = xs[2 * i]!;
      const xb0 = xs[2 * i + 1]!;
      const xa1 = xs[2 * i + 2]!;
      const xb1 = xs[2 * i + 3]!;
      let f0 = c;
      let f1 = c;
      for (let j = 0; j < H; j++) {
        const w1 = p[j]!;
        const w2 = p[oW2 + j]!;
        const b = p[oB + j]!;
        const v = p[oV + j]!;
        const z0 = b + xa0 * w1 + xb0 * w2;
        const z1 = b + xa1 * w1 + xb1 * w2;
        f0 += v * (z0 > 0 ? z0 : s * z0);
        f1 += v * (z1 > 0 ? z1 : s * z1);
      }
      const e0 = f0 - ys[i]!;
      const e1 = f1 - ys[i + 1]!;
      sum += e0 * e0 + e1 * e1;
    }
    if (i < i1) {
      const e = out1(p, xs[2 * i]!, xs[2 * i + 1]!) - ys[i]!;
      sum += e * e;
    }
    return sum;
  }

  function sseGrad(
    p: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    i0: number,
    i1: number,
    g: Float64Array,
    scale: number,
  ): number {
    let sum = 0;
    let gc = 0;
    for (let i = i0; i < i1; i += 2) {
      const two = i + 1 < i1;
      const xa0 = xs[2 * i]!;
      const xb0 = xs[2 * i + 1]!;
      // A lone last sample is paired with itself and given zero weight.
      const xa1 = two ? xs[2 * i + 2]! : xa0;
      const xb1 = two ? xs[2 * i + 3]! : xb0;
      let f0 = p[oC]!;
      let f1 = f0;
      for (let j = 0; j < H; j++) {
        const w1 = p[j]!;
        const w2 = p[oW2 + j]!;
        const b = p[oB + j]!;
        const v = p[oV + j]!;
        const z0 = b + xa0 * w1 + xb0 * w2;
        const z1 = b + xa1 * w1 + xb1 * w2;
        f0 += v * (z0 > 0 ? z0 : s * z0);
        f1 += v * (z1 > 0 ? z1 : s * z1);
      }
      const e0 = f0 - ys[i]!;
      const e1 = two ? f1 - ys[i + 1]! : 0;
      sum += e0 * e0 + e1 * e1;
      const d0 = scale * e0;
      const d1 = scale * e1;
      gc += d0 + d1;
      for (let j = 0; j < H; j++) {
        const w1 = p[j]!;
        const w2 = p[oW2 + j]!;
        const b = p[oB + j]!;
        const z0 = b + xa0 * w1 + xb0 * w2;
        const z1 = b + xa1 * w1 + xb1 * w2;
        const a0 = z0 > 0 ? d0 : s * d0;
        const a1 = z1 > 0 ? d1 : s * d1;
        const v = p[oV + j]!;
        g[j] = g[j]! + v * (a0 * xa0 + a1 * xa1);
        g[oW2 + j] = g[oW2 + j]! + v * (a0 * xb0 + a1 * xb1);
        g[oB + j] = g[oB + j]! + v * (a0 + a1);
        g[oV + j] = g[oV + j]! + a0 * z0 + a1 * z1;
      }
    }
    g[oC] = g[oC]! + gc;
    return sum;
  }

  return { kind: 'js', forward, sse, sseGrad };
}

/** Smooth activations, 1 or 2 inputs: per-sample loops; pre-activations kept in one H-vector. */
function smooth(inputs: 1 | 2, H: number, act: Activation, slope: number): ShallowKernel {
  const d = inputs;
  const oB = d * H;
  const oV = (d + 1) * H;
  const oC = (d + 2) * H;
  const z = new Float64Array(H);
  const f = act.f;
  const df = act.df;

  function pre(p: Float64Array, xs: Float64Array, i: number): void {
    const xa = xs[d * i]!;
    if (d === 1) {
      for (let j = 0; j < H; j++) z[j] = p[oB + j]! + xa * p[j]!;
    } else {
      const xb = xs[d * i + 1]!;
      for (let j = 0; j < H; j++) z[j] = p[oB + j]! + xa * p[j]! + xb * p[H + j]!;
    }
  }

  function out1(p: Float64Array): number {
    let o = p[oC]!;
    for (let j = 0; j < H; j++) o += p[oV + j]! * f(z[j]!, slope);
    return o;
  }

  return {
    kind: 'js',
    forward(p, xs, i0, i1, out) {
      for (let i = i0; i < i1; i++) {
        pre(p, xs, i);
        out[i - i0] = out1(p);
      }
    },
    sse(p, xs, ys, i0, i1) {
      let sum = 0;
      for (let i = i0; i < i1; i++) {
        pre(p, xs, i);
        const e = out1(p) - ys[i]!;
        sum += e * e;
      }
      return sum;
    },
    sseGrad(p, xs, ys, i0, i1, g, scale) {
      let sum = 0;
      let gc = 0;
      for (let i = i0; i < i1; i++) {
        pre(p, xs, i);
        const e = out1(p) - ys[i]!;
        sum += e * e;
        const dd = scale * e;
        gc += dd;
        const xa = xs[d * i]!;
        const xb = d === 2 ? xs[d * i + 1]! : 0;
        for (let j = 0; j < H; j++) {
          const zj = z[j]!;
          const a = dd * df(zj, slope);
          const v = p[oV + j]!;
          g[j] = g[j]! + v * a * xa;
          if (d === 2) g[H + j] = g[H + j]! + v * a * xb;
          g[oB + j] = g[oB + j]! + v * a;
          g[oV + j] = g[oV + j]! + dd * f(zj, slope);
        }
      }
      g[oC] = g[oC]! + gc;
      return sum;
    },
  };
}

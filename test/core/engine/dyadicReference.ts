/**
 * An exact reference for the loss and gradient of a 1-H-1 piecewise-linear network: every float64 is
 * a dyadic rational m·2^e, so the network's output, the residuals, their squares and sums are computed
 * exactly with BigInt mantissas — no rounding anywhere, an independent truth at any loss (1e-30 and
 * below). Which side of a kink a sample is on follows the engines' own rule, the floating-point test
 * b + x·w > 0 (a discrete choice the engines make bit for bit); everything continuous is exact.
 */

export interface Dyadic {
  m: bigint;
  e: number;
}

const ZERO: Dyadic = { m: 0n, e: 0 };
const view = new DataView(new ArrayBuffer(8));

export function dyadic(x: number): Dyadic {
  if (!Number.isFinite(x)) throw new RangeError('dyadic needs a finite number');
  if (x === 0) return ZERO;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let frac = bits & ((1n << 52n) - 1n);
  let e = -1074;
  if (expBits !== 0) {
    frac |= 1n << 52n;
    e = expBits - 1075;
  }
  return { m: bits >> 63n ? -frac : frac, e };
}

export function add(a: Dyadic, b: Dyadic): Dyadic {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}

export const sub = (a: Dyadic, b: Dyadic): Dyadic => add(a, { m: -b.m, e: b.e });
export const mul = (a: Dyadic, b: Dyadic): Dyadic => ({ m: a.m * b.m, e: a.e + b.e });

/** The nearest double (to within a few ulps: the mantissa is cut to 64 bits first). */
export function toNumber(a: Dyadic): number {
  let { m, e } = a;
  const bitsLen = (m < 0n ? -m : m).toString(2).length;
  if (bitsLen > 64) {
    const cut = bitsLen - 64;
    m >>= BigInt(cut);
    e += cut;
  }
  // Split the power so neither factor under- or overflows on the way.
  const half = Math.trunc(e / 2);
  return Number(m) * 2 ** half * 2 ** (e - half);
}

export interface Reference {
  /** MSE, exact, rounded once at the end. */
  loss: number;
  /** ∇MSE, each entry exact, rounded once. */
  grad: Float64Array;
  /** Exact residuals f(x_i) - y_i, rounded once. */
  residuals: Float64Array;
  /**
   * Per sample |c| + Σ_j |v_j·act(z_j)| + |y_i|: the magnitudes a float64 evaluation of the residual
   * adds, so its rounding error is a few eps times this (the float64 floor of the residuals).
   */
  scale: Float64Array;
}

/** Exact MSE and gradient of the 1-H-1 network p (layout w, b, v, c) with negative-side slope `slope`. */
export function exactReference(
  p: Float64Array,
  H: number,
  slope: number,
  x: Float64Array,
  y: Float64Array,
): Reference {
  const n = x.length;
  const P = Array.from(p, dyadic);
  const s = dyadic(slope);
  const g: Dyadic[] = Array.from({ length: 3 * H + 1 }, () => ZERO);
  const residuals = new Float64Array(n);
  const scale = new Float64Array(n);
  let sse = ZERO;
  const act = new Array<boolean>(H);
  const z = new Array<Dyadic>(H);
  for (let i = 0; i < n; i++) {
    const xi = dyadic(x[i]!);
    let f = P[3 * H]!;
    let mag = Math.abs(p[3 * H]!) + Math.abs(y[i]!);
    for (let j = 0; j < H; j++) {
      act[j] = p[H + j]! + x[i]! * p[j]! > 0;
      z[j] = add(mul(P[j]!, xi), P[H + j]!);
      const a = act[j] ? z[j]! : mul(s, z[j]!);
      f = add(f, mul(P[2 * H + j]!, a));
      mag += Math.abs(toNumber(mul(P[2 * H + j]!, a)));
    }
    const r = sub(f, dyadic(y[i]!));
    residuals[i] = toNumber(r);
    scale[i] = mag;
    sse = add(sse, mul(r, r));
    // ∂f/∂w_j = v·act'·x, ∂f/∂b_j = v·act', ∂f/∂v_j = act(z), ∂f/∂c = 1.
    for (let j = 0; j < H; j++) {
      const d = act[j] ? dyadic(1) : s;
      const rvd = mul(mul(r, P[2 * H + j]!), d);
      g[j] = add(g[j]!, mul(rvd, xi));
      g[H + j] = add(g[H + j]!, rvd);
      g[2 * H + j] = add(g[2 * H + j]!, mul(mul(r, d), z[j]!));
    }
    g[3 * H] = add(g[3 * H]!, r);
  }
  return {
    loss: toNumber(sse) / n,
    grad: Float64Array.from(g, (v) => (2 * toNumber(v)) / n),
    residuals,
    scale,
  };
}

/**
 * The dense evaluation path: forward pass, MSE loss and gradient by backprop for any depth and
 * 1 or 2 inputs. Samples are processed in blocks so all buffers are allocated once, at creation.
 * MSE = mean over the active samples of (f(x) - y)^2, no factor 1/2.
 */
import { getActivation } from './activations';
import { layoutOf, type Layout, type NetworkSpec } from './spec';

const BLOCK = 128;

export interface DenseNetwork {
  readonly spec: NetworkSpec;
  readonly layout: Layout;
  readonly dim: number;
  /** Network outputs for inputs xs (n*inputs row-major) into out (length n). */
  predict(params: Float64Array, xs: Float64Array, out: Float64Array): void;
  /** MSE on the given samples (or the listed subset). */
  loss(params: Float64Array, xs: Float64Array, ys: Float64Array, subset?: Int32Array | null): number;
  /** MSE and its gradient (written into grad) on the given samples (or the listed subset). */
  lossGrad(
    params: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    grad: Float64Array,
    subset?: Int32Array | null,
  ): number;
}

export function createDenseNetwork(spec: NetworkSpec): DenseNetwork {
  const layout = layoutOf(spec);
  const act = getActivation(spec.activation);
  const slope = spec.leakySlope;
  const L = layout.layers.length;
  const widths = layout.widths;
  // z[l], a[l] for l = 0..L (a[0] holds the inputs of the block); d[l] the backprop deltas.
  const z = widths.map((w) => new Float64Array(BLOCK * w));
  const a = widths.map((w) => new Float64Array(BLOCK * w));
  const d = widths.map((w) => new Float64Array(BLOCK * w));
  const nIn = spec.inputs;

  function loadBlock(
    xs: Float64Array,
    start: number,
    m: number,
    subset: Int32Array | null | undefined,
  ): void {
    const a0 = a[0]!;
    for (let r = 0; r < m; r++) {
      const s = subset ? subset[start + r]! : start + r;
      for (let i = 0; i < nIn; i++) a0[r * nIn + i] = xs[s * nIn + i]!;
    }
  }

  function forwardBlock(p: Float64Array, m: number): void {
    for (let l = 1; l <= L; l++) {
      const ly = layout.layers[l - 1]!;
      const fi = ly.fanIn;
      const fo = ly.fanOut;
      const ain = a[l - 1]!;
      const zl = z[l]!;
      const al = a[l]!;
      for (let r = 0; r < m; r++) {
        const zo = r * fo;
        for (let j = 0; j < fo; j++) zl[zo + j] = p[ly.b + j]!;
        for (let i = 0; i < fi; i++) {
          const v = ain[r * fi + i]!;
          if (v === 0) continue;
          const wo = ly.w + i * fo;
          for (let j = 0; j < fo; j++) zl[zo + j] += v * p[wo + j]!;
        }
      }
      const n = m * fo;
      if (l === L) {
        for (let k = 0; k < n; k++) al[k] = zl[k]!;
      } else {
        for (let k = 0; k < n; k++) al[k] = act.f(zl[k]!, slope);
      }
    }
  }

  function predict(p: Float64Array, xs: Float64Array, out: Float64Array): void {
    const n = out.length;
    const aL = a[L]!;
    for (let start = 0; start < n; start += BLOCK) {
      const m = Math.min(BLOCK, n - start);
      loadBlock(xs, start, m, null);
      forwardBlock(p, m);
      for (let r = 0; r < m; r++) out[start + r] = aL[r]!;
    }
  }

  function loss(p: Float64Array, xs: Float64Array, ys: Float64Array, subset?: Int32Array | null): number {
    const n = subset ? subset.length : ys.length;
    const aL = a[L]!;
    let sum = 0;
    for (let start = 0; start < n; start += BLOCK) {
      const m = Math.min(BLOCK, n - start);
      loadBlock(xs, start, m, subset);
      forwardBlock(p, m);
      for (let r = 0; r < m; r++) {
        const e = aL[r]! - ys[subset ? subset[start + r]! : start + r]!;
        sum += e * e;
      }
    }
    return sum / n;
  }

  function lossGrad(
    p: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    grad: Float64Array,
    subset?: Int32Array | null,
  ): number {
    const n = subset ? subset.length : ys.length;
    grad.fill(0);
    const aL = a[L]!;
    const scale = 2 / n;
    let sum = 0;
    for (let start = 0; start < n; start += BLOCK) {
      const m = Math.min(BLOCK, n - start);
      loadBlock(xs, start, m, subset);
      forwardBlock(p, m);
      const dL = d[L]!;
      for (let r = 0; r < m; r++) {
        const e = aL[r]! - ys[subset ? subset[start + r]! : start + r]!;
        sum += e * e;
        dL[r] = scale * e;
      }
      for (let l = L; l >= 1; l--) {
        const ly = layout.layers[l - 1]!;
        const fi = ly.fanIn;
        const fo = ly.fanOut;
        const dl = d[l]!;
        const ain = a[l - 1]!;
        // gradient of W and b
        for (let r = 0; r < m; r++) {
          const dro = r * fo;
          for (let j = 0; j < fo; j++) grad[ly.b + j] += dl[dro + j]!;
          for (let i = 0; i < fi; i++) {
            const v = ain[r * fi + i]!;
            if (v === 0) continue;
            const wo = ly.w + i * fo;
            for (let j = 0; j < fo; j++) grad[wo + j] += v * dl[dro + j]!;
          }
        }
        if (l > 1) {
          const dprev = d[l - 1]!;
          const zprev = z[l - 1]!;
          for (let r = 0; r < m; r++) {
            const dro = r * fo;
            for (let i = 0; i < fi; i++) {
              const wo = ly.w + i * fo;
              let s = 0;
              for (let j = 0; j < fo; j++) s += p[wo + j]! * dl[dro + j]!;
              dprev[r * fi + i] = s * act.df(zprev[r * fi + i]!, slope);
            }
          }
        }
      }
    }
    return sum / n;
  }

  return { spec, layout, dim: layout.size, predict, loss, lossGrad };
}

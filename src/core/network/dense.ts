/**
 * The dense evaluation path: forward pass, loss and gradient by backprop for any depth and 1..64 inputs.
 * The loss is the mean over the active samples of the per-sample loss of losses.ts (MSE: (f(x) - y)^2,
 * no factor 1/2; BCE on the logit f).
 *
 * One hidden layer with 1 or 2 inputs and MSE goes through the fused kernels of denseShallow.ts. Every
 * other network (deeper, more inputs, another loss) processes samples
 * in blocks of BLOCK with per-layer buffers allocated once at creation; the activation is chosen once
 * per layer and block (a switch outside the element loops), never per element. Minibatches are
 * gathered block by block into contiguous buffers, so every kernel reads contiguous memory.
 */
import type { Kernel } from '../objective';
import { getActivation, type Activation } from './activations';
import { createShallowKernel, type ShallowKernel } from './denseShallow';
import { losses, type PointLoss } from './losses';
import { expandParams, fixedEntries, layoutOf, restrictParams, type Layout, type NetworkSpec } from './spec';

const BLOCK = 256;

export interface DenseNetwork {
  readonly spec: NetworkSpec;
  readonly layout: Layout;
  readonly dim: number;
  /** What runs the loss and gradient: the WebAssembly SIMD kernel or JavaScript. */
  readonly kernel: Kernel;
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

/** Block kernels over contiguous samples [i0, i1): what both the shallow and the deep path provide. */
type BlockKernel = ShallowKernel;

export function createDenseNetwork(spec: NetworkSpec): DenseNetwork {
  const layout = layoutOf(spec);
  const act = getActivation(spec.activation);
  const nIn = spec.inputs;
  const lossName = spec.loss ?? 'mse';
  const pointLoss = losses.get(lossName);
  if (!pointLoss) throw new Error(`unknown loss '${lossName}'`);
  // The fused kernels add (2/n)·Σ (f - y)·∂f/∂p; the generic one (1/n)·Σ ℓ'(f, y)·∂f/∂p.
  const shallow = spec.hidden.length === 1 && (nIn === 1 || nIn === 2) && lossName === 'mse';
  const kernel: BlockKernel = shallow
    ? createShallowKernel(nIn, spec.hidden[0]!, act, spec.leakySlope)
    : createDeepKernel(spec, layout, act, pointLoss);
  const gradFactor = shallow ? 2 : 1;
  // Gather buffers for minibatches.
  const bx = new Float64Array(BLOCK * nIn);
  const by = new Float64Array(BLOCK);

  function gather(xs: Float64Array, ys: Float64Array, subset: Int32Array, start: number, m: number): void {
    for (let r = 0; r < m; r++) {
      const s = subset[start + r]!;
      for (let i = 0; i < nIn; i++) bx[r * nIn + i] = xs[s * nIn + i]!;
      by[r] = ys[s]!;
    }
  }

  function predict(p: Float64Array, xs: Float64Array, out: Float64Array): void {
    const n = out.length;
    for (let start = 0; start < n; start += BLOCK) {
      const end = Math.min(n, start + BLOCK);
      kernel.forward(p, xs, start, end, out.subarray(start, end));
    }
  }

  function loss(p: Float64Array, xs: Float64Array, ys: Float64Array, subset?: Int32Array | null): number {
    if (!subset) {
      const n = ys.length;
      let sum = 0;
      for (let start = 0; start < n; start += BLOCK)
        sum += kernel.sse(p, xs, ys, start, Math.min(n, start + BLOCK));
      return sum / n;
    }
    const n = subset.length;
    let sum = 0;
    for (let start = 0; start < n; start += BLOCK) {
      const m = Math.min(BLOCK, n - start);
      gather(xs, ys, subset, start, m);
      sum += kernel.sse(p, bx, by, 0, m);
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
    grad.fill(0);
    const n = subset ? subset.length : ys.length;
    const scale = gradFactor / n;
    let sum = 0;
    for (let start = 0; start < n; start += BLOCK) {
      const m = Math.min(BLOCK, n - start);
      if (subset) {
        gather(xs, ys, subset, start, m);
        sum += kernel.sseGrad(p, bx, by, 0, m, grad, scale);
      } else sum += kernel.sseGrad(p, xs, ys, start, start + m, grad, scale);
    }
    return sum / n;
  }

  const fx = fixedEntries(spec);
  if (!fx) return { spec, layout, dim: layout.size, kernel: kernel.kind, predict, loss, lossGrad };
  // Fixed entries (bias false, output sum): the kernels run on the full layout, callers see the free entries.
  const full = new Float64Array(layout.size);
  const gFull = new Float64Array(layout.size);
  return {
    spec,
    layout,
    dim: fx.free.length,
    kernel: kernel.kind,
    predict: (p, xs, out) => (expandParams(fx, p, full), predict(full, xs, out)),
    loss: (p, xs, ys, subset) => (expandParams(fx, p, full), loss(full, xs, ys, subset)),
    lossGrad(p, xs, ys, grad, subset) {
      expandParams(fx, p, full);
      const l = lossGrad(full, xs, ys, gFull, subset);
      restrictParams(fx, gFull, grad);
      return l;
    },
  };
}

/** act over n entries of z into a; the switch runs once per call, not per element. */
function activate(act: Activation, slope: number, z: Float64Array, a: Float64Array, n: number): void {
  switch (act.name) {
    case 'relu':
      for (let k = 0; k < n; k++) {
        const v = z[k]!;
        a[k] = v > 0 ? v : 0;
      }
      return;
    case 'leakyRelu':
      for (let k = 0; k < n; k++) {
        const v = z[k]!;
        a[k] = v > 0 ? v : slope * v;
      }
      return;
    case 'linear':
      for (let k = 0; k < n; k++) a[k] = z[k]!;
      return;
    case 'tanh':
      for (let k = 0; k < n; k++) a[k] = Math.tanh(z[k]!);
      return;
    default:
      for (let k = 0; k < n; k++) a[k] = act.f(z[k]!, slope);
  }
}

/** d[k] *= act'(z[k]) over n entries. */
function scaleByDerivative(
  act: Activation,
  slope: number,
  z: Float64Array,
  d: Float64Array,
  n: number,
): void {
  switch (act.name) {
    case 'relu':
      for (let k = 0; k < n; k++) if (!(z[k]! > 0)) d[k] = 0;
      return;
    case 'leakyRelu':
      for (let k = 0; k < n; k++) if (!(z[k]! > 0)) d[k] = d[k]! * slope;
      return;
    case 'linear':
      return;
    default:
      for (let k = 0; k < n; k++) d[k] = d[k]! * act.df(z[k]!, slope);
  }
}

/**
 * Any depth, inputs and loss: per-layer block buffers, matrix loops over [rows x fanIn] · [fanIn x fanOut].
 * `sse` returns Σ ℓ(f, y) and `sseGrad` adds scale·Σ ℓ'(f, y)·∂f/∂p (for MSE ℓ' = 2(f - y)).
 */
function createDeepKernel(spec: NetworkSpec, layout: Layout, act: Activation, loss: PointLoss): BlockKernel {
  const isMse = loss.name === 'mse';
  const slope = spec.leakySlope;
  const L = layout.layers.length;
  const widths = layout.widths;
  const nIn = spec.inputs;
  // z[l], a[l] for l = 0..L (a[0] holds the inputs of the block); d[l] the backprop deltas.
  const z = widths.map((w) => new Float64Array(BLOCK * w));
  const a = widths.map((w) => new Float64Array(BLOCK * w));
  const d = widths.map((w) => new Float64Array(BLOCK * w));

  function forwardBlock(p: Float64Array, xs: Float64Array, i0: number, m: number): void {
    const a0 = a[0]!;
    for (let k = 0; k < m * nIn; k++) a0[k] = xs[i0 * nIn + k]!;
    for (let l = 1; l <= L; l++) {
      const ly = layout.layers[l - 1]!;
      const fi = ly.fanIn;
      const fo = ly.fanOut;
      const ain = a[l - 1]!;
      const zl = z[l]!;
      for (let r = 0; r < m; r++) {
        const zo = r * fo;
        for (let j = 0; j < fo; j++) zl[zo + j] = p[ly.b + j]!;
        for (let i = 0; i < fi; i++) {
          const v = ain[r * fi + i]!;
          if (v === 0) continue;
          const wo = ly.w + i * fo;
          for (let j = 0; j < fo; j++) zl[zo + j] = zl[zo + j]! + v * p[wo + j]!;
        }
      }
      if (l === L) a[l]!.set(zl.subarray(0, m * fo));
      else activate(act, slope, zl, a[l]!, m * fo);
    }
  }

  function blocks(i0: number, i1: number, body: (start: number, m: number) => void): void {
    for (let start = i0; start < i1; start += BLOCK) body(start, Math.min(BLOCK, i1 - start));
  }

  return {
    kind: 'js',
    forward(p, xs, i0, i1, out) {
      const aL = a[L]!;
      blocks(i0, i1, (start, m) => {
        forwardBlock(p, xs, start, m);
        for (let r = 0; r < m; r++) out[start - i0 + r] = aL[r]!;
      });
    },
    sse(p, xs, ys, i0, i1) {
      const aL = a[L]!;
      let sum = 0;
      blocks(i0, i1, (start, m) => {
        forwardBlock(p, xs, start, m);
        if (isMse)
          for (let r = 0; r < m; r++) {
            const e = aL[r]! - ys[start + r]!;
            sum += e * e;
          }
        else for (let r = 0; r < m; r++) sum += loss.value(aL[r]!, ys[start + r]!);
      });
      return sum;
    },
    sseGrad(p, xs, ys, i0, i1, grad, scale) {
      const aL = a[L]!;
      let sum = 0;
      blocks(i0, i1, (start, m) => {
        forwardBlock(p, xs, start, m);
        const dL = d[L]!;
        if (isMse)
          for (let r = 0; r < m; r++) {
            const e = aL[r]! - ys[start + r]!;
            sum += e * e;
            dL[r] = scale * (2 * e);
          }
        else
          for (let r = 0; r < m; r++) {
            const f = aL[r]!;
            const y = ys[start + r]!;
            sum += loss.value(f, y);
            dL[r] = scale * loss.d1(f, y);
          }
        for (let l = L; l >= 1; l--) {
          const ly = layout.layers[l - 1]!;
          const fi = ly.fanIn;
          const fo = ly.fanOut;
          const dl = d[l]!;
          const ain = a[l - 1]!;
          for (let r = 0; r < m; r++) {
            const dro = r * fo;
            for (let j = 0; j < fo; j++) grad[ly.b + j] = grad[ly.b + j]! + dl[dro + j]!;
            for (let i = 0; i < fi; i++) {
              const v = ain[r * fi + i]!;
              if (v === 0) continue;
              const wo = ly.w + i * fo;
              for (let j = 0; j < fo; j++) grad[wo + j] = grad[wo + j]! + v * dl[dro + j]!;
            }
          }
          if (l > 1) {
            const dprev = d[l - 1]!;
            for (let r = 0; r < m; r++) {
              const dro = r * fo;
              for (let i = 0; i < fi; i++) {
                const wo = ly.w + i * fo;
                let s = 0;
                for (let j = 0; j < fo; j++) s += p[wo + j]! * dl[dro + j]!;
                dprev[r * fi + i] = s;
              }
            }
            scaleByDerivative(act, slope, z[l - 1]!, dprev, m * fi);
          }
        }
      });
      return sum;
    },
  };
}

/**
 * A network's shape and its flat parameter layout.
 *
 * Layout (fixed, documented in docs/architecture.md): for each layer l = 1..L in order, the weight
 * matrix W_l as [fanIn x fanOut] row-major (W[i*fanOut + j] connects input i to unit j), then the
 * bias b_l of length fanOut; h_l = act(h_{l-1} W_l + b_l). The last layer has one unit and is linear.
 */

export interface NetworkSpec {
  /** 1..64 inputs. */
  readonly inputs: number;
  readonly hidden: readonly number[];
  readonly activation: string;
  /** Negative-side slope of leakyRelu. */
  readonly leakySlope: number;
  /** false: every bias is fixed at 0 and is not a parameter (default true). */
  readonly bias?: boolean;
  /** 'sum': output weights fixed at 1 and output bias at 0, not parameters (default 'linear'). */
  readonly output?: 'linear' | 'sum';
  /** The per-sample loss of losses.ts (default 'mse'). */
  readonly loss?: string;
}

export interface LayerLayout {
  readonly fanIn: number;
  readonly fanOut: number;
  /** Offset of W (fanIn*fanOut entries) in the flat vector. */
  readonly w: number;
  /** Offset of b (fanOut entries). */
  readonly b: number;
}

export interface Layout {
  readonly layers: readonly LayerLayout[];
  readonly size: number;
  /** Widths including input and output: [inputs, ...hidden, 1]. */
  readonly widths: readonly number[];
}

export function layoutOf(spec: Pick<NetworkSpec, 'inputs' | 'hidden'>): Layout {
  const widths = [spec.inputs, ...spec.hidden, 1];
  const layers: LayerLayout[] = [];
  let off = 0;
  for (let l = 1; l < widths.length; l++) {
    const fanIn = widths[l - 1]!;
    const fanOut = widths[l]!;
    layers.push({ fanIn, fanOut, w: off, b: off + fanIn * fanOut });
    off += fanIn * fanOut + fanOut;
  }
  return { layers, size: off, widths };
}

type Shape = Pick<NetworkSpec, 'inputs' | 'hidden' | 'bias' | 'output'>;

/**
 * Which entries of the full layout are parameters. With `bias: false` or `output: 'sum'` some entries are
 * fixed (biases 0, output weights 1); the parameter vector then holds the free entries alone, in layout
 * order (Safran & Shamir's student, bias false and output sum: W_1 alone, [inputs x hidden] row-major).
 * Null when every entry is free (the usual case: the parameter vector is the full layout).
 */
export interface FixedEntries {
  /** Indices of the free entries in the full layout, increasing. */
  readonly free: Int32Array;
  /** The full vector with every fixed entry at its value and free entries 0. */
  readonly base: Float64Array;
}

export function fixedEntries(spec: Shape): FixedEntries | null {
  const noBias = spec.bias === false;
  const sum = spec.output === 'sum';
  if (!noBias && !sum) return null;
  const layout = layoutOf(spec);
  const base = new Float64Array(layout.size);
  const isFree = new Uint8Array(layout.size).fill(1);
  layout.layers.forEach((ly, li) => {
    const isOutput = li === layout.layers.length - 1;
    if (noBias || (sum && isOutput)) isFree.fill(0, ly.b, ly.b + ly.fanOut);
    if (sum && isOutput) {
      isFree.fill(0, ly.w, ly.w + ly.fanIn * ly.fanOut);
      base.fill(1, ly.w, ly.w + ly.fanIn * ly.fanOut);
    }
  });
  const free: number[] = [];
  isFree.forEach((f, i) => f && free.push(i));
  return { free: Int32Array.from(free), base };
}

/** The full-layout vector of parameters p (fixed entries filled in) into out. */
export function expandParams(fx: FixedEntries, p: Float64Array, out: Float64Array): void {
  out.set(fx.base);
  for (let i = 0; i < fx.free.length; i++) out[fx.free[i]!] = p[i]!;
}

/** The free entries of a full-layout vector into out (a gradient, a Hessian-vector product). */
export function restrictParams(fx: FixedEntries, full: Float64Array, out: Float64Array): void {
  for (let i = 0; i < fx.free.length; i++) out[i] = full[fx.free[i]!]!;
}

/** Number of parameters (free entries). */
export function paramCount(spec: Shape): number {
  return fixedEntries(spec)?.free.length ?? layoutOf(spec).size;
}

/** Input names: x (one input), x and y (two), x1..xd (more). */
export function inputNames(inputs: number): string[] {
  if (inputs === 1) return ['x'];
  if (inputs === 2) return ['x', 'y'];
  return Array.from({ length: inputs }, (_, i) => `x${i + 1}`);
}

/** Human names of every parameter, e.g. "layer 1, unit 3, weight from x" (units count from 1). */
export function paramNames(spec: Shape): string[] {
  const { layers } = layoutOf(spec);
  const ins = inputNames(spec.inputs);
  const names: string[] = [];
  layers.forEach((ly, li) => {
    const isOutput = li === layers.length - 1;
    const layerName = isOutput ? 'output' : `layer ${li + 1}`;
    for (let i = 0; i < ly.fanIn; i++) {
      for (let j = 0; j < ly.fanOut; j++) {
        const from = li === 0 ? ins[i] : `layer ${li} unit ${i + 1}`;
        names.push(
          isOutput ? `output, weight from ${from}` : `${layerName}, unit ${j + 1}, weight from ${from}`,
        );
      }
    }
    for (let j = 0; j < ly.fanOut; j++)
      names.push(isOutput ? 'output, bias' : `${layerName}, unit ${j + 1}, bias`);
  });
  const fx = fixedEntries(spec);
  return fx ? Array.from(fx.free, (i) => names[i]!) : names;
}

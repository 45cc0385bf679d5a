/**
 * A network's shape and its flat parameter layout.
 *
 * Layout (fixed, documented in docs/architecture.md): for each layer l = 1..L in order, the weight
 * matrix W_l as [fanIn x fanOut] row-major (W[i*fanOut + j] connects input i to unit j), then the
 * bias b_l of length fanOut; h_l = act(h_{l-1} W_l + b_l). The last layer has one unit and is linear.
 */

export interface NetworkSpec {
  readonly inputs: 1 | 2;
  readonly hidden: readonly number[];
  readonly activation: string;
  /** Negative-side slope of leakyRelu. */
  readonly leakySlope: number;
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

export function paramCount(spec: Pick<NetworkSpec, 'inputs' | 'hidden'>): number {
  return layoutOf(spec).size;
}

const inputNames = ['x', 'y'];

/** Human names of every parameter, e.g. "layer 1, unit 3, weight from x" (units count from 1). */
export function paramNames(spec: Pick<NetworkSpec, 'inputs' | 'hidden'>): string[] {
  const { layers } = layoutOf(spec);
  const names: string[] = [];
  layers.forEach((ly, li) => {
    const isOutput = li === layers.length - 1;
    const layerName = isOutput ? 'output' : `layer ${li + 1}`;
    for (let i = 0; i < ly.fanIn; i++) {
      for (let j = 0; j < ly.fanOut; j++) {
        const from = li === 0 ? inputNames[i] : `layer ${li} unit ${i + 1}`;
        names.push(
          isOutput ? `output, weight from ${from}` : `${layerName}, unit ${j + 1}, weight from ${from}`,
        );
      }
    }
    for (let j = 0; j < ly.fanOut; j++)
      names.push(isOutput ? 'output, bias' : `${layerName}, unit ${j + 1}, bias`);
  });
  return names;
}

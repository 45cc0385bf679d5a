/**
 * Scaling of random directions so that slices of networks with different weight scales compare
 * (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets", section 4).
 * - filter: for every unit (a "filter" of a dense layer: its incoming weights, column j of W_l), the
 *   direction's block is rescaled to the norm of the same block of the center: d_j <- d_j ‖θ_j‖ / ‖d_j‖.
 * - layer: the same per layer (the whole W_l block).
 * - none: the raw Gaussian.
 * Biases: with bias "zero" (Li et al.'s choice, their `ignore biasbn`) the bias components are set to 0;
 * with "keep" each unit's bias joins its incoming weights in the block (filter) or the layer's biases join
 * its weights (layer). A block whose center norm is 0 becomes 0.
 */
import { expandParams, fixedEntries, layoutOf, restrictParams, type NetworkSpec } from '../network/spec';

export type Normalization = 'filter' | 'layer' | 'none';
export type BiasMode = 'zero' | 'keep';

export function normalizeDirection(
  d: Float64Array,
  center: Float64Array,
  spec: Pick<NetworkSpec, 'inputs' | 'hidden' | 'bias' | 'output'>,
  mode: Normalization,
  bias: BiasMode,
): void {
  if (mode === 'none') return;
  const fx = fixedEntries(spec);
  if (fx) {
    // Fixed entries (bias false, output sum) never move: normalise on the full layout, keep the free part.
    const size = layoutOf(spec).size;
    const dFull = new Float64Array(size);
    const cFull = new Float64Array(size);
    expandParams({ free: fx.free, base: new Float64Array(size) }, d, dFull);
    expandParams(fx, center, cFull);
    normalizeDirection(dFull, cFull, { inputs: spec.inputs, hidden: spec.hidden }, mode, bias);
    restrictParams(fx, dFull, d);
    return;
  }
  const { layers } = layoutOf(spec);
  for (const ly of layers) {
    const { fanIn, fanOut } = ly;
    if (bias === 'zero') for (let j = 0; j < fanOut; j++) d[ly.b + j] = 0;
    const withBias = bias === 'keep';
    if (mode === 'filter') {
      for (let j = 0; j < fanOut; j++) {
        let dn = 0;
        let cn = 0;
        for (let i = 0; i < fanIn; i++) {
          const k = ly.w + i * fanOut + j;
          dn += d[k]! * d[k]!;
          cn += center[k]! * center[k]!;
        }
        if (withBias) {
          dn += d[ly.b + j]! * d[ly.b + j]!;
          cn += center[ly.b + j]! * center[ly.b + j]!;
        }
        const s = dn > 0 ? Math.sqrt(cn / dn) : 0;
        for (let i = 0; i < fanIn; i++) d[ly.w + i * fanOut + j] = d[ly.w + i * fanOut + j]! * s;
        if (withBias) d[ly.b + j] = d[ly.b + j]! * s;
      }
    } else {
      const end = withBias ? ly.b + fanOut : ly.b;
      let dn = 0;
      let cn = 0;
      for (let k = ly.w; k < end; k++) {
        dn += d[k]! * d[k]!;
        cn += center[k]! * center[k]!;
      }
      const s = dn > 0 ? Math.sqrt(cn / dn) : 0;
      for (let k = ly.w; k < end; k++) d[k] = d[k]! * s;
    }
  }
}
